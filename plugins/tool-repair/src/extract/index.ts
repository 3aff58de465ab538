export { extractToolCalls } from "./extract-tool-calls.js";
export { createToolCallStreamExtractor } from "./create-tool-call-stream-extractor.js";
export { extractIntoMessage } from "./extract-into-message.js";
export { toChatToolCalls } from "./to-chat-tool-calls.js";
export { detectToolCallGrammars } from "./detect-tool-call-grammars.js";
export { GRAMMAR_NAMES } from "./types.js";
export type {
  ExtractedToolCall,
  ExtractOptions,
  ExtractResult,
  GrammarName,
  JsonSchemaObject,
  OfferedTool,
  ToolCallStreamExtractor,
} from "./types.js";
