import { createHash } from "node:crypto";
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

/** What a CommonJS bundle loaded through V8's code cache gives back. */
export interface CodeCachedModule {
  exports: Record<string, unknown>;
  /** True when V8 took the stored code: nothing was compiled from source. */
  cacheUsed: boolean;
  /**
   * Stores the compiled code when the cache was missing or V8 rejected it. Call it after the work
   * is done: functions compiled lazily while working are stored too, so the next start compiles
   * none of them. It never throws; a cache that cannot be written is simply not written.
   */
  saveCache(): void;
}

const DIGEST_BYTES = 32;
const importModule = (specifier: string): Promise<unknown> => import(specifier);
const CACHE_PREFIX = "start-";

/**
 * The key of a bundle's stored code: its content, the Node and V8 it runs on, the architecture
 * and the flags V8 was started with. Any of these changing makes stored code useless.
 */
export function codeCacheKey(source: string, runtime: { nodeVersion: string; v8Version: string; arch: string; flags: readonly string[] }): string {
  return createHash("sha256")
    .update(source)
    .update("\0")
    .update(JSON.stringify([runtime.nodeVersion, runtime.v8Version, runtime.arch, runtime.flags]))
    .digest("hex")
    .slice(0, 32);
}

/** Where the stored code of `source` lives in `cacheFolder`, for the running Node. */
export function codeCacheFile(source: string, cacheFolder: string): string {
  const key = codeCacheKey(source, { nodeVersion: process.version, v8Version: process.versions.v8, arch: process.arch, flags: [...process.execArgv, process.env.NODE_OPTIONS ?? ""] });
  return path.join(cacheFolder, `${CACHE_PREFIX}${key}.bin`);
}

/**
 * The folder, when it is this user's alone: created 0700 if missing, refused when it is a link,
 * someone else's, or writable by others (planted code would run as this user).
 */
function privateFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    const owner = process.getuid?.();
    return stat.isDirectory() && (owner === undefined || stat.uid === owner) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The stored code in `file`, when it is there and intact (its digest matches); else undefined. */
function readCache(file: string): Buffer | undefined {
  try {
    const stored = readFileSync(file);
    if (stored.length <= DIGEST_BYTES) return undefined;
    const data = stored.subarray(DIGEST_BYTES);
    return createHash("sha256").update(data).digest().equals(stored.subarray(0, DIGEST_BYTES)) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Temp file (0600) + rename, so a reader sees the old file or the whole new one; older keys go. */
function writeCache(folder: string, file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = openSync(temporary, "wx", 0o600);
    try {
      writeSync(handle, createHash("sha256").update(data).digest());
      writeSync(handle, data);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, file);
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith(CACHE_PREFIX) && path.join(folder, entry) !== file && !entry.endsWith(".tmp")) rmSync(path.join(folder, entry), { force: true });
    }
  } catch {
    rmSync(temporary, { force: true });
  }
}

/**
 * Loads a CommonJS bundle the way Node's `require` would, but through `vm.Script` with V8's
 * code cache kept in `cacheFolder`, for Node versions without `module.enableCompileCache`.
 * A missing, stale, corrupt or unwritable cache only means compiling from source. Node 20 loses
 * a script's dynamic-import callback when its code comes from the cache, so the bundle must not
 * use `import()` itself: it gets `__import`, this module's own `import()`, beside `require`.
 */
export function loadWithCodeCache(file: string, cacheFolder: string): CodeCachedModule {
  const source = readFileSync(file, "utf8");
  const usable = privateFolder(cacheFolder);
  const cacheFile = codeCacheFile(source, cacheFolder);
  const cachedData = usable ? readCache(cacheFile) : undefined;
  // Node's CommonJS wrapper plus `__import`, on the first line so line numbers stay.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __import) { ${source}\n})`, { filename: file, cachedData });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...parameters: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), importModule);
  return {
    exports: module.exports,
    cacheUsed,
    saveCache() {
      if (!usable || cacheUsed) return;
      try {
        writeCache(cacheFolder, cacheFile, script.createCachedData());
      } catch {
        // Only a cache: the next start compiles from source again.
      }
    },
  };
}
