import { spawn } from "node:child_process";
import { processGroupMembers } from "./process-group-members.js";

/**
 * Stops a process and everything it started: SIGTERM to its whole process group (the sandbox's
 * own processes aside, see `terminateGroup`), then SIGKILL after `graceMs` if any member is still
 * alive (on Windows, `taskkill /T /F`). The child must have been spawned with `detached: true` so
 * that it leads its own group. Resolves when done.
 */
export async function killProcessGroup(pid: number, graceMs: number): Promise<void> {
  if (process.platform === "win32") {
    await new Promise<void>((resolve) => {
      const killer = spawn("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore", windowsHide: true });
      killer.on("close", () => resolve());
      killer.on("error", () => resolve());
    });
    return;
  }
  if (!terminateGroup(pid)) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (!signalGroup(pid, 0)) return;
  }
  signalGroup(pid, "SIGKILL");
}

/**
 * Sends SIGTERM to a process group, except to the sandbox's own processes: bubblewrap dies of a
 * SIGTERM, and with it the command's pid namespace, whose processes the kernel then SIGKILLs at
 * once; the command would get no grace to clean up. Bubblewrap ends by itself when the command's
 * shell does, or with the rest of the group on SIGKILL. False when the group no longer exists.
 */
function terminateGroup(pid: number): boolean {
  const members = process.platform === "linux" ? processGroupMembers(pid) : [];
  if (!members.some((member) => member.name === "bwrap")) return signalGroup(pid, "SIGTERM");
  for (const member of members) {
    if (member.name === "bwrap") continue;
    try {
      process.kill(member.pid, "SIGTERM");
    } catch {
      // Gone already, or it changed identity.
    }
  }
  return true;
}

/** Sends a signal to a process group; false when the group no longer exists. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    // EPERM: some member changed identity; the rest were signalled.
    return true;
  }
}

/** Process groups of commands running now, so that the process can end them whatever ends it. */
const running = new Set<number>();
let exitHandlerInstalled = false;

/**
 * Remembers a running command's process group until the returned function is called. Groups
 * still remembered when the process exits are killed (SIGKILL), so no command outlives Bridle
 * unless Bridle itself is killed with SIGKILL.
 */
export function trackProcessGroup(pid: number): () => void {
  running.add(pid);
  if (!exitHandlerInstalled && process.platform !== "win32") {
    exitHandlerInstalled = true;
    process.on("exit", () => killRunningProcessGroups());
  }
  return () => running.delete(pid);
}

/** Kills every running command's process group at once (SIGKILL), for a forced exit. */
export function killRunningProcessGroups(): void {
  for (const pid of running) signalGroup(pid, "SIGKILL");
  running.clear();
}
