import type { Tool, ToolResult, ToolRunContext } from "../tool.js";
import type { RunnableCall } from "../tool-call-event.js";

/**
 * Runs one validated call. The tool's own zod schema is the last check (repair already ran);
 * a tool that throws becomes an error result for the model, never a crashed turn.
 */
export async function runToolCall(call: RunnableCall, tool: Tool, context: ToolRunContext): Promise<ToolResult> {
  const parsed = tool.parameters.safeParse(call.arguments);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(arguments)"}: ${issue.message}`)
      .join("; ");
    return { content: `Invalid arguments for ${tool.name}: ${problems}. Fix these and call again.`, isError: true };
  }
  try {
    return await tool.run(parsed.data, context);
  } catch (error) {
    if (context.signal.aborted) return { content: `${tool.name} was cancelled by the user.`, isError: true };
    return { content: `${tool.name} failed: ${error instanceof Error ? error.message : String(error)}`, isError: true };
  }
}

/** The text of a tool result, for events and logs. */
export function resultText(result: ToolResult): string {
  if (typeof result.content === "string") return result.content;
  return result.content.map((part) => (part.type === "text" ? part.text : `[image ${part.mediaType ?? ""}]`)).join("\n");
}
