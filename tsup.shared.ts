import { defineConfig, type Options } from "tsup";

/**
 * The build every package shares: ESM for Node 20, source maps, JavaScript only (declarations
 * come from `tsc -p tsconfig.build.json`). A package passes its own entry points.
 */
export function packageBuild(entry: Options["entry"] = ["src/index.ts"], overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ["esm"],
    target: "node20",
    platform: "node",
    sourcemap: true,
    clean: false,
    dts: false,
    ...overrides,
  });
}
