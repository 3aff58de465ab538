import { defineConfig } from "vitest/config";

/**
 * Shared vitest settings: workspace packages resolve to their TypeScript sources through the
 * `@bridle/source` export condition, so tests never depend on a stale `dist/`.
 */
export default defineConfig({
  resolve: { conditions: ["@bridle/source"] },
  ssr: { resolve: { conditions: ["@bridle/source"] } },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
