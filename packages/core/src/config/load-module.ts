import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** True when a specifier names a file rather than an npm package. */
export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../") || path.isAbsolute(specifier) || specifier === "." || specifier === "..";
}

/**
 * Resolves a package name or a relative path the way the file `from` would see it, and returns
 * an absolute file path. Throws with the resolver's reason.
 */
export function resolveSpecifier(specifier: string, from: string): string {
  if (isPathSpecifier(specifier)) return path.resolve(path.dirname(from), specifier);
  const require = createRequire(from);
  return require.resolve(specifier);
}

/** Imports an ES or CommonJS module by absolute path and returns its default export (or the namespace). */
export async function importDefault(file: string): Promise<unknown> {
  const namespace = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return namespace.default ?? namespace;
}
