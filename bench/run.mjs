#!/usr/bin/env node
// Runs every bench/*.bench.mjs, prints one table and writes bench/results/latest.json.
// Each benchmark module exports `name` and `run()` → rows { name, value, unit, target?, pass?, details? }.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const benchDirectory = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(benchDirectory)
  .filter((file) => file.endsWith(".bench.mjs"))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

const results = [];
let failed = false;
for (const file of files) {
  const module = await import(pathToFileURL(path.join(benchDirectory, file)).href);
  const started = performance.now();
  process.stderr.write(`bench: ${module.name} …\n`);
  try {
    const rows = await module.run();
    for (const row of rows) results.push({ suite: module.name, ...row });
  } catch (error) {
    failed = true;
    results.push({ suite: module.name, name: "(failed)", value: Number.NaN, unit: "", error: String(error?.stack ?? error) });
    process.stderr.write(`bench: ${module.name} failed: ${error?.stack ?? error}\n`);
  }
  process.stderr.write(`bench: ${module.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

const format = (value) =>
  !Number.isFinite(value) ? String(value) : Math.abs(value) >= 1000 ? value.toLocaleString("en-US", { maximumFractionDigits: 0 }) : Number(value.toPrecision(4)).toString();
const table = results.map((row) => ({
  suite: row.suite,
  benchmark: row.name,
  value: `${format(row.value)} ${row.unit}`,
  target: row.target ?? "",
  pass: row.pass === undefined ? "" : row.pass ? "yes" : "NO",
}));
const widths = Object.keys(table[0] ?? { suite: "" }).map((key) => Math.max(key.length, ...table.map((row) => String(row[key]).length)));
const line = (cells) => cells.map((cell, index) => String(cell).padEnd(widths[index])).join("  ");
console.log(line(Object.keys(table[0] ?? {})));
for (const row of table) console.log(line(Object.values(row)));

let commit = "unknown";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: benchDirectory, encoding: "utf8" }).trim();
} catch {}
const report = {
  date: new Date().toISOString(),
  commit,
  machine: {
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
  },
  results,
};
mkdirSync(path.join(benchDirectory, "results"), { recursive: true });
const output = path.join(benchDirectory, "results", "latest.json");
writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote ${path.relative(process.cwd(), output)}`);
if (failed) process.exitCode = 1;
