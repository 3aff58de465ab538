import { type ChatRequest, createKernel, defineGateway, definePlugin } from "@bridle/core";
import { createTestContext } from "@bridle/core/testing";
import { expect, test } from "vitest";
import { z } from "zod";
import { SCHEMA_PROFILES, shapeToolSchema } from "./repair/index.js";
import { toolRepairPlugin } from "./tool-repair-plugin.js";

// A gateway that checks tool-call arguments against the schema says so in its definition; the
// plugin then sends it lenient schemas without any config naming the gateway.
const gateways = definePlugin({
  name: "checking-gateways",
  description: "Gateways for the test.",
  options: z.object({}),
  apply(kernel) {
    kernel.gateways.define(defineGateway({ id: "checker", name: "Checker", baseURL: "https://checker.example/v1", capabilities: { lenientToolSchemas: true } }));
    kernel.gateways.define(defineGateway({ id: "plain", name: "Plain", baseURL: "https://plain.example/v1" }));
  },
});

const parameters = { type: "object", properties: { path: { type: "string" }, limit: { type: "integer" } }, required: ["path"], additionalProperties: false };

function request(gateway: string): ChatRequest {
  return { model: "m", gateway, messages: [], tools: [{ name: "read", description: "Read", parameters }], maxOutputTokens: 100, body: {}, headers: {} };
}

test("shapes tool schemas lenient for a gateway whose definition asks for it, and leaves others alone", async () => {
  const kernel = createKernel({ plugins: [{ plugin: gateways }, { plugin: toolRepairPlugin }] });
  const context = createTestContext({ models: kernel.models });
  const checked = await kernel.hooks.beforeRequest.promise(request("checker"), context);
  expect(checked.tools[0]?.parameters).toEqual(shapeToolSchema(parameters, SCHEMA_PROFILES.lenient));
  expect(checked.tools[0]?.parameters).not.toEqual(parameters);
  const plain = await kernel.hooks.beforeRequest.promise(request("plain"), context);
  expect(plain.tools[0]?.parameters).toEqual(parameters);
});

test("a profile named in config wins over the definition", async () => {
  const kernel = createKernel({ plugins: [{ plugin: gateways }, { plugin: toolRepairPlugin, options: { schemaProfiles: { checker: "strict" } } }] });
  const shaped = await kernel.hooks.beforeRequest.promise(request("checker"), createTestContext({ models: kernel.models }));
  expect(shaped.tools[0]?.parameters).toEqual(shapeToolSchema(parameters, SCHEMA_PROFILES.strict));
});
