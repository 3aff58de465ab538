import { normalizeKey } from "./rename-key-variant.js";

/** Rule name recorded when a key was renamed to the declared property it is a synonym of. */
export const RENAME_KEY_SYNONYM = "rename-key-synonym";

/**
 * Words models use for the same argument across harnesses, normalized (lower case, no
 * separators). A word may sit in several groups; a rename needs exactly one candidate.
 */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["path", "filepath", "file", "filename", "pathname", "fullpath", "absolutepath", "targetfile", "targetpath", "relativepath", "notebookpath"],
  ["directory", "dir", "folder", "cwd", "workdir", "workingdirectory", "dirpath", "directorypath", "folderpath"],
  ["paths", "filepaths", "files", "filenames"],
  ["content", "contents", "text", "body", "data", "filecontent", "filecontents", "filetext"],
  ["command", "cmd", "commandline", "script", "shellcommand", "bashcommand"],
  ["pattern", "regex", "regexp", "searchpattern", "query", "search", "q", "searchterm", "term"],
  ["query", "q", "search", "searchquery", "searchterm", "keywords", "question"],
  ["glob", "include", "filepattern", "fileglob", "includepattern", "globpattern"],
  ["oldstring", "oldstr", "old", "oldtext", "oldvalue", "oldcontent", "search", "find", "from", "original", "searchstring"],
  ["newstring", "newstr", "new", "newtext", "newvalue", "newcontent", "replace", "replacement", "replacewith", "to"],
  ["replaceall", "all", "global", "replaceallinstances", "replaceeverywhere"],
  ["url", "uri", "link", "href", "website"],
  ["todos", "todo", "items", "tasks", "todolist", "tasklist", "list"],
  ["description", "desc", "summary", "explanation"],
  ["ignorecase", "caseinsensitive", "insensitive", "nocase"],
];

/** Related groups tried only when a key's own groups have no candidate (`folder` for `path`). */
const FALLBACK_GROUPS: readonly (readonly string[])[] = [
  ["path", "directory", "dir", "folder", "cwd", "dirpath", "directorypath", "folderpath"],
  ["pattern", "glob", "include", "filepattern", "fileglob", "globpattern"],
];

function candidatesIn(groups: readonly (readonly string[])[], key: string, candidates: readonly string[]): string[] {
  const related = new Set<string>();
  for (const group of groups) if (group.includes(key)) for (const word of group) related.add(word);
  related.delete(key);
  return candidates.filter((candidate) => related.has(normalizeKey(candidate)));
}

/**
 * The one candidate property that `key` is a common synonym of (`cmd` → `command`,
 * `items` → `todos`, `file` → `path`). `candidates` are the declared properties not yet present.
 * Returns `null` when none or several qualify, so an ambiguous key is never guessed.
 */
export function findKeySynonym(key: string, candidates: readonly string[]): string | null {
  const wanted = normalizeKey(key);
  const direct = candidatesIn(SYNONYM_GROUPS, wanted, candidates);
  if (direct.length === 1) return direct[0] ?? null;
  if (direct.length > 1) return null;
  const fallback = candidatesIn(FALLBACK_GROUPS, wanted, candidates);
  return fallback.length === 1 ? (fallback[0] ?? null) : null;
}
