import { listSessions, type SessionSummary } from "@bridle/core";

/**
 * The sessions in `directory` that hold at least one message, newest first: what `-c`, `/sessions`
 * and `/resume` offer. Empty files (left by older builds, which wrote one at every start) are skipped.
 */
export function sessionsWithContent(directory: string): SessionSummary[] {
  return listSessions(directory).filter((session) => session.messageCount > 0);
}
