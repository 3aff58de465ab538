#!/usr/bin/env node
import module from "node:module";

type Main = (argv: string[]) => Promise<number>;
const argv = process.argv.slice(2);
// Node 22.1+ keeps compiled code between runs itself.
const enableCompileCache = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
enableCompileCache?.();
let main: Main;
let afterRun: (() => void) | undefined;
if (!enableCompileCache && argv[0] === "run") {
  // Older Node compiles every start from source; a headless run, the start repeated most, loads
  // the CommonJS build of the same program through V8's code cache instead.
  const [{ loadWithCodeCache }, { cacheDirectory }, path, { fileURLToPath }] = await Promise.all([
    import("./code-cache/load-with-code-cache.js"),
    import("@bridle/core/cache-directory"),
    import("node:path"),
    import("node:url"),
  ]);
  const loaded = loadWithCodeCache(fileURLToPath(new URL("./start.cjs", import.meta.url)), path.join(cacheDirectory(process.env), "code"));
  main = loaded.exports.main as Main;
  afterRun = loaded.saveCache;
} else {
  ({ main } = await import("./main.js"));
}
process.exitCode = await main(argv);
afterRun?.();
