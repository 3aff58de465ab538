import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The small project the demo's scripted model fixes: a slug function with a failing test. */
export const DEMO_FILES: Readonly<Record<string, string>> = {
  "package.json": `${JSON.stringify({ name: "slug-demo", version: "1.0.0", type: "module", scripts: { test: "node --test" } }, null, 2)}\n`,
  "AGENTS.md": "# slug-demo\n\nRun the tests with `node --test`. Keep the code dependency-free.\n",
  "src/slugify.js": `/** Turns a title into a URL slug. */\nexport function slugify(text) {\n  return text.toLowerCase().replace(/ /g, "-");\n}\n`,
  "test/slugify.test.js": `import assert from "node:assert/strict";\nimport { test } from "node:test";\nimport { slugify } from "../src/slugify.js";\n\ntest("lowercases and joins words with dashes", () => {\n  assert.equal(slugify("Hello World"), "hello-world");\n});\n\ntest("drops punctuation and collapses spaces", () => {\n  assert.equal(slugify("  Hello,   World! "), "hello-world");\n});\n`,
};

/** The fix the scripted model applies. */
export const DEMO_FIX = {
  oldString: `return text.toLowerCase().replace(/ /g, "-");`,
  newString: `return text\n    .toLowerCase()\n    .replace(/[^a-z0-9\\s-]/g, "")\n    .trim()\n    .replace(/\\s+/g, "-");`,
};

export function writeDemoProject(directory: string): void {
  for (const [file, content] of Object.entries(DEMO_FILES)) {
    const target = path.join(directory, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}
