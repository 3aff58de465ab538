import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { applyEdits, modify, parse } from "jsonc-parser";
import { writePrivateFile } from "../files/write-private-file.js";

/** The user config keys that remember trust decisions. */
export const TRUSTED_FOLDERS_KEY = "trustedFolders";
export const DECLINED_FOLDERS_KEY = "declinedFolders";

/** The trust decisions the user's config holds. */
export interface TrustLists {
  trusted: string[];
  declined: string[];
}

/** The folder a project config belongs to: the one holding `bridle.config.json` or `.bridle/`. */
export function projectConfigFolder(file: string): string {
  const directory = path.dirname(path.resolve(file));
  return path.basename(directory) === ".bridle" ? path.dirname(directory) : directory;
}

/** A folder's real path (its absolute path when it does not exist). */
export function realFolder(folder: string): string {
  const absolute = path.resolve(folder);
  try {
    return realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}

/** True when `folder` is one of `list` or inside one of them (trusting a folder trusts what it holds). */
export function isFolderListed(folder: string, list: readonly string[]): boolean {
  const real = realFolder(folder);
  return list.some((entry) => {
    const listed = realFolder(entry);
    const relative = path.relative(listed, real);
    return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
  });
}

/** The trust lists of a user config value (anything malformed counts as empty). */
export function trustListsOf(value: unknown): TrustLists {
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const strings = (entry: unknown) => (Array.isArray(entry) ? entry.filter((item): item is string => typeof item === "string") : []);
  return { trusted: strings(record[TRUSTED_FOLDERS_KEY]), declined: strings(record[DECLINED_FOLDERS_KEY]) };
}

/** The trust lists of the user's config file (empty when it is missing or unreadable). */
export function readTrustLists(userConfigFile: string): TrustLists {
  try {
    return trustListsOf(parse(readFileSync(userConfigFile, "utf8"), [], { allowTrailingComma: true }));
  } catch {
    return { trusted: [], declined: [] };
  }
}

/**
 * Records a decision about a folder in the user's config file, keeping its comments and layout:
 * `trust` adds it to `trustedFolders` (and drops it from `declinedFolders`), `decline` adds it
 * to `declinedFolders`, `revoke` removes it from both. Returns the lists as written.
 */
export function recordTrust(userConfigFile: string, folder: string, action: "trust" | "decline" | "revoke"): TrustLists {
  const text = existsSync(userConfigFile) ? readFileSync(userConfigFile, "utf8") : "{}\n";
  const lists = trustListsOf(parse(text, [], { allowTrailingComma: true }));
  const real = realFolder(folder);
  const without = (list: string[]) => list.filter((entry) => realFolder(entry) !== real);
  const next: TrustLists = {
    trusted: action === "trust" ? [...without(lists.trusted), real] : without(lists.trusted),
    declined: action === "decline" ? [...without(lists.declined), real] : without(lists.declined),
  };
  let updated = text;
  for (const [key, list] of [
    [TRUSTED_FOLDERS_KEY, next.trusted],
    [DECLINED_FOLDERS_KEY, next.declined],
  ] as const) {
    const edits = modify(updated, [key], list.length > 0 ? list : undefined, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
    updated = applyEdits(updated, edits);
  }
  writePrivateFile(userConfigFile, updated.endsWith("\n") ? updated : `${updated}\n`);
  return next;
}
