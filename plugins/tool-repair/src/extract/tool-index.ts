import type { JsonSchemaObject, OfferedTool } from "./types.js";

/** The offered tools, indexed by name for argument typing and name checks. */
export interface ToolIndex {
  readonly list: readonly OfferedTool[];
  readonly byName: ReadonlyMap<string, OfferedTool>;
}

function isPlainObject(value: unknown): value is JsonSchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates and indexes the `tools` argument. Throws a TypeError naming the offending entry, since
 * a malformed tool list is a programming error, unlike malformed model output.
 */
export function createToolIndex(tools: readonly OfferedTool[] | undefined, caller: string): ToolIndex | undefined {
  if (tools === undefined) return undefined;
  if (!Array.isArray(tools)) {
    throw new TypeError(`${caller}: tools must be an array of { name, parameters }, got ${typeof tools}`);
  }
  for (let index = 0; index < tools.length; index++) {
    const tool: unknown = tools[index];
    if (!isPlainObject(tool) || typeof tool.name !== "string" || tool.name === "") {
      throw new TypeError(`${caller}: tools[${index}] must have a non-empty string name`);
    }
    if (tool.parameters !== undefined && !isPlainObject(tool.parameters)) {
      throw new TypeError(`${caller}: tools[${index}] (${tool.name}).parameters must be a JSON Schema object`);
    }
  }
  // Built on first use: text without markup never needs it, and that is the common case.
  let byName: Map<string, OfferedTool> | undefined;
  return {
    list: tools,
    get byName(): ReadonlyMap<string, OfferedTool> {
      byName ??= new Map(tools.map((tool) => [tool.name, tool]));
      return byName;
    },
  };
}

/** The `properties` map of a tool's parameter schema, or undefined when the tool is unknown. */
export function toolProperties(index: ToolIndex | undefined, toolName: string): JsonSchemaObject | undefined {
  const tool = index?.byName.get(toolName);
  if (!tool) return undefined;
  const properties = tool.parameters?.["properties"];
  return isPlainObject(properties) ? properties : {};
}

/** The schema of one parameter, or undefined when the tool or the parameter is not declared. */
export function parameterSchema(index: ToolIndex | undefined, toolName: string, parameter: string): unknown {
  const properties = toolProperties(index, toolName);
  if (!properties || !Object.prototype.hasOwnProperty.call(properties, parameter)) return undefined;
  return properties[parameter];
}
