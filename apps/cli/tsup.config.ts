import { packageBuild } from "../../tsup.shared.js";

/**
 * The CLI ships as one bundle: every dependency (workspace packages and npm packages alike) is
 * compiled in, so a start resolves and compiles a handful of files instead of hundreds. Lazily
 * imported commands stay separate chunks. CommonJS dependencies inside the ES bundle get a real
 * `require`. Plugins named in a config are still imported by package name at run time.
 * `react-devtools-core` is Ink's optional peer, imported only when DEV=true and not installed.
 */
export default packageBuild(["src/index.ts", "src/bin.ts"], {
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
  ],
  banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
});
