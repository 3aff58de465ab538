import type { AgentEvent } from "@bridle/core";
import { describeGatewayError, feedMessage } from "./describe-gateway-error.js";

/**
 * Plain-text output for `bridle run`: the answer on stdout, the harness's work (tool calls,
 * feed lines, errors) on stderr so that stdout stays pipeable.
 */
export function createTextRenderer(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, keyVariable?: (gateway: string) => string | undefined) {
  let atLineStart = true;
  let lastError: string | undefined;
  const writeOut = (text: string) => {
    stdout.write(text);
    atLineStart = text.endsWith("\n");
  };
  const note = (text: string) => {
    if (!atLineStart) writeOut("\n");
    stderr.write(`${text}\n`);
  };
  return (event: AgentEvent) => {
    switch (event.type) {
      case "text":
        writeOut(event.text);
        break;
      case "tool_call":
        note(`• ${event.name} ${compactArguments(event.arguments)}${event.repairs.length > 0 ? `  (repaired: ${event.repairs.join(", ")})` : ""}`);
        break;
      case "tool_result":
        if (event.isError) note(`  ✗ ${firstLine(event.content)}`);
        else if (event.summary) note(`  ✓ ${event.summary}`);
        break;
      case "feed":
        note(`${event.event.level === "info" ? "·" : "!"} ${feedMessage(event.event)}`);
        break;
      case "interrupted_answer":
        note(`! the answer above was interrupted and is not part of the conversation (${event.reason})`);
        break;
            case "error": {
        const described = describeGatewayError(event, keyVariable);
        lastError = event.message;
        note(`error: ${described.message}${described.details ? `\n  ${described.details}` : ""}`);
        break;
      }
      case "done":
        if (!atLineStart) writeOut("\n");
        // The turn's end repeats the error just printed: once is enough.
        if (event.reason !== "stop" && event.message && event.message !== lastError) note(`(${event.reason}: ${event.message})`);
        break;
      default:
        break;
    }
  };
}

function compactArguments(args: Record<string, unknown>): string {
  const text = JSON.stringify(args);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
