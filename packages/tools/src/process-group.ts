import { killProcessGroup } from "./kill-process-group.js";
import { processGroupMembers, readProcessStat } from "./process-group-members.js";

/**
 * An identity of a running process that a later process reusing its pid does not share: on
 * Linux its start time in clock ticks since boot (`/proc/<pid>/stat`). `undefined` elsewhere.
 */
export function processStartMarker(pid: number): string | undefined {
  return readProcessStat(pid)?.startTime;
}

/** What became of a process group a crashed session left behind. */
export type OrphanOutcome = "gone" | "ended" | "still-running";

/**
 * Whether the process group `pid` leads (or led) is still running: some process is in the group
 * and, where start times are known, it started no earlier than the recorded leader did (so a
 * group id reused by an unrelated program does not count).
 */
export function isProcessGroupRunning(pid: number, startMarker?: string): boolean {
  try {
    process.kill(-pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  if (process.platform !== "linux") return true;
  // Zombies (exited, not yet reaped by whoever inherited them) still count for kill(); they run nothing.
  const members = processGroupMembers(pid).filter((member) => member.state !== "Z");
  if (startMarker === undefined) return members.length > 0;
  const leader = members.find((member) => member.pid === pid);
  if (leader) return leader.startTime === startMarker;
  // The leader (the shell) is gone; its children may still run in its group, started after it.
  const since = BigInt(startMarker);
  return members.some((member) => BigInt(member.startTime) >= since);
}

/**
 * Finds a process group a session recorded before it was killed and ends it (SIGTERM, then
 * SIGKILL after `graceMs`). Says whether it was already gone, was ended, or could not be ended.
 */
export async function endOrphanedProcessGroup(pid: number, startMarker: string | undefined, graceMs: number): Promise<OrphanOutcome> {
  if (process.platform === "win32" || !isProcessGroupRunning(pid, startMarker)) return "gone";
  await killProcessGroup(pid, graceMs);
  return isProcessGroupRunning(pid, startMarker) ? "still-running" : "ended";
}
