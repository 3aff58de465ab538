import { z } from "zod";

/** Options of the gateways plugin (`plugins.gateways` in config). */
export const gatewaysOptionsSchema = z
  .object({
    skip: z
      .array(z.string().min(1))
      .default([])
      .describe("Built-in gateways (ids) not to define, so another plugin can define its own adapter under the same id."),
    sharedFacts: z
      .boolean()
      .default(true)
      .describe("Let every gateway, including config-only ones, recognise all known usage locations, overflow texts and error wordings."),
  })
  .strict();

export type GatewaysOptions = z.infer<typeof gatewaysOptionsSchema>;
