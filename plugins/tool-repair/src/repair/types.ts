/** A JSON Schema object as tools declare their parameters (MCP, third-party and converted zod tools). */
export type JsonSchema = { readonly [key: string]: unknown } | boolean;

/** A tool call as a gateway delivered it, before anything was checked. */
export interface RawToolCall {
  /** The tool name as sent; `null` when the gateway sent none. */
  name: string | null;
  /** Argument text as sent, an object when the gateway already parsed it, `null` when absent. */
  arguments: string | object | null;
  /** Assistant text of the same message, where a call sometimes leaks instead of `arguments`. */
  content?: string | null;
}

/** A tool as offered to the model: its name and its parameters as JSON Schema. */
export interface ToolSpec {
  name: string;
  parameters: JsonSchema;
}

/** A call that passed validation against its tool's schema. */
export interface RepairedCall {
  name: string;
  arguments: Record<string, unknown>;
}

/**
 * What `repairToolCall` decided: `valid` means the call is used exactly as sent, `repaired` that
 * the rules in `repairs` fired and the result validates, `unrecoverable` that nothing may run and
 * `hint` is the tool result to send back to the model.
 */
export interface RepairResult {
  status: "valid" | "repaired" | "unrecoverable";
  calls: RepairedCall[];
  /** Stable rule names, in the order they fired; they feed telemetry per rule × model × gateway. */
  repairs: string[];
  /** One paragraph for the model: what was wrong and what shape is expected. */
  hint?: string;
}

/** Tuning for `repairToolCall`; every field has a default. */
export interface RepairOptions {
  /**
   * Required top-level string properties that only label a call for people (a shell command's
   * `description`): when one is missing and everything else is valid it is filled with a visible
   * placeholder `<name>` instead of failing the call. Default `["description", "explanation"]`;
   * `[]` turns this off.
   */
  cosmeticFields?: readonly string[];
}
