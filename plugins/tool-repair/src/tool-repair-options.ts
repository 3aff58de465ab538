import { z } from "zod";

/** Options of the tool-repair plugin (`plugins["tool-repair"]` in config). */
export const toolRepairOptionsSchema = z.object({
  extractLeakedCalls: z
    .boolean()
    .default(true)
    .describe("Turn tool calls leaked into the message text (Hermes, Qwen3-Coder XML, Kimi, DeepSeek, GLM, MiniMax, harmony, Llama, Mistral) into structured calls."),
  cosmeticFields: z
    .array(z.string())
    .default(["description", "explanation"])
    .describe("Required string fields that only label a call for people; when missing they get a visible placeholder instead of failing the call. [] turns this off."),
  schemaProfiles: z
    .record(z.string(), z.enum(["strict", "lenient"]))
    .default({})
    .describe("Per gateway: reshape tool schemas the model sees so the gateway accepts them (strict: closed objects, nullable optionals; lenient: open objects). A gateway not named here gets lenient schemas when its definition says it validates arguments against them (capabilities.lenientToolSchemas). Validation always uses the original schema."),
});

export type ToolRepairOptions = z.output<typeof toolRepairOptionsSchema>;
