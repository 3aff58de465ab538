import { z } from "zod";
import type { Tool, ToolKind, ToolResult, ToolRunContext } from "@bridle/core";
import { modelJsonSchema } from "./model-json-schema.js";

/** What a tool author writes; `defineTool` adds the JSON Schema and error handling. */
export interface ToolSpec<Parameters extends z.ZodType> {
  name: string;
  description: string;
  kind: ToolKind;
  parameters: Parameters;
  paths?: (args: z.infer<Parameters>) => string[];
  run(args: z.infer<Parameters>, context: ToolRunContext): Promise<ToolResult>;
}

/**
 * Builds a `Tool` from its spec. The JSON Schema is derived once, here, so every request offers
 * byte-identical tool definitions. Arguments are parsed again with the zod schema (defaults
 * applied, types checked) and every failure becomes an error result the model can read, so a
 * tool never throws into the agent loop; only an abort is rethrown.
 */
export function defineTool<Parameters extends z.ZodType>(spec: ToolSpec<Parameters>): Tool<Parameters> {
  const jsonSchema = modelJsonSchema(spec.parameters);
  const tool: Tool<Parameters> = {
    name: spec.name,
    description: spec.description,
    kind: spec.kind,
    parameters: spec.parameters,
    jsonSchema,
    async run(args, context) {
      const parsed = spec.parameters.safeParse(args);
      if (!parsed.success) {
        return {
          content: `Invalid arguments for ${spec.name}:\n${z.prettifyError(parsed.error)}`,
          isError: true,
          display: { summary: `${spec.name}: invalid arguments` },
        };
      }
      try {
        return await spec.run(parsed.data as z.infer<Parameters>, context);
      } catch (error) {
        if (context.signal.aborted && isAbortError(error)) throw error;
        return errorResult(spec.name, error);
      }
    },
  };
  if (spec.paths) tool.paths = spec.paths;
  return tool;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

function errorResult(toolName: string, error: unknown): ToolResult {
  const message = error instanceof Error ? error.message : String(error);
  return { content: message, isError: true, display: { summary: `${toolName} failed: ${firstLine(message)}` } };
}

function firstLine(text: string): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
