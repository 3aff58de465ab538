import type { BlockParser, CallBlock, ParseContext } from "./grammars/block-result.js";
import { DEEPSEEK_CALL_BEGIN, DEEPSEEK_CALLS_BEGIN, parseDeepSeekBlock } from "./grammars/deepseek.js";
import { DSML_INVOKE, DSML_SECTIONS, parseDeepSeekDsmlBlock } from "./grammars/deepseek-dsml.js";
import { HARMONY_CHANNEL, HARMONY_START, parseHarmonyRegion, recipientHeaderChannelAt } from "./grammars/gpt-oss-harmony.js";
import { KIMI_CALL_BEGIN, KIMI_SECTION_BEGIN, parseKimiBlock } from "./grammars/kimi-k2.js";
import { parseLlamaJsonBlock, PYTHON_TAG } from "./grammars/llama3-json.js";
import { parseLlamaPythonicBlock, PYTHON_START } from "./grammars/llama4-pythonic.js";
import { MINIMAX_OPEN, parseMinimaxBlock } from "./grammars/minimax-m2.js";
import { MISTRAL_TOOL_CALLS, parseMistralBlock } from "./grammars/mistral.js";
import { parseBareQwen3Function } from "./grammars/qwen3-coder-xml.js";
import { parseToolCallTag, TOOL_CALL_OPEN } from "./grammars/tool-call-tag.js";
import type { ToolIndex } from "./tool-index.js";
import type { ExtractedToolCall, ExtractResult, GrammarName } from "./types.js";

interface Marker {
  readonly text: string;
  readonly grammar: GrammarName;
  readonly parse: (text: string, start: number, context: ParseContext, enabled: ReadonlySet<GrammarName>) => ReturnType<BlockParser>;
}

/** Literal markers that open a block, all starting with `<`. */
const ANGLE_MARKERS: readonly Marker[] = [
  { text: TOOL_CALL_OPEN, grammar: "hermes", parse: parseToolCallTag },
  { text: "<function=", grammar: "qwen3-coder-xml", parse: parseBareQwen3Function },
  ...KIMI_SECTION_BEGIN.map((text): Marker => ({ text, grammar: "kimi-k2", parse: parseKimiBlock })),
  { text: KIMI_CALL_BEGIN, grammar: "kimi-k2", parse: parseKimiBlock },
  { text: DEEPSEEK_CALLS_BEGIN, grammar: "deepseek", parse: parseDeepSeekBlock },
  { text: DEEPSEEK_CALL_BEGIN, grammar: "deepseek", parse: parseDeepSeekBlock },
  ...DSML_SECTIONS.map((text): Marker => ({ text, grammar: "deepseek", parse: parseDeepSeekDsmlBlock })),
  { text: DSML_INVOKE, grammar: "deepseek", parse: parseDeepSeekDsmlBlock },
  { text: MINIMAX_OPEN, grammar: "minimax-m2", parse: parseMinimaxBlock },
  { text: HARMONY_START, grammar: "gpt-oss-harmony", parse: parseHarmonyRegion },
  { text: HARMONY_CHANNEL, grammar: "gpt-oss-harmony", parse: parseHarmonyRegion },
  { text: PYTHON_TAG, grammar: "llama3-json", parse: parseLlamaJsonBlock },
  { text: PYTHON_START, grammar: "llama3-json", parse: parseLlamaPythonicBlock },
];

/** `<tool_call>` is shared by three grammars; it is live when any of them is. */
function markerEnabled(marker: Marker, enabled: ReadonlySet<GrammarName>): boolean {
  if (marker.text === TOOL_CALL_OPEN) return enabled.has("hermes") || enabled.has("qwen3-coder-xml") || enabled.has("glm45");
  return enabled.has(marker.grammar);
}

/** Characters (and `to=`) at which a block or a code fence can begin. */
const TRIGGER = /[<[{`~]|to=/g;

/** Everything the scanner has decided so far about one message. */
export interface ScanState {
  text: string;
  /** Everything before this index is decided. */
  position: number;
  content: string;
  calls: ExtractedToolCall[];
  reasoning: string[];
  /** A call block said the text after it is not content. */
  dropping: boolean;
  /** Some markup was removed, so whitespace-only content means "no content". */
  removedMarkup: boolean;
  /** Whitespace at the start of the next content belongs to the previous block. */
  trimLeading: boolean;
  /** The open fenced code block, inside which nothing is a call. */
  fence: { character: string; length: number } | undefined;
}

/** Options the scanner needs, resolved once per message. */
export interface ScanSettings {
  readonly tools: ToolIndex | undefined;
  readonly enabled: ReadonlySet<GrammarName>;
  readonly dropUnknownTools: boolean;
}

/** A fresh state for a message. */
export function createScanState(text = ""): ScanState {
  return {
    text,
    position: 0,
    content: "",
    calls: [],
    reasoning: [],
    dropping: false,
    removedMarkup: false,
    trimLeading: false,
    fence: undefined,
  };
}

function appendContent(state: ScanState, piece: string): void {
  if (piece === "" || state.dropping) return;
  let text = piece;
  if (state.trimLeading) {
    text = text.trimStart();
    if (text === "") return;
    state.trimLeading = false;
  }
  state.content += text;
}

function applyBlock(state: ScanState, block: CallBlock, settings: ScanSettings): void {
  state.removedMarkup = true;
  if (block.trimContentBefore && !state.dropping) state.content = state.content.trimEnd();
  for (const call of block.calls) {
    if (settings.dropUnknownTools && settings.tools && !settings.tools.byName.has(call.name)) continue;
    state.calls.push(call);
  }
  if (block.content) appendContent(state, block.content);
  if (block.reasoning) state.reasoning.push(block.reasoning);
  if (block.dropFollowingText && block.calls.length > 0) state.dropping = true;
  if (block.trimWhitespaceAfter) state.trimLeading = true;
  state.position = block.end;
}

function isLineStart(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  return /^ {0,3}$/.test(text.slice(lineStart, index));
}

/** Inside a fence: copy text line by line until the closing fence. Returns false to wait for text. */
function advanceInFence(state: ScanState, final: boolean): boolean {
  const fence = state.fence;
  if (!fence) return true;
  const { text } = state;
  const atLineStart = state.position === 0 || text.charCodeAt(state.position - 1) === 10;
  const lineEnd = text.indexOf("\n", state.position);
  const stop = lineEnd < 0 ? text.length : lineEnd + 1;
  if (atLineStart) {
    const line = text.slice(state.position, lineEnd < 0 ? text.length : lineEnd);
    const character = fence.character === "`" ? "`" : "~";
    const closing = new RegExp(`^ {0,3}(\\${character}+)[ \\t]*\\r?$`).exec(line);
    if (lineEnd < 0 && !final && new RegExp(`^ {0,3}\\${character}*[ \\t]*$`).test(line)) return false;
    if (closing?.[1] !== undefined && closing[1].length >= fence.length) state.fence = undefined;
  }
  appendContent(state, text.slice(state.position, stop));
  state.position = stop;
  return true;
}

/** At a backtick or tilde: opens a fence when three or more start a line. Returns false to wait. */
function advanceAtFenceCharacter(state: ScanState, index: number, final: boolean): boolean {
  const { text } = state;
  const character = text.charAt(index);
  let run = index;
  while (run < text.length && text.charAt(run) === character) run += 1;
  if (run >= text.length && !final) return false;
  const length = run - index;
  if (length >= 3 && isLineStart(text, index)) state.fence = { character, length };
  appendContent(state, text.slice(index, run));
  state.position = run;
  return true;
}

function parseAt(state: ScanState, index: number, settings: ScanSettings, context: ParseContext): ReturnType<BlockParser> | "plain" {
  const { text } = state;
  const character = text.charAt(index);
  const { enabled } = settings;
  if (character === "<") {
    let partial = false;
    for (const marker of ANGLE_MARKERS) {
      if (!markerEnabled(marker, enabled)) continue;
      if (text.startsWith(marker.text, index)) return marker.parse(text, index, context, enabled);
      if (!context.final && text.length - index < marker.text.length && marker.text.startsWith(text.slice(index))) partial = true;
    }
    return partial ? { kind: "incomplete" } : "plain";
  }
  if (character === "[") {
    if (!enabled.has("mistral")) return "plain";
    if (text.startsWith(MISTRAL_TOOL_CALLS, index)) return parseMistralBlock(text, index, context);
    const rest = text.slice(index);
    return !context.final && rest.length < MISTRAL_TOOL_CALLS.length && MISTRAL_TOOL_CALLS.startsWith(rest) ? { kind: "incomplete" } : "plain";
  }
  if (character === "{") return enabled.has("llama3-json") ? parseLlamaJsonBlock(text, index, context) : "plain";
  // `to=`: a Harmony header that names its recipient before the channel.
  if (!enabled.has("gpt-oss-harmony") || (index > 0 && !/\s/.test(text.charAt(index - 1)))) return "plain";
  const channelAt = recipientHeaderChannelAt(text, index, context.final);
  if (channelAt === "incomplete") return { kind: "incomplete" };
  return channelAt < 0 ? "plain" : parseHarmonyRegion(text, index, context);
}

/** Length of a trailing `t`/`to` that starts a word (and so may start `to=`), else 0. */
function heldHeaderStart(text: string, from: number): number {
  for (const partial of ["to", "t"]) {
    const at = text.length - partial.length;
    if (at >= from && text.endsWith(partial) && (at === 0 || /\s/.test(text.charAt(at - 1)))) return partial.length;
  }
  return 0;
}

/**
 * Decides as much of `state.text` as can be decided. With `final` unset it stops where only more
 * text could tell (a marker split across chunks, a block not yet closed), so that feeding text in
 * any chunks reaches the same decisions as reading it whole.
 */
export function advanceScan(state: ScanState, settings: ScanSettings, final: boolean): void {
  const context: ParseContext = { final, tools: settings.tools };
  const { text } = state;
  while (state.position < text.length) {
    if (state.fence) {
      if (!advanceInFence(state, final)) return;
      continue;
    }
    TRIGGER.lastIndex = state.position;
    const match = TRIGGER.exec(text);
    if (!match) {
      // A `t` or `to` ending the text may become a Harmony `to=` header with the next chunk.
      const held = !final && settings.enabled.has("gpt-oss-harmony") ? heldHeaderStart(text, state.position) : 0;
      appendContent(state, text.slice(state.position, text.length - held));
      state.position = text.length - held;
      return;
    }
    const index = match.index;
    appendContent(state, text.slice(state.position, index));
    state.position = index;
    const character = text.charAt(index);
    if (character === "`" || character === "~") {
      if (!advanceAtFenceCharacter(state, index, final)) return;
      continue;
    }
    const result = parseAt(state, index, settings, context);
    if (result === "plain") {
      appendContent(state, character);
      state.position = index + 1;
    } else if (result.kind === "incomplete") {
      return;
    } else if (result.kind === "text") {
      appendContent(state, text.slice(index, result.end));
      state.position = result.end;
    } else {
      applyBlock(state, result, settings);
    }
  }
}

/** The content as it will finally read: whitespace-only content left by removed markup is none. */
export function finalContent(state: ScanState): string {
  return state.removedMarkup && state.content.trim() === "" ? "" : state.content;
}

/** The content that no later text can change: everything up to its last non-whitespace character. */
export function settledContentLength(state: ScanState): number {
  let end = state.content.length;
  while (end > 0 && /\s/.test(state.content.charAt(end - 1))) end -= 1;
  return end;
}

/** The result once the whole text has been scanned with `final` set. */
export function scanResult(state: ScanState): ExtractResult {
  const result: ExtractResult = { calls: state.calls, content: finalContent(state) };
  if (state.reasoning.length > 0) result.reasoning = state.reasoning.join("\n");
  return result;
}
