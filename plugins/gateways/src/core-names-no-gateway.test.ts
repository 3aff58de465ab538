import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtinGateways } from "./builtin-gateways.js";

/**
 * Guards the rule that core knows no gateway: every gateway fact lives in a definition here (or
 * in a third party's). Scans `packages/core/src` for any gateway id defined in this package, as
 * a whole word (`x_groq` counts; `groqish` does not), in any case. Test files and recorded
 * fixtures are left out: they name the simulator profiles they talk to. Environment variable
 * names (`MOONSHOT_API_KEY`) are left out too: the redactor and the tool sandbox list providers'
 * key variables so that secrets never leak, which is a safety list, not gateway knowledge.
 */
function coreSource(): string | undefined {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(directory, "packages", "core", "src");
    if (existsSync(path.join(directory, "pnpm-workspace.yaml"))) return existsSync(candidate) ? candidate : undefined;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

function sourceFiles(directory: string, found: string[] = []): string[] {
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== "__fixtures__" && entry !== "node_modules") sourceFiles(full, found);
    } else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) found.push(full);
  }
  return found;
}

/**
 * Ids that are also ordinary English words: in lower case they count only as code (quoted, or in
 * a host name); capitalized they are the gateway's name.
 */
const ENGLISH_WORDS = new Set(["together"]);

/** Each id as a word: not inside a longer run of letters and digits. */
const patterns = (ids: readonly string[]) =>
  ids.map((id) => {
    const word = id.replace(/[-.]/g, "[-_. ]?");
    if (!ENGLISH_WORDS.has(id)) return { id, pattern: new RegExp(`(?<![a-z0-9])${word}(?![a-z0-9])`, "i") };
    const capital = word[0]!.toUpperCase() + word.slice(1);
    return { id, pattern: new RegExp(`["'\`.]${word}["'\`.]|(?<![A-Za-z0-9])(?:${capital}|${word.toUpperCase()})(?![a-z0-9])`) };
  });

/** `SCREAMING_CASE` names with an underscore: environment variables. */
const ENVIRONMENT_VARIABLE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

export function gatewayNamesIn(line: string, ids: readonly string[]): string[] {
  const text = line.replace(ENVIRONMENT_VARIABLE, "");
  return patterns(ids)
    .filter(({ pattern }) => pattern.test(text))
    .map(({ id }) => id);
}

describe("core names no gateway", () => {
  const root = coreSource();
  const ids = builtinGateways.map((gateway) => gateway.id);

  it.runIf(root !== undefined)("no gateway id appears in packages/core/src", () => {
    const found: string[] = [];
    for (const file of sourceFiles(root!)) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, index) => {
          for (const id of gatewayNamesIn(line, ids)) found.push(`${path.relative(root!, file)}:${index + 1}: ${id}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("would catch an id in code, in a comment, inside a field name and in any case", () => {
    expect(gatewayNamesIn('const usage = chunk.x_groq?.usage;', ids)).toEqual(["groq"]);
    expect(gatewayNamesIn("// Moonshot puts usage in choices[0]", ids)).toEqual(["moonshot"]);
    expect(gatewayNamesIn('const base = LMStudio.baseURL;', ids)).toEqual(["lmstudio"]);
    expect(gatewayNamesIn("a groqish word", ids)).toEqual([]);
    expect(gatewayNamesIn('  "MOONSHOT_API_KEY",', ids)).toEqual([]);
    expect(gatewayNamesIn('const key = env.MOONSHOT_API_KEY ?? moonshot;', ids)).toEqual(["moonshot"]);
    expect(gatewayNamesIn("// the reads start together", ids)).toEqual([]);
    expect(gatewayNamesIn('if (gateway === "together") return;', ids)).toEqual(["together"]);
    expect(gatewayNamesIn("// Together sends usage late", ids)).toEqual(["together"]);
    expect(gatewayNamesIn('const base = "https://api.together.xyz/v1";', ids)).toEqual(["together"]);
    expect(ids.length).toBeGreaterThanOrEqual(25);
  });
});
