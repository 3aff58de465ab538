import { definePlugin } from "@bridle/core";
import { z } from "zod";
import { nimbusGateway } from "./nimbus-gateway.js";

/** The plugin: one option each for where Nimbus lives and which variable holds its key. */
export const nimbusPlugin = definePlugin({
  name: "nimbus-gateway",
  description: "Nimbus's OpenAI-compatible endpoint as a Bridle gateway.",
  options: z.object({
    baseURL: z.string().url().default("https://api.nimbus.example/v1").describe("Nimbus's API base URL."),
    keyVariable: z.string().default("NIMBUS_API_KEY").describe("Environment variable that holds the Nimbus key."),
  }),
  apply(kernel, options) {
    kernel.gateways.define(nimbusGateway(options));
  },
});

export { nimbusGateway };
export default nimbusPlugin;
