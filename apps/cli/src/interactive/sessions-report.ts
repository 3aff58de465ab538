import type { Report } from "./report.js";

/** What `/sessions` shows of a session (a subset of the session log's summary). */
export interface SessionListing {
  id: string;
  /** ISO time of the last record. */
  updatedAt: string;
  model: string;
  gateway: string;
  firstUserText: string | undefined;
  messageCount: number;
}

const SHOWN = 15;
const PREVIEW = 60;

/**
 * `/sessions`: the workspace's sessions, most recent first (as listed), with when, how long,
 * which model and how they began; the current one is marked.
 */
export function sessionsReport(sessions: readonly SessionListing[], currentId: string, now: Date = new Date()): Report {
  if (sessions.length === 0) return { title: "sessions · none in this workspace yet", rows: [] };
  const rows = sessions.slice(0, SHOWN).map((session) => ({
    cells: [
      session.id === currentId ? "●" : " ",
      session.id,
      age(session.updatedAt, now),
      `${session.messageCount} msg`,
      `${session.model.split("/").at(-1)} @ ${session.gateway}`,
      preview(session.firstUserText),
    ],
    tone: session.id === currentId ? ("current" as const) : ("normal" as const),
  }));
  const notes = ["continue one with `bridle --resume <id>`, or the latest with `bridle -c`"];
  if (sessions.length > SHOWN) notes.unshift(`${sessions.length - SHOWN} older sessions not shown`);
  return { title: `sessions · ${sessions.length} in this workspace`, columns: ["", "id", "updated", "messages", "model", "first prompt"], rows, notes };
}

function preview(text: string | undefined): string {
  if (!text) return "(no prompt)";
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
}

/** `just now`, `5 min ago`, `3 h ago`, `2 d ago`, or the date. */
function age(iso: string, now: Date): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const minutes = Math.floor((now.getTime() - then) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days < 30 ? `${days} d ago` : iso.slice(0, 10);
}
