import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Options } from "tsup";
import { packageBuild } from "../../tsup.shared.js";

/**
 * The CLI ships as one bundle: every dependency (workspace packages and npm packages alike) is
 * compiled in, so a start resolves and compiles a handful of files instead of hundreds. Lazily
 * imported commands stay separate chunks. CommonJS dependencies inside the ES bundle get a real
 * `require`. Plugins named in a config are still imported by package name at run time.
 * `react-devtools-core` is Ink's optional peer, imported only when DEV=true and not installed.
 * zod's `locales` namespace (every language's error messages, about a third of zod) is reduced to
 * English, the one zod configures itself with and the only one Bridle's messages are in: the
 * namespace is re-exported from `z`, so the bundler cannot drop the others by itself.
 */
const bundle = {
  noExternal: [/./],
  // Less to parse on every start; names are kept for error names and stack traces.
  minify: true,
  keepNames: true,
  esbuildPlugins: [
    {
      name: "optional-peers",
      setup(build) {
        build.onResolve({ filter: /^react-devtools-core$/ }, (args) => ({ path: args.path, external: true }));
      },
    },
    {
      name: "zod-english-only",
      setup(build) {
        build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
          /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: "zod-locales", namespace: "zod-english-only", pluginData: path.dirname(path.resolve(args.resolveDir, args.path)) } : undefined,
        );
        build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
          contents: 'export { default as en } from "./en.js";',
          resolveDir: args.pluginData,
          loader: "js",
        }));
      },
    },
  ],
} satisfies Options;

export default [
  packageBuild(["src/index.ts", "src/bin.ts"], {
    ...bundle,
    banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
  }),
  /**
   * The same program once more as one CommonJS file, `dist/start.cjs`: a headless run on Node
   * without `module.enableCompileCache` loads it through V8's code cache (src/bin.ts), which
   * Node 20 offers only for scripts. Ink and yoga-layout await at the top level, which CommonJS
   * cannot: they stay imports from node_modules, reached only by the interactive screen, which
   * starts from the ES build. gpt-tokenizer is required at run time in both builds.
   */
  packageBuild(
    { start: "src/main.ts" },
    {
      ...bundle,
      format: ["cjs"],
      splitting: false,
      define: { "import.meta.url": "__bundleURL" },
      banner: { js: 'const __bundleURL = require("node:url").pathToFileURL(__filename).href;' },
      // Node 20 drops the dynamic-import callback of a script whose code comes from V8's cache:
      // every `import(` goes through `__import`, which src/code-cache/load-with-code-cache.ts passes.
      async onSuccess() {
        const file = path.join("dist", "start.cjs");
        const source = await readFile(file, "utf8");
        await writeFile(file, source.replace(/(?<![\w$.])import\(/g, "__import("));
      },
      esbuildPlugins: [...bundle.esbuildPlugins, { name: "top-level-await-packages", setup(build) { build.onResolve({ filter: /^(ink|yoga-layout|gpt-tokenizer)(\/|$)/ }, (args) => ({ path: args.path, external: true })); } }],
    },
  ),
];
