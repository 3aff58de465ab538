import type { ToolCallIdPolicy } from "@bridle/core";

/**
 * Kimi's chat template renders tool-call ids back into the prompt as `functions.NAME:INDEX`; a
 * model shown another form (a `call_…` id from the gateway before a switch, a sanitized id)
 * copies it and its later tool calls break (llxprt #713, mlx-lm PR #821, exo #2281, sglang PR
 * #21377). Every gateway serving Kimi weights renders that template, so this is shared with all.
 */
export const KIMI_TOOL_CALL_IDS = { families: { kimi: "functions" } } as const satisfies ToolCallIdPolicy;
