import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { listSessions } from "@bridle/core";

/**
 * The session file `-c` continues: the newest session with messages, unless a file changed later
 * has a damaged header. That one is returned, so that it is reported and can be continued from a
 * copy, instead of `-c` silently landing on an older session or on none.
 */
export function sessionToContinue(directory: string): string | undefined {
  const sessions = listSessions(directory);
  const latest = sessions.find((session) => session.messageCount > 0);
  const readable = new Set(sessions.map((session) => session.file));
  let newest: { file: string; modified: number } | undefined = latest ? { file: latest.file, modified: modifiedAt(latest.file) } : undefined;
  for (const name of safeList(directory)) {
    const file = path.join(directory, name);
    if (!name.endsWith(".jsonl") || readable.has(file)) continue;
    const modified = modifiedAt(file);
    if (modified > (newest?.modified ?? -Infinity)) newest = { file, modified };
  }
  return newest?.file;
}

function safeList(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}

function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
}
