import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ModelRegistry } from "@bridle/core";
import { describe, expect, it } from "vitest";

/**
 * Guards the rule that everything inside Bridle keys on the canonical id. Registry methods take a
 * branded `CanonicalModelId`, so a raw string does not type-check (checked below by the compiler,
 * through `@ts-expect-error`). The ways around the brand are a string literal in a registry call
 * and a cast of an unresolved string (a slug, user input, a config value); the scan below finds
 * both anywhere in the workspace's sources.
 */
const REGISTRY_LITERAL = /\b(?:models|registry)\s*\.\s*(?:get|has|limits|learn|slugFor)\s*\(\s*["'`]/;
const RAW_CAST = /\b(?:\w*[sS]lug\w*|input|raw\w*|argv|flags?|(?:config|options|settings)\s*\.\s*model)\b[^;]*\bas\s+CanonicalModelId\b/;

function workspaceRoot(): string | undefined {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(directory, "pnpm-workspace.yaml"))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

function sourceFiles(directory: string, found: string[] = []): string[] {
  for (const entry of readdirSync(directory)) {
    if (entry === "node_modules" || entry === "dist" || entry.startsWith(".")) continue;
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) sourceFiles(full, found);
    else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) && !full.includes(`${path.sep}testing${path.sep}`)) found.push(full);
  }
  return found;
}

/** Never called: the compiler checks that each raw-string access below is an error. */
export function rawStringsDoNotTypeCheck(registry: ModelRegistry): void {
  // @ts-expect-error a gateway slug is not a CanonicalModelId
  registry.get("accounts/fireworks/models/kimi-k2p6");
  // @ts-expect-error a plain string is not a CanonicalModelId
  registry.limits("kimi-k2.6" as string, "fireworks");
  // @ts-expect-error learning needs the canonical id too
  registry.learn("moonshotai/Kimi-K2.6", "together", 131_072);
}

describe("registry keys are canonical ids everywhere", () => {
  it("rejects raw strings at the type level", () => {
    expect(typeof rawStringsDoNotTypeCheck).toBe("function");
    expect(new ModelRegistry().limits("x" as never, "g").source).toBe("default");
  });

  const root = workspaceRoot();
  it.runIf(root !== undefined)("no source reads the registry by a raw string or casts a slug to a canonical id", () => {
    const problems: string[] = [];
    for (const top of ["packages", "plugins", "apps", "examples"]) {
      const directory = path.join(root as string, top);
      if (!existsSync(directory)) continue;
      for (const file of sourceFiles(directory)) {
        const relative = path.relative(root as string, file).split(path.sep).join("/");
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, index) => {
            if (REGISTRY_LITERAL.test(line)) problems.push(`${relative}:${index + 1}: registry read by a raw string`);
            if (RAW_CAST.test(line)) problems.push(`${relative}:${index + 1}: unresolved string cast to CanonicalModelId; use kernel.resolveModel`);
          });
      }
    }
    expect(problems).toEqual([]);
  });

  it("would catch both patterns", () => {
    expect(REGISTRY_LITERAL.test('const info = kernel.models.get("kimi-k2p6");')).toBe(true);
    expect(RAW_CAST.test("registry.limits(slug as CanonicalModelId, gateway)")).toBe(true);
    expect(RAW_CAST.test("registry.limits(config.model as CanonicalModelId, gateway)")).toBe(true);
    expect(RAW_CAST.test("registry.limits(agent.model.id as CanonicalModelId, gateway)")).toBe(false);
  });
});
