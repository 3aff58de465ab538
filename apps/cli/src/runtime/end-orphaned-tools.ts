import { type FeedEvent, INTERRUPTED_TOOL_RESULT, type PendingToolCall } from "@bridle/core";
import { endOrphanedProcessGroup, limits, type OrphanOutcome } from "@bridle/tools";

/**
 * A session killed mid-command (kill -9, power loss) may have left the command's process group
 * running. For each call that started one and has no result, finds the group, ends it, and
 * returns the result text that tells the model what is known, with a feed line for the user.
 */
export async function endOrphanedTools(pending: readonly PendingToolCall[]): Promise<{ describe: (call: PendingToolCall) => string; feed: FeedEvent[] }> {
  const outcomes = new Map<string, OrphanOutcome>();
  const feed: FeedEvent[] = [];
  for (const call of pending) {
    if (!call.started || !call.process) continue;
    const outcome = await endOrphanedProcessGroup(call.process.pid, call.process.startMarker, limits.bashKillGraceMs);
    outcomes.set(call.callId, outcome);
    if (outcome !== "gone") {
      feed.push({
        type: "session.orphaned-process",
        level: "warn",
        message:
          outcome === "ended"
            ? `the last session was killed while ${describeCommand(call)} ran; it was still running (process group ${call.process.pid}) and has been stopped`
            : `the last session was killed while ${describeCommand(call)} ran; it is still running (process group ${call.process.pid}) and could not be stopped`,
      });
    }
  }
  const describe = (call: PendingToolCall): string => {
    const outcome = outcomes.get(call.callId);
    if (!call.process || outcome === undefined) return INTERRUPTED_TOOL_RESULT;
    const what = `The session was killed while this call was running ${describeCommand(call)} (process group ${call.process.pid}); its result was not saved.`;
    if (outcome === "ended") return `${what} The command was still running when the session resumed and has been stopped (SIGTERM, then SIGKILL), so it did not finish. Check what it changed before running it again.`;
    if (outcome === "still-running") return `${what} The command is still running and could not be stopped. Do not start it again; check on it first.`;
    return `${what} It had already exited by the time the session resumed; whether it succeeded is unknown. Check the state before repeating it.`;
  };
  return { describe, feed };
}

function describeCommand(call: PendingToolCall): string {
  const command = call.process?.command?.split("\n", 1)[0] ?? "";
  return command ? `\`${command.length > 80 ? `${command.slice(0, 79)}…` : command}\`` : call.name;
}
