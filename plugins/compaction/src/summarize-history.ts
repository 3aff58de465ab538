import type { ChatMessage, ChatRequest, ChatResponse, ToolDefinition } from "@bridle/core";
import { buildContinuationSummaryRequest, buildSummaryRequest, summarySystemPrompt } from "./build-summary-request.js";
import type { MessageCounter } from "./message-counter.js";
import { splitForSummarizer } from "./split-for-summarizer.js";
import type { TranscriptItem } from "./transcript-items.js";

/** A model that can write the summary, with what it takes to keep its requests inside its window. */
export interface Summarizer {
  /** Canonical id and gateway. */
  model: string;
  gateway: string;
  contextWindow: number;
  maxOutputTokens: number;
  /** The model's calibration ratio (reported over estimated prompt tokens); 1 when unknown. */
  ratio: number;
  /** Sends the request (the session's side channel, past `beforeRequest`). */
  complete(request: ChatRequest): Promise<ChatResponse>;
  /** The session's own request, when this summarizer is the session's model: summarize as its continuation. */
  continuation?: SummaryContinuation;
}

/** The request a summary can continue: its messages (system prompt first) and tools, and its calibrated size. */
export interface SummaryContinuation {
  messages: readonly ChatMessage[];
  tools: readonly ToolDefinition[];
  promptTokens: number;
}

/** The history to summarize and the size the brief may take. */
export interface SummarizeInput {
  items: readonly TranscriptItem[];
  /** The brief of an earlier compaction, which this one updates. */
  previousBrief?: string;
  focus?: string;
  /** Output tokens the brief may take. */
  summaryTokens: number;
  counter: MessageCounter;
  /** Cancels the summary: an abort is passed on, never answered with the next summarizer. */
  signal?: AbortSignal;
}

/** The brief written and who wrote it. */
export interface SummaryOutcome {
  brief: string;
  /** Requests made with the summarizer that succeeded. */
  passes: number;
  summarizer: Summarizer;
  /** Summarizers that failed before, with why. */
  failures: string[];
}

/** Share of a summarizer's window a request may fill: the rest absorbs estimate error. */
const WINDOW_SHARE = 0.9;
/**
 * Share of the window a continuation may fill: its prompt is the turn's own, estimated the way the
 * turn is, so it needs only a small margin; a gateway that still refuses it costs one request,
 * after which the transcript passes run.
 */
const CONTINUATION_WINDOW_SHARE = 0.97;
/** Tokens for the wrapper text around the transcript (tags, the update note, the focus line). */
const WRAPPER_TOKENS = 300;
/** A chunk smaller than this would need absurdly many passes: the summarizer is too small. */
const MIN_CHUNK_TOKENS = 2000;

/** A summary could not be written by any summarizer. */
export class SummaryError extends Error {
  constructor(readonly failures: string[]) {
    super(`no summary could be written: ${failures.join("; ")}`);
    this.name = "SummaryError";
  }
}

/**
 * Summarizes transcript items with the first summarizer that succeeds. When the items do not
 * fit one request, they are summarized in order in several passes, each pass updating the brief of
 * the one before, and every request is sized to the summarizer's own window (after calibration,
 * with the output reserved), so the summary request itself never overflows.
 *
 * @throws SummaryError when every summarizer failed or none is large enough.
 */
export async function summarizeHistory(input: SummarizeInput, summarizers: readonly Summarizer[]): Promise<SummaryOutcome> {
  const failures: string[] = [];
  for (const summarizer of summarizers) {
    try {
      const { brief, passes } = await summarizeWith(summarizer, input);
      return { brief, passes, summarizer, failures };
    } catch (error) {
      if (input.signal?.aborted) throw error;
      failures.push(`${summarizer.model} on ${summarizer.gateway}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new SummaryError(failures.length > 0 ? failures : ["no summarizer available"]);
}

/** The per-pass transcript budget for a summarizer, in local (uncalibrated) tokens. */
export function summarizerChunkBudget(summarizer: Pick<Summarizer, "contextWindow" | "maxOutputTokens" | "ratio">, summaryTokens: number, counter: MessageCounter): { chunkTokens: number; outputTokens: number } {
  const outputTokens = Math.max(1, Math.min(summaryTokens, summarizer.maxOutputTokens));
  const promptTokens = Math.floor(((summarizer.contextWindow - outputTokens) * WINDOW_SHARE) / Math.max(0.01, summarizer.ratio));
  const fixed = counter.countText(summarySystemPrompt(outputTokens)) + WRAPPER_TOKENS;
  // Room for the brief carried from pass to pass, which the output limit bounds.
  return { chunkTokens: promptTokens - fixed - outputTokens, outputTokens };
}

async function summarizeWith(summarizer: Summarizer, input: SummarizeInput): Promise<{ brief: string; passes: number }> {
  const { chunkTokens, outputTokens } = summarizerChunkBudget(summarizer, input.summaryTokens, input.counter);
  if (chunkTokens < MIN_CHUNK_TOKENS) {
    throw new Error(`its ${summarizer.contextWindow.toLocaleString("en-US")}-token window leaves too little room for the history`);
  }
  const continued = await summarizeAsContinuation(summarizer, input, outputTokens);
  if (continued !== undefined) return { brief: continued, passes: 1 };
  let brief = input.previousBrief ? fitBrief(input.previousBrief, outputTokens, input.counter) : undefined;
  const chunks = input.items.length > 0 ? splitForSummarizer(input.items, chunkTokens) : [];
  for (const [index, chunk] of chunks.entries()) {
    const request = buildSummaryRequest({
      model: summarizer.model,
      gateway: summarizer.gateway,
      transcript: chunk.text,
      ...(brief ? { previousBrief: brief } : {}),
      ...(input.focus ? { focus: input.focus } : {}),
      part: { index: index + 1, count: chunks.length },
      maxOutputTokens: outputTokens,
    });
    const response = await summarizer.complete(request);
    const text = (response.message.content ?? "").trim();
    if (text === "") throw new Error(`pass ${index + 1} of ${chunks.length} came back empty`);
    brief = fitBrief(text, outputTokens, input.counter);
  }
  if (brief === undefined) throw new Error("there was nothing to summarize");
  return { brief, passes: chunks.length };
}

/**
 * One summary request that continues the session's own prefix (so it hits the prefix cache), when
 * the prefix, the instructions and the brief fit the window. `undefined` when it does not fit or
 * the answer was unusable: the transcript passes take over.
 */
async function summarizeAsContinuation(summarizer: Summarizer, input: SummarizeInput, outputTokens: number): Promise<string | undefined> {
  const continuation = summarizer.continuation;
  if (!continuation) return undefined;
  const instructionTokens = Math.ceil((input.counter.countText(summarySystemPrompt(outputTokens)) + WRAPPER_TOKENS) * summarizer.ratio);
  if (continuation.promptTokens + instructionTokens + outputTokens > summarizer.contextWindow * CONTINUATION_WINDOW_SHARE) return undefined;
  const request = buildContinuationSummaryRequest({
    model: summarizer.model,
    gateway: summarizer.gateway,
    messages: continuation.messages,
    tools: continuation.tools,
    ...(input.focus ? { focus: input.focus } : {}),
    maxOutputTokens: outputTokens,
  });
  try {
    const response = await summarizer.complete(request);
    const text = (response.message.content ?? "").trim();
    return text === "" ? undefined : fitBrief(text, outputTokens, input.counter);
  } catch (error) {
    if (input.signal?.aborted) throw error;
    return undefined;
  }
}

/** A brief cut to the output budget, so the next pass's request stays inside the window. */
function fitBrief(text: string, tokens: number, counter: MessageCounter): string {
  const count = counter.countText(text);
  if (count <= tokens) return text;
  const characters = Math.floor((text.length * tokens * 0.9) / count);
  return `${text.slice(0, characters)}\n[… brief cut to fit …]`;
}
