import type { PermissionQuestion } from "../runtime/authorize.js";
import { describeToolCall } from "./describe-tool-call.js";
import type { PermissionView } from "./screen-state.js";

const DETAIL_LINES = 8;

/** What the permission prompt shows for a question: the call in one line, and a long command whole. */
export function toPermissionView(question: PermissionQuestion): PermissionView {
  const args = question.call.arguments;
  const command = typeof args.command === "string" ? args.command : undefined;
  const long = command !== undefined && (command.includes("\n") || command.length > 100);
  const lines = long ? command.split("\n") : [];
  const detail = long ? [...lines.slice(0, DETAIL_LINES), ...(lines.length > DETAIL_LINES ? [`… ${lines.length - DETAIL_LINES} more lines`] : [])].join("\n") : undefined;
  // A tool from elsewhere (an MCP server) says where, so the user knows who runs it.
  const call = describeToolCall(question.call.name, args);
  return { call: question.tool.origin ? `${call} · ${question.tool.origin}` : call, kind: question.tool.kind, reason: question.reason, detail };
}
