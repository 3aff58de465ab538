export {
  compileSchema,
  formatIssuePath,
  formatRepairHint,
  InvalidToolSchemaError,
  REPAIR_RULE_NAMES,
  renderSchemaShape,
  repairToolCall,
  SCHEMA_PROFILES,
  SchemaNode,
  shapeToolSchema,
} from "./repair/index.js";
export type {
  HintContext,
  JsonSchema,
  JsonType,
  RawToolCall,
  RepairedCall,
  RepairOptions,
  RepairProblem,
  RepairResult,
  RepairRuleName,
  SchemaProfile,
  ToolSpec,
  ValidationIssue,
} from "./repair/index.js";
export {
  createToolCallStreamExtractor,
  detectToolCallGrammars,
  extractIntoMessage,
  extractToolCalls,
  GRAMMAR_NAMES,
  toChatToolCalls,
} from "./extract/index.js";
export type {
  ExtractedToolCall,
  ExtractOptions,
  ExtractResult,
  GrammarName,
  JsonSchemaObject,
  OfferedTool,
  ToolCallStreamExtractor,
} from "./extract/index.js";
export { repairTelemetry } from "./repair-telemetry.js";
export type { RepairCounts } from "./repair-telemetry.js";
export { settleRepair } from "./settle-repair.js";
export { toolRepairOptionsSchema } from "./tool-repair-options.js";
export type { ToolRepairOptions } from "./tool-repair-options.js";
export { toolRepairPlugin, toolRepairPlugin as default } from "./tool-repair-plugin.js";
