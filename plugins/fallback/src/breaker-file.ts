import { readFileSync } from "node:fs";
import path from "node:path";
import { capabilitiesFile, writePrivateFile } from "@bridle/core";
import type { BreakerRecord, BreakerStore } from "./circuit-breakers.js";

/** The default breaker file: `breakers.json` beside what negotiation remembers (`$XDG_CACHE_HOME/bridle`). */
export function defaultBreakerFile(environment: NodeJS.ProcessEnv): string {
  return path.join(path.dirname(capabilitiesFile(environment)), "breakers.json");
}

/**
 * Breaker records in a JSON file shared by every run. Only a cache: unreadable means empty; each
 * save re-reads the file, merges the one record and replaces the file atomically, mode 0600.
 */
export function breakerFile(file: string): BreakerStore {
  const read = (): Record<string, BreakerRecord> => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (typeof parsed !== "object" || parsed === null) return {};
      return Object.fromEntries(Object.entries(parsed).filter(([, value]) => isRecord(value))) as Record<string, BreakerRecord>;
    } catch {
      return {};
    }
  };
  return {
    load: read,
    save(key, record) {
      const all = read();
      if (record) all[key] = record;
      else delete all[key];
      try {
        writePrivateFile(file, `${JSON.stringify(all, null, 2)}\n`);
      } catch {
        // A cache that cannot be written only costs the next run its memory of failures.
      }
    },
  };
}

function isRecord(value: unknown): value is BreakerRecord {
  return typeof value === "object" && value !== null && typeof (value as BreakerRecord).failures === "number";
}
