import { alwaysGrant } from "../runtime/always-rules.js";
import type { PermissionQuestion } from "../runtime/authorize.js";
import { describeToolCall } from "./describe-tool-call.js";
import type { PermissionView } from "./screen-state.js";

const DETAIL_LINES = 8;
const PREVIEW_LINES = 12;

/**
 * What the permission prompt shows for a question: the call in one line, a long command whole,
 * what a write or an edit puts in the file, and what `[a]lways` would allow.
 */
export function toPermissionView(question: PermissionQuestion): PermissionView {
  const args = question.call.arguments;
  const command = typeof args.command === "string" ? args.command : undefined;
  const long = command !== undefined && (command.includes("\n") || command.length > 100);
  const lines = long ? command.split("\n") : [];
  const detail = long ? cut(lines, DETAIL_LINES).join("\n") : undefined;
  // A tool from elsewhere (an MCP server) says where, so the user knows who runs it.
  const call = describeToolCall(question.call.name, args);
  return {
    call: question.tool.origin ? `${call} · ${question.tool.origin}` : call,
    kind: question.tool.kind,
    reason: question.reason,
    detail,
    preview: question.tool.kind === "edit" ? editPreview(args) : undefined,
    always: alwaysGrant(question.call, question.tool).description,
  };
}

/** `+` lines of a write's content, or `-`/`+` lines of an edit's replacement. */
function editPreview(args: Record<string, unknown>): string[] | undefined {
  const text = (value: unknown) => (typeof value === "string" ? value.replace(/\n$/, "").split("\n") : undefined);
  const content = text(args.content);
  if (content) return cut(content.map((line) => `+${line}`), PREVIEW_LINES, `(${content.length} line${content.length === 1 ? "" : "s"} in all)`);
  const removed = text(args.old_string);
  const added = text(args.new_string);
  if (!removed && !added) return undefined;
  const half = PREVIEW_LINES / 2;
  return [...cut((removed ?? []).map((line) => `-${line}`), half), ...cut((added ?? []).map((line) => `+${line}`), half)];
}

function cut(lines: string[], limit: number, total?: string): string[] {
  if (lines.length <= limit) return lines;
  return [...lines.slice(0, limit), `… ${lines.length - limit} more line${lines.length - limit === 1 ? "" : "s"}${total ? ` ${total}` : ""}`];
}
