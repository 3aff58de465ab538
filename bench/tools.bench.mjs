import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

export const name = "tools";

async function loadTools() {
  try {
    return await import("@bridle/tools");
  } catch {
    // Until bench/package.json lists @bridle/tools, load the built package directly.
    return await import(new URL("../packages/tools/dist/index.js", import.meta.url).href);
  }
}

function makeTree(root, files) {
  const words = ["const", "value", "return", "function", "import", "export", "config", "handler", "request", "result"];
  fs.writeFileSync(path.join(root, ".gitignore"), "dist/\n*.log\n");
  for (let index = 0; index < files; index += 1) {
    const directory = path.join(root, "src", `module${index % 100}`, `part${index % 7}`);
    fs.mkdirSync(directory, { recursive: true });
    const lines = [];
    for (let line = 0; line < 120; line += 1) {
      lines.push(`  ${words[(index + line) % 10]} ${words[(index * line) % 10]}_${line} = ${index * line}; // ${words[line % 10]}`);
    }
    if (index % 50 === 0) lines.push("  // NEEDLE: find me");
    fs.writeFileSync(path.join(directory, `file${index}.ts`), `${lines.join("\n")}\n`);
  }
  // Ignored trees the tools must not pay for.
  for (let index = 0; index < files / 2; index += 1) {
    const directory = path.join(root, index % 2 ? "node_modules" : "dist", `pkg${index % 50}`);
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(path.join(directory, `f${index}.js`), "// NEEDLE in ignored file\n".repeat(50));
  }
}

async function median(times, task) {
  const samples = [];
  for (let index = 0; index < times; index += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  samples.sort((left, right) => left - right);
  return samples[Math.floor(samples.length / 2)];
}

export async function run() {
  const tools = await loadTools();
  const byName = new Map(tools.createBuiltinTools().map((tool) => [tool.name, tool]));
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "bridle-tools-bench-")));
  const root = path.join(base, "workspace");
  fs.mkdirSync(root);
  const state = new Map();
  const context = (callId = "bench") => ({
    workspace: root,
    signal: new AbortController().signal,
    callId,
    sessionDirectory: path.join(base, "session"),
    state,
  });
  const rows = [];
  try {
    const fileCount = 4000;
    makeTree(root, fileCount);
    const treeBytes = fileCount * 120 * 45;

    const grep = byName.get("grep");
    const grepFiles = await median(5, () => grep.run({ pattern: "NEEDLE" }, context()));
    const check = await grep.run({ pattern: "NEEDLE" }, context());
    const found = String(check.content).split("\n").length - 1;
    rows.push({
      name: `grep files_with_matches, ${fileCount} files (~${(treeBytes / 1e6).toFixed(0)} MB) + ${fileCount / 2} ignored`,
      value: Number(grepFiles.toFixed(1)),
      unit: "ms",
      target: "< 1000 ms",
      pass: grepFiles < 1000 && found === fileCount / 50,
      details: { matchingFiles: found, expected: fileCount / 50 },
    });
    const grepContent = await median(5, () => grep.run({ pattern: "handler_1\\d", output_mode: "content" }, context()));
    rows.push({ name: `grep content (capped), ${fileCount} files`, value: Number(grepContent.toFixed(1)), unit: "ms", target: "< 1000 ms", pass: grepContent < 1000 });

    const glob = byName.get("glob");
    const globTime = await median(5, () => glob.run({ pattern: "**/*.ts" }, context()));
    rows.push({ name: `glob **/*.ts, ${fileCount} files, mtime-sorted`, value: Number(globTime.toFixed(1)), unit: "ms", target: "< 500 ms", pass: globTime < 500 });

    const big = path.join(root, "big.log.txt");
    const handle = fs.openSync(big, "w");
    const block = `${"x".repeat(99)}\n`.repeat(10_000);
    for (let index = 0; index < 100; index += 1) fs.writeSync(handle, block);
    fs.closeSync(handle);
    const read = byName.get("read");
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const readTime = await median(3, () => read.run({ path: "big.log.txt", offset: 500_000, limit: 100 }, context()));
    const rssGrowth = (process.memoryUsage().rss - rssBefore) / 1e6;
    rows.push({
      name: "read window of a 100 MB file (scan + hash)",
      value: Number(readTime.toFixed(1)),
      unit: "ms",
      target: "< 1500 ms",
      pass: readTime < 1500,
      details: { rssGrowthMB: Number(rssGrowth.toFixed(1)) },
    });
    rows.push({ name: "read 100 MB file: RSS growth", value: Number(rssGrowth.toFixed(1)), unit: "MB", target: "< 50 MB", pass: rssGrowth < 50 });

    const editTarget = path.join(root, "edit-me.ts");
    const editLines = Array.from({ length: 40_000 }, (_, index) => `export const value${index} = ${index};`);
    fs.writeFileSync(editTarget, `${editLines.join("\r\n")}\r\n`);
    const edit = byName.get("edit");
    await read.run({ path: "edit-me.ts", limit: 1 }, context());
    let counter = 0;
    const editTime = await median(5, async () => {
      const from = `export const value20000 = ${counter === 0 ? 20000 : `changed${counter - 1}`};`;
      const result = await edit.run({ path: "edit-me.ts", old_string: from, new_string: `export const value20000 = changed${counter};` }, context());
      if (result.isError) throw new Error(String(result.content));
      counter += 1;
    });
    rows.push({ name: "edit one line of a 1.3 MB CRLF file (read check, atomic write, diff)", value: Number(editTime.toFixed(1)), unit: "ms", target: "< 200 ms", pass: editTime < 200 });

    const bash = byName.get("bash");
    const bashTime = await median(5, () => bash.run({ command: "echo ok" }, context()));
    rows.push({ name: "bash echo round trip", value: Number(bashTime.toFixed(1)), unit: "ms", target: "< 100 ms", pass: bashTime < 100 });

    const settings = { mode: "allow-edits", allow: ["bash(npm test*)", "edit(src/**)"], deny: ["bash(rm -rf*)", "read(.env)"], workspace: root };
    const decisions = 2000;
    const permissionTime = await median(3, async () => {
      for (let index = 0; index < decisions; index += 1) {
        tools.decidePermission({ name: "bash", arguments: { command: "npm test && git status | head" } }, byName.get("bash"), settings);
        tools.decidePermission({ name: "edit", arguments: { path: "src/module1/part1/file1.ts" } }, byName.get("edit"), settings);
      }
    });
    const perDecision = (permissionTime * 1000) / (decisions * 2);
    rows.push({ name: "decidePermission per call", value: Number(perDecision.toFixed(1)), unit: "µs", target: "< 200 µs", pass: perDecision < 200 });
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
  return rows;
}
