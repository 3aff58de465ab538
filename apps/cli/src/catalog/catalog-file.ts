import { readFileSync } from "node:fs";
import { writePrivateFile } from "@bridle/core";
import { homedir } from "node:os";
import path from "node:path";
import type { CatalogEntry } from "./parse-model-list.js";

/** What `bridle models refresh` stored, per gateway. */
export interface CatalogFile {
  version: 1;
  gateways: Record<string, { fetchedAt: string; models: CatalogEntry[] }>;
}

/** `$XDG_CACHE_HOME/bridle/catalog.json`, else `~/.cache/bridle/catalog.json`. */
export function catalogPath(environment: NodeJS.ProcessEnv): string {
  const base = environment.XDG_CACHE_HOME && path.isAbsolute(environment.XDG_CACHE_HOME) ? environment.XDG_CACHE_HOME : path.join(environment.HOME ?? homedir(), ".cache");
  return path.join(base, "bridle", "catalog.json");
}

/** The stored catalog, or `undefined` when there is none or it cannot be read (it is only a cache). */
export function readCatalog(file: string): CatalogFile | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as CatalogFile;
    return parsed.version === 1 && typeof parsed.gateways === "object" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the catalog atomically, mode 0600 in a 0700 folder. */
export function writeCatalog(file: string, catalog: CatalogFile): void {
  writePrivateFile(file, `${JSON.stringify(catalog, null, 2)}\n`);
}
