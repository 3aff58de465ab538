import { renderSchemaShape } from "./render-schema-shape.js";
import type { RepairProblem } from "./repair-problem.js";
import type { SchemaNode } from "./schema/schema-node.js";
import { formatIssuePath, type ValidationIssue } from "./schema/validation-issue.js";

/** What a hint may mention besides the problem itself. */
export interface HintContext {
  /** The tool the call was meant for, when known. */
  toolName: string | null;
  /** Its compiled schema, to show the expected shape. */
  schema: SchemaNode | null;
  /** Names of the offered tools. */
  available: readonly string[];
}

const MAX_ISSUES = 5;
const MAX_KEY_LENGTH = 40;

function quoteKey(key: string): string {
  const shown = key.length > MAX_KEY_LENGTH ? `${key.slice(0, MAX_KEY_LENGTH - 3)}...` : key;
  return `\`${shown.replace(/\s+/g, " ")}\``;
}
const MAX_TOOLS = 30;

function describeIssue(issue: ValidationIssue): string {
  const where = `\`${formatIssuePath(issue.path)}\``;
  switch (issue.keyword) {
    case "required":
      return `${where} is required but missing`;
    case "additionalProperties":
      return `${where} is not a parameter of this tool`;
    default:
      return `${where} must be ${issue.expected}, got ${issue.got}`;
  }
}

function listTools(available: readonly string[]): string {
  if (available.length === 0) return "none are offered";
  const shown = available.slice(0, MAX_TOOLS).join(", ");
  return available.length > MAX_TOOLS ? `${shown}, ...` : shown;
}

/**
 * One paragraph for the model saying what was wrong with its tool call and what shape is expected,
 * sent back as the tool result instead of a raw validator dump. It always says that nothing ran.
 */
export function formatRepairHint(problem: RepairProblem, context: HintContext): string {
  const tool = context.toolName === null ? "the tool call" : `\`${context.toolName}\``;
  const shape = context.schema === null ? "" : ` Expected arguments: ${renderSchemaShape(context.schema)}.`;
  switch (problem.kind) {
    case "missing-name":
      return `The tool call had no tool name, so nothing was run. Call one of the available tools by its exact name: ${listTools(context.available)}.`;
    case "unknown-tool":
      return `There is no tool named ${JSON.stringify(problem.name)}, so nothing was run. Available tools: ${listTools(context.available)}. Call one of them by its exact name, with its arguments as a JSON object.`;
    case "invalid-json":
      return `The arguments of ${tool} are not valid JSON (${problem.message}), so nothing was run. Send them again as one JSON object.${shape}`;
    case "truncated": {
      const where = problem.key === null ? "" : problem.inValue ? ` inside the value of ${quoteKey(problem.key)}` : ` at the key ${quoteKey(problem.key)}`;
      return `The arguments of ${tool} were cut off after ${problem.length} characters${where}, so nothing was run; the output limit was probably reached. Send the call again complete, and split large content over several smaller calls.${shape}`;
    }
    case "lost-boundary":
      return `The arguments of ${tool} are not valid JSON: the string value before ${quoteKey(problem.key)} seems to be missing its closing quote, so where one value ends is unclear and nothing was run. Send the call again with every string closed and inner quotes escaped as \\".${shape}`;
    case "not-object":
      return `The arguments of ${tool} must be a JSON object, but they were ${problem.got}, so nothing was run.${shape}`;
    case "unverifiable-split":
      return `The arguments of ${tool} held ${problem.count} JSON objects back to back and the tool's schema cannot confirm they are separate calls, so nothing was run. Send one tool call per set of arguments.`;
    case "mismatched-split":
      return `The tool name joins ${problem.names} tool names but the arguments hold ${problem.objects} JSON objects, so nothing was run. Send one tool call per tool, each with its own arguments.`;
    case "invalid-arguments": {
      const listed = problem.issues.slice(0, MAX_ISSUES).map(describeIssue);
      const more = problem.issues.length > MAX_ISSUES ? `; and ${problem.issues.length - MAX_ISSUES} more` : "";
      return `The call to ${tool} was not run: ${listed.join("; ")}${more}.${shape} Send the call again with these fixed; do not repeat it unchanged.`;
    }
    case "empty-value":
      return `The call to ${tool} was not run: ${quoteKey(problem.key)} is empty. Give it a real value.${shape}`;
    case "grammar-markup":
      return `The value of ${quoteKey(problem.key)} in the call to ${tool} contains tool-call markup (${problem.marker}), so parameters ran together and nothing was run. Send each parameter as its own key in one JSON object.${shape}`;
  }
}
