import { listSessions, readSessionFile } from "@bridle/core";
import { type RepairTally, tallyRepairs } from "./repair-tally.js";

/** How many of the newest sessions `bridle doctor` reads for repair counts. */
const SESSIONS_READ = 20;

/**
 * Repairs recorded in a workspace's session logs (their `tool.*` feed records), per rule, model
 * and gateway: the data that can later flip per-model defaults. Reads the newest sessions only;
 * a damaged file is skipped, never changed.
 */
export function sessionRepairs(directory: string): { tally: RepairTally; sessions: number } {
  let tally: RepairTally = {};
  const sessions = listSessions(directory).slice(0, SESSIONS_READ);
  for (const session of sessions) {
    let records;
    try {
      records = readSessionFile(session.file).records;
    } catch {
      continue;
    }
    for (const record of records) if (record.type === "feed") tally = tallyRepairs(tally, record.event);
  }
  return { tally, sessions: sessions.length };
}
