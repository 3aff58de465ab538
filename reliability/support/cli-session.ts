import { readFileSync } from "node:fs";
import type { CliProcess } from "../../apps/cli/test/sim-project.js";

// The CLI's own process-test helpers, shared rather than copied: a simulator with a project that
// points Bridle at it, the built binary as a process, and a project with a session to continue.
export { type CliProcess, disposeSimProject, readRecords, runCliToEnd, runningInGroup, type SimProject, startCli, startSimProject, until } from "../../apps/cli/test/sim-project.js";
export { isSummaryRequest, startSwitchProject, SWITCH_MODELS, type SwitchProject } from "../../apps/cli/test/switch-project.js";

/** Kills the process with SIGKILL (no handler runs, nothing is flushed) and waits for it to be gone. */
export async function killNow(cli: CliProcess): Promise<void> {
  cli.child.kill("SIGKILL");
  expectSignal(await cli.exited);
}

function expectSignal(outcome: number | string): void {
  if (outcome !== "SIGKILL") throw new Error(`expected the process to die of SIGKILL, it ended with ${outcome}`);
}

/** The project's first session file, or `undefined` while Bridle has written none. */
export function firstSessionFile(project: { sessionFiles(): string[] }): string | undefined {
  try {
    return project.sessionFiles()[0];
  } catch {
    // The data folder does not exist yet.
    return undefined;
  }
}

/** The file's text, or "" while it does not exist. */
export function textOf(file: string | undefined): string {
  if (!file) return "";
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
