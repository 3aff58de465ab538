import type { ChatMessage, ChatRequest, ToolDefinition } from "@bridle/core";

/** Words the summary system prompt starts with; simulators and tests can recognise the request by them. */
export const SUMMARY_PROMPT_OPENING = "You write handoff briefs for a coding agent";

/** The summarizer's instructions: the sections a brief must have, and its size. */
export function summarySystemPrompt(maxTokens: number): string {
  return [
    `${SUMMARY_PROMPT_OPENING} whose conversation no longer fits its context window. Your brief replaces the earlier`,
    "conversation: the agent continues from it and from the most recent turns, which it still sees verbatim, so",
    "anything the brief leaves out is lost to it. Write Markdown with exactly these sections:",
    "",
    "## Task",
    "What the user wants overall, in their own words where possible.",
    "## User constraints and preferences",
    "Every instruction, constraint, preference and correction from the user that still holds.",
    "## Decisions",
    "What was decided and why; approaches tried and rejected, so they are not tried again.",
    "## Files touched",
    "Each file read, created or changed, with what changed in it or what matters about it.",
    "## Todo state",
    "The todo list as it stands: done, in progress, pending.",
    "## Errors and fixes",
    "Errors met and how they were resolved, or that they are still open.",
    "## Next steps",
    "Exactly what the agent was doing and what it should do next, quoting the user's latest request.",
    "",
    "Keep file paths, identifiers, commands, error messages and numbers exact. Leave out pleasantries and tool",
    `output that no longer matters. Do not call tools. Stay under ${maxTokens.toLocaleString("en-US")} tokens.`,
  ].join("\n");
}

/** What one summary request is made of. */
export interface SummaryRequestInput {
  /** Canonical id and gateway of the summarizing model. */
  model: string;
  gateway: string;
  /** The part of the history to summarize, as transcript text. */
  transcript: string;
  /** The brief written so far (earlier passes or an earlier compaction), to update. */
  previousBrief?: string;
  /** What the user asked the summary to keep (`/compact <focus>`). */
  focus?: string;
  /** Which pass this is, when the history is summarized in several. */
  part?: { index: number; count: number };
  /** Output tokens the brief may take. */
  maxOutputTokens: number;
}

/**
 * The side request that summarizes one part of the history: no tools offered, the handoff-brief
 * instructions as the system prompt, and the transcript (plus the brief so far, to update) as the
 * single user message.
 */
export function buildSummaryRequest(input: SummaryRequestInput): ChatRequest {
  const parts: string[] = [];
  if (input.previousBrief) {
    parts.push(
      "The brief written so far covers the conversation before the part below. Update it with this part: keep everything in it that still holds, change what this part changes.",
      `<previous-brief>\n${input.previousBrief}\n</previous-brief>`,
    );
  }
  const label = input.part && input.part.count > 1 ? ` part="${input.part.index} of ${input.part.count}"` : "";
  parts.push(`<conversation${label}>\n${input.transcript}\n</conversation>`);
  if (input.focus) parts.push(`The user asked this brief to pay special attention to: ${input.focus}`);
  parts.push("Write the brief now.");
  return {
    model: input.model,
    gateway: input.gateway,
    messages: [
      { role: "system", content: summarySystemPrompt(input.maxOutputTokens) },
      { role: "user", content: parts.join("\n\n") },
    ],
    tools: [],
    maxOutputTokens: input.maxOutputTokens,
    body: {},
    headers: {},
  };
}

/** What a summary request sent as a continuation of the session's own prefix is made of. */
export interface ContinuationSummaryInput {
  model: string;
  gateway: string;
  /** The session's request as it stands: system prompt, conversation and tools, unchanged. */
  messages: readonly ChatMessage[];
  tools: readonly ToolDefinition[];
  focus?: string;
  maxOutputTokens: number;
}

/**
 * The summary request as a continuation of the current prefix: the same system prompt, messages
 * and tools the session's next turn would send, with the brief's instructions appended as one
 * user message. Everything before that message is already in the serving node's prefix cache,
 * so the summary reads the whole history at the cached price.
 */
export function buildContinuationSummaryRequest(input: ContinuationSummaryInput): ChatRequest {
  const instruction = [
    "Stop the task here: before the conversation continues, write a handoff brief of everything above.",
    summarySystemPrompt(input.maxOutputTokens),
    ...(input.focus ? [`The user asked this brief to pay special attention to: ${input.focus}`] : []),
    "Write the brief now.",
  ].join("\n\n");
  return {
    model: input.model,
    gateway: input.gateway,
    messages: [...input.messages, { role: "user", content: instruction }],
    tools: [...input.tools],
    maxOutputTokens: input.maxOutputTokens,
    body: {},
    headers: {},
  };
}
