import { definePlugin, type JsonSchema, Stage } from "@bridle/core";
import { detectToolCallGrammars, extractIntoMessage } from "./extract/index.js";
import { mergeLeakedCalls } from "./merge-leaked-calls.js";
import { repairToolCall, SCHEMA_PROFILES, type SchemaProfile, shapeToolSchema } from "./repair/index.js";
import { countRepairs } from "./repair-telemetry.js";
import { settleRepair } from "./settle-repair.js";
import { toolRepairOptionsSchema } from "./tool-repair-options.js";

/**
 * Schema-aware tool-call repair. Taps `afterResponse` (REPAIR) to turn leaked grammars into
 * structured calls, `onToolCall` (REPAIR) to repair and validate each call or reject it with a
 * precise hint, and `beforeRequest` (GATEWAY) to shape tool schemas for strict gateways.
 */
export const toolRepairPlugin = definePlugin({
  name: "tool-repair",
  description: "Repairs malformed tool calls against their JSON Schema and parses calls leaked into text.",
  options: toolRepairOptionsSchema,
  // Repair switches only: a repository may tune them before its folder is trusted.
  harmlessOptions: ["extractLeakedCalls", "cosmeticFields", "schemaProfiles"],
  apply(kernel, options) {
    if (options.extractLeakedCalls) {
      kernel.hooks.afterResponse.tapPromise({ name: "tool-repair", stage: Stage.REPAIR }, async (response, context) => {
        const message = mergeLeakedCalls(response.message, extractIntoMessage(response.message, context.tools));
        const found = (message.toolCalls?.length ?? 0) - (response.message.toolCalls?.length ?? 0);
        if (message.content === response.message.content && found === 0) return response;
        if (found === 0) return { ...response, message };
        const grammars = detectToolCallGrammars(response.message.content ?? "");
        kernel.emit({
          type: "tool.extracted",
          level: "info",
          message: `parsed ${found} tool call${found === 1 ? "" : "s"} the model wrote as ${grammars.join("/") || "text"} into structured calls`,
          data: { model: context.model.id, gateway: context.gateway, grammars, calls: found },
        });
        countRepairs(context.state, grammars.map((grammar) => `leaked-${grammar}`), context.model.id, context.gateway);
        return { ...response, message, ...(response.finishReason === "stop" ? { finishReason: "tool_calls" as const } : {}) };
      });
    }

    kernel.hooks.onToolCall.tapPromise({ name: "tool-repair", stage: Stage.REPAIR }, async (event, context) => {
      if (event.status !== "pending") return event;
      const result = repairToolCall(
        { name: event.raw.name || null, arguments: event.raw.arguments, content: event.content ?? null },
        event.tools,
        { cosmeticFields: options.cosmeticFields },
      );
      if (result.repairs.length > 0) {
        countRepairs(context.state, result.repairs, context.model.id, context.gateway);
        kernel.emit({
          type: result.status === "unrecoverable" ? "tool.unrecoverable" : "tool.repaired",
          level: result.status === "unrecoverable" ? "warn" : "info",
          message:
            result.status === "unrecoverable"
              ? `could not repair a call to ${event.raw.name || "(no name)"}; told the model what to fix`
              : `repaired a call to ${result.calls[0]?.name ?? event.raw.name}: ${result.repairs.join(", ")}`,
          data: { model: context.model.id, gateway: context.gateway, rules: result.repairs, status: result.status },
        });
      }
      return settleRepair(event, result);
    });

    kernel.hooks.beforeRequest.tapPromise({ name: "tool-repair", stage: Stage.GATEWAY }, async (request) => {
      // Config names a profile; otherwise a gateway that checks arguments against the schema says so in its definition.
      const profile = options.schemaProfiles[request.gateway] ?? (kernel.gateways.get(request.gateway)?.capabilities?.lenientToolSchemas ? "lenient" : undefined);
      if (!profile || request.tools.length === 0) return request;
      const shape = SCHEMA_PROFILES[profile];
      return { ...request, tools: request.tools.map((tool) => ({ ...tool, parameters: shapedParameters(tool.parameters, shape) })) };
    });
  },
});

/** A tool whose parameters are not a schema object (a broken third-party tool) is sent as it is. */
function shapedParameters(parameters: JsonSchema, shape: SchemaProfile): JsonSchema {
  if (typeof parameters !== "object" || parameters === null || Array.isArray(parameters)) return parameters;
  return shapeToolSchema(parameters, shape) as JsonSchema;
}
