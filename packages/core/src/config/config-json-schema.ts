import { z } from "zod";
import type { BridlePlugin } from "../define-plugin.js";
import { baseConfigSchema } from "./config-schema.js";

/**
 * The JSON Schema of a whole config file for editors: the top-level keys, plus each known
 * plugin's options (or a boolean) under `plugins.<name>`. Third-party plugins stay allowed.
 */
export function buildConfigJsonSchema(plugins: readonly BridlePlugin[], schema: z.ZodObject = baseConfigSchema): Record<string, unknown> {
  const root = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown> & {
    properties: Record<string, Record<string, unknown>>;
  };
  const pluginProperties: Record<string, unknown> = {};
  for (const plugin of [...plugins].sort((a, b) => a.name.localeCompare(b.name))) {
    const options = z.toJSONSchema(plugin.options, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    delete options.$schema;
    pluginProperties[plugin.name] = {
      description: plugin.description,
      anyOf: [{ type: "boolean", description: "true turns the plugin on, false turns it off." }, options],
    };
  }
  root.properties.plugins = {
    ...root.properties.plugins,
    type: "object",
    properties: pluginProperties,
    additionalProperties: {
      description: "A third-party plugin by package name or path, and its options.",
      anyOf: [{ type: "boolean" }, { type: "object" }],
    },
  };
  return { $id: "https://bridle.dev/schema/config.json", title: "Bridle configuration", ...root };
}
