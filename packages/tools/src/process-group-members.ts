import { readdirSync, readFileSync } from "node:fs";

/** One process as `/proc/<pid>/stat` describes it (Linux). */
export interface ProcessStat {
  pid: number;
  /** The executable's name, at most 15 characters (`bwrap`, `bash`, `sleep`). */
  name: string;
  /** R, S, D, Z, … */
  state: string;
  /** The process group id. */
  group: number;
  /** Start time in clock ticks since boot: with the pid, an identity a reused pid does not share. */
  startTime: string;
}

/** A process's `/proc/<pid>/stat`, or `undefined` when it is gone or there is no `/proc`. */
export function readProcessStat(pid: number): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The name is in parentheses and may contain spaces or parentheses; the fields after the
    // last ")" are: state (3), parent (4), process group (5), …, start time (22).
    const name = text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"));
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const group = Number(fields[2]);
    const startTime = fields[19];
    return Number.isSafeInteger(group) && startTime ? { pid, name, state: fields[0] ?? "", group, startTime } : undefined;
  } catch {
    return undefined;
  }
}

/** Every process in a process group, from `/proc` (empty where there is none). */
export function processGroupMembers(group: number): ProcessStat[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const members: ProcessStat[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcessStat(Number(entry));
    if (stat?.group === group) members.push(stat);
  }
  return members;
}
