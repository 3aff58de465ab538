import { readdirSync } from "node:fs";
import path from "node:path";
import { SLASH_COMMANDS } from "./slash-commands.js";

/** What Tab does to the prompt: the new text, and the candidates when more than one fits. */
export interface Completion {
  text: string;
  /** Shown when the word could not be completed to one candidate. */
  candidates: string[];
}

/** Lists a directory's entries, directories marked with a trailing `/`; empty when unreadable. */
export type ListDirectory = (directory: string) => string[];

/** Candidates shown at most. */
const SHOWN = 12;

/**
 * Tab on the prompt: a slash command name at the start of the line (`/co` → `/co` + `ntext` or
 * `compact`), else the last word as a path inside the workspace (`src/inter` → `src/interactive/`).
 * Completes to the longest prefix every candidate shares; hidden files only when the word starts
 * with a dot. Without a candidate the text is unchanged.
 */
export function completeInput(text: string, workspace: string, listDirectory: ListDirectory = readDirectory): Completion {
  const command = /^\/([\w-]*)$/.exec(text);
  if (command) {
    const names = SLASH_COMMANDS.map((entry) => entry.name).filter((name) => name.startsWith(command[1]!.toLowerCase()));
    return extend(text, command[1]!, names, (name) => (names.length === 1 ? `${name} ` : name));
  }
  const word = /(?:^|\s)@?([^\s]*)$/.exec(text)?.[1] ?? "";
  const slash = word.lastIndexOf("/");
  const folder = slash === -1 ? "" : word.slice(0, slash + 1);
  const partial = word.slice(slash + 1);
  const base = path.resolve(workspace, folder || ".");
  // Only inside the workspace: the prompt offers what the file tools can reach.
  if (base !== workspace && !base.startsWith(`${workspace}${path.sep}`)) return { text, candidates: [] };
  const entries = listDirectory(base).filter((entry) => entry.startsWith(partial) && (partial.startsWith(".") || !entry.startsWith(".")));
  return extend(text, partial, entries, (entry) => entry);
}

function extend(text: string, typed: string, candidates: string[], finish: (candidate: string) => string): Completion {
  if (candidates.length === 0) return { text, candidates: [] };
  if (candidates.length === 1) return { text: text.slice(0, text.length - typed.length) + finish(candidates[0]!), candidates: [] };
  const shared = commonPrefix(candidates);
  const sorted = [...candidates].sort();
  return { text: text.slice(0, text.length - typed.length) + shared, candidates: sorted.length > SHOWN ? [...sorted.slice(0, SHOWN), `… ${sorted.length - SHOWN} more`] : sorted };
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? "";
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

function readDirectory(directory: string): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name));
  } catch {
    return [];
  }
}
