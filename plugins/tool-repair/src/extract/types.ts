/**
 * The native tool-call grammars that open models leak into message text when a gateway does not
 * parse them. Names match the `format` column of the tool-format corpus.
 */
export type GrammarName =
  | "hermes"
  | "qwen3-coder-xml"
  | "kimi-k2"
  | "deepseek"
  | "glm45"
  | "minimax-m2"
  | "gpt-oss-harmony"
  | "llama3-json"
  | "mistral";

/** Every grammar, in the order the marker scan reports them. */
export const GRAMMAR_NAMES: readonly GrammarName[] = [
  "hermes",
  "qwen3-coder-xml",
  "kimi-k2",
  "deepseek",
  "glm45",
  "minimax-m2",
  "gpt-oss-harmony",
  "llama3-json",
  "mistral",
];

/** A JSON Schema object, as tools declare their parameters. */
export type JsonSchemaObject = { [key: string]: unknown };

/** A tool as offered to the model: only the name and parameter schema matter here. */
export interface OfferedTool {
  name: string;
  parameters?: JsonSchemaObject;
}

/** One tool call recovered from leaked markup. */
export interface ExtractedToolCall {
  /** The function name exactly as the model wrote it (Kimi's `functions.` prefix removed). */
  name: string;
  /** The arguments as an object; `{}` when `rawArguments` is set. */
  arguments: Record<string, unknown>;
  /** The call id when the grammar carries one (Kimi `functions.get_weather:0`, Mistral `[CALL_ID]`). */
  id?: string;
  /**
   * Present only when the argument text is not a JSON object (truncated JSON, a bare string):
   * the text to put on the wire as the call's arguments, for the repair stage to work on.
   */
  rawArguments?: string;
}

/** The outcome of extraction: the calls and the message text with their markup removed. */
export interface ExtractResult {
  calls: ExtractedToolCall[];
  content: string;
  /** Reasoning carried by the markup itself (gpt-oss `analysis` messages), when a call was found. */
  reasoning?: string;
}

/** Tuning for `extractToolCalls` and the stream extractor. */
export interface ExtractOptions {
  /**
   * Only look for these grammars (e.g. the one the model family is known to use). Default: all.
   * Narrowing it avoids reading a Llama-style bare JSON object in another model's prose as a call.
   */
  grammars?: readonly GrammarName[];
  /**
   * Drop calls whose name is not among `tools` (when tools are given). Default `false`: unknown
   * names are kept so that name repair can resolve them or tell the model what exists.
   */
  dropUnknownTools?: boolean;
}

/** Incremental extraction over a streamed message. */
export interface ToolCallStreamExtractor {
  /** Feeds the next piece of text; returns the content that is now safe to show. */
  push(chunk: string): { content: string };
  /** Ends the stream; returns the calls and the content not yet returned by `push`. */
  end(): ExtractResult;
}
