import { z } from "zod";
import { AFFINITY_NAMES } from "../gateways/affinity-setting.js";

/** Options for one gateway: where it is and which environment variable holds its key. */
export const gatewayConfigSchema = z
  .object({
    baseURL: z.string().url().optional().describe("Base URL of the OpenAI-compatible API, e.g. https://api.example.com/v1."),
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional().describe("Environment variable that holds this gateway's API key."),
    enabled: z.boolean().default(true).describe("Offer this gateway for routing and fallback."),
    affinity: z
      .union([
        z.enum(AFFINITY_NAMES).describe("The one mechanism the gateway honours, by name; none sends no affinity key."),
        z
          .object({
            bodyField: z.string().min(1).optional().describe("Body field that carries the session's affinity key (prompt_cache_key, session_id)."),
            header: z.string().min(1).optional().describe("Header that carries the session's affinity key (x-session-affinity)."),
          })
          .strict(),
      ])
      .optional()
      .describe("How this gateway keeps a session on one cache."),
    endpoints: z
      .array(
        z.union([
          z.string().url().describe("Base URL of an endpoint; its id is endpoint-<n>, n its place in this list."),
          z
            .object({
              id: z.string().regex(/^[a-z][a-z0-9-]*$/).describe("Endpoint id, unique within the gateway."),
              baseURL: z.string().url().describe("Base URL of this endpoint."),
            })
            .strict(),
        ]),
      )
      .optional()
      .describe("Further endpoints of this gateway (regions, nodes); its key goes to these too."),
  })
  .strict();

/** What `plugins.<name>` may be: on, off, or options. */
export const pluginSettingSchema = z.union([z.boolean(), z.record(z.string(), z.unknown())]);

/**
 * The top-level keys of a Bridle config file. Plugins' own options are validated separately by
 * each plugin's schema, once the plugin is known.
 */
export const baseConfigSchema = z
  .object({
    $schema: z.string().optional().describe("Path or URL of the JSON Schema, for editors."),
    extends: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe("Presets to start from: npm package names or paths relative to this file."),
    model: z.string().min(1).optional().describe("The model to use, in any spelling a gateway uses (resolved to its canonical id)."),
    gateway: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .optional()
      .describe("The gateway to send requests to, or an ordered list: when one fails, the next serves the same model with its own slug and key."),
    fallbackModels: z
      .array(z.string().min(1))
      .optional()
      .describe("Models to fall back to, in order, when every listed gateway failed for the configured model."),
    plugins: z
      .record(z.string(), pluginSettingSchema)
      .optional()
      .describe("Turn plugins on (true) or off (false), tune them ({...options}), or load a third-party plugin by package name or path."),
    gateways: z.record(z.string(), gatewayConfigSchema).optional().describe("Gateway settings by gateway id."),
    trace: z.boolean().optional().describe("Record each hook tap's time and print a summary at exit."),
    trustedFolders: z
      .array(z.string())
      .optional()
      .describe("Folders whose project config applies in full (user config only; `bridle trust` edits it)."),
    declinedFolders: z
      .array(z.string())
      .optional()
      .describe("Folders the user chose not to trust; Bridle does not ask about them again (user config only)."),
  })
  .strict();

export type BaseConfig = z.infer<typeof baseConfigSchema>;
