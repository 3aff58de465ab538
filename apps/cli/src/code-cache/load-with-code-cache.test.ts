import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeCacheFile, codeCacheKey, loadWithCodeCache } from "./load-with-code-cache.js";

const bundle = (answer: number) =>
  [
    `const path = require("node:path");`,
    `function compute(x) { return x * 2 + ${answer}; }`,
    `exports.answer = () => compute(${answer});`,
    `exports.file = __filename;`,
    `exports.folder = __dirname;`,
    `exports.joined = path.join("a", "b");`,
    `exports.lazy = () => __import("node:os").then((os) => typeof os.tmpdir);`,
  ].join("\n");

describe("loadWithCodeCache", () => {
  let directory: string;
  let file: string;
  let cache: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), "bridle-code-cache-"));
    file = path.join(directory, "start.cjs");
    cache = path.join(directory, "cache", "bridle", "code");
    writeFileSync(file, bundle(1));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));
  const stored = () => (readdirSync(cache).filter((entry) => entry.endsWith(".bin")));

  it("runs the bundle as CommonJS, with require, __filename, __dirname and dynamic import", async () => {
    const loaded = loadWithCodeCache(file, cache);
    expect((loaded.exports.answer as () => number)()).toBe(3);
    expect(loaded.exports.file).toBe(file);
    expect(loaded.exports.folder).toBe(directory);
    expect(loaded.exports.joined).toBe(path.join("a", "b"));
    await expect((loaded.exports.lazy as () => Promise<string>)()).resolves.toBe("function");
  });

  it("keeps __import working when the code comes from the cache", async () => {
    const source = bundle(11);
    writeFileSync(file, source);
    mkdirSync(cache, { recursive: true, mode: 0o700 });
    // Stored by another process, as on a real second start (this one would reuse its own copy).
    const { execFileSync } = await import("node:child_process");
    execFileSync(process.execPath, ["--input-type=module", "-e", `const vm = await import("node:vm"); const fs = await import("node:fs"); const { createHash } = await import("node:crypto"); const s = new vm.Script(${JSON.stringify(`(function (exports, require, module, __filename, __dirname, __import) { ${source}
})`)}, { filename: ${JSON.stringify(file)} }); s.runInThisContext(); const d = s.createCachedData(); fs.writeFileSync(${JSON.stringify(codeCacheFile(source, cache))}, Buffer.concat([createHash("sha256").update(d).digest(), d]));`]);
    const loaded = loadWithCodeCache(file, cache);
    await expect((loaded.exports.lazy as () => Promise<string>)()).resolves.toBe("function");
  });

  it("stores the compiled code privately after the run and takes it on the next load", () => {
    const first = loadWithCodeCache(file, cache);
    expect(first.cacheUsed).toBe(false);
    (first.exports.answer as () => number)();
    first.saveCache();
    expect(stored()).toHaveLength(1);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(cache, stored()[0]!)).mode & 0o777).toBe(0o600);
    const second = loadWithCodeCache(file, cache);
    expect(second.cacheUsed).toBe(true);
    expect((second.exports.answer as () => number)()).toBe(3);
  });

  it("compiles from source when the bundle changed, and replaces the stale entry", () => {
    loadWithCodeCache(file, cache).saveCache();
    const stale = stored();
    writeFileSync(file, bundle(5));
    const changed = loadWithCodeCache(file, cache);
    expect(changed.cacheUsed).toBe(false);
    expect((changed.exports.answer as () => number)()).toBe(15);
    changed.saveCache();
    expect(stored()).toHaveLength(1);
    expect(stored()).not.toEqual(stale);
    expect(loadWithCodeCache(file, cache).cacheUsed).toBe(true);
  });

  it("compiles from source when the stored code is corrupt, truncated or refused by V8, and stores it afresh", () => {
    loadWithCodeCache(file, cache).saveCache();
    const entry = path.join(cache, stored()[0]!);
    const good = readFileSync(entry);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10]! ^= 0xff;
    for (const [name, damaged] of Object.entries({ flipped, truncated: good.subarray(0, 100), empty: Buffer.alloc(0) })) {
      writeFileSync(entry, damaged);
      const loaded = loadWithCodeCache(file, cache);
      expect(loaded.cacheUsed, name).toBe(false);
      expect((loaded.exports.answer as () => number)()).toBe(3);
      loaded.saveCache();
      expect(loadWithCodeCache(file, cache).cacheUsed).toBe(true);
    }
  });

  it("compiles from source when V8 refuses intact stored code", () => {
    // A source this process never compiled: V8 would otherwise reuse its own in-memory copy.
    const source = bundle(7);
    writeFileSync(file, source);
    const garbage = Buffer.alloc(4096, 7);
    mkdirSync(cache, { recursive: true, mode: 0o700 });
    const planted = Buffer.concat([createHash("sha256").update(garbage).digest(), garbage]);
    writeFileSync(codeCacheFile(source, cache), planted);
    const loaded = loadWithCodeCache(file, cache);
    expect(loaded.cacheUsed).toBe(false);
    expect((loaded.exports.answer as () => number)()).toBe(21);
    loaded.saveCache();
    const replaced = readFileSync(codeCacheFile(source, cache));
    expect(replaced.equals(planted)).toBe(false);
    expect(createHash("sha256").update(replaced.subarray(32)).digest().equals(replaced.subarray(0, 32))).toBe(true);
  });

  it("runs without a cache when the folder cannot be created or written", () => {
    const blocked = path.join(directory, "not-a-folder");
    writeFileSync(blocked, "");
    const loaded = loadWithCodeCache(file, path.join(blocked, "code"));
    expect(loaded.cacheUsed).toBe(false);
    expect((loaded.exports.answer as () => number)()).toBe(3);
    expect(() => loaded.saveCache()).not.toThrow();
    expect(readFileSync(blocked, "utf8")).toBe("");
  });

  it("refuses a folder others can write to: code planted there would run as this user", () => {
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o777);
    const loaded = loadWithCodeCache(file, cache);
    loaded.saveCache();
    expect(stored()).toEqual([]);
    expect((loaded.exports.answer as () => number)()).toBe(3);
  });
});

describe("codeCacheKey", () => {
  const runtime = { nodeVersion: "v20.20.0", v8Version: "11.3", arch: "x64", flags: [] };
  it("changes with the bundle, the Node and V8 versions, the architecture and the V8 flags", () => {
    const base = codeCacheKey("a", runtime);
    expect(codeCacheKey("a", runtime)).toBe(base);
    expect(new Set([base, codeCacheKey("b", runtime), codeCacheKey("a", { ...runtime, nodeVersion: "v20.20.1" }), codeCacheKey("a", { ...runtime, v8Version: "11.4" }), codeCacheKey("a", { ...runtime, arch: "arm64" }), codeCacheKey("a", { ...runtime, flags: ["--max-old-space-size=100"] })]).size).toBe(6);
  });
});
