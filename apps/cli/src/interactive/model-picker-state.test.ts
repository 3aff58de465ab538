import { DEFAULT_LIMITS, type GatewayDefinition, ModelRegistry } from "@bridle/core";
import { describe, expect, it } from "vitest";
import type { AvailableGateway } from "../runtime/probe-gateways.js";
import { modelChoices } from "./model-choices.js";
import { filteredChoices, filterPicker, movePicker, openModelPicker, selectedChoice, visibleChoices } from "./model-picker-state.js";

const gateway = (id: string): GatewayDefinition => ({ id, name: id, baseURL: `https://${id}.example/v1` });

function registry(): ModelRegistry {
  const models = new ModelRegistry();
  const base = { maxOutputTokens: 16_384, toolCalls: true, reasoning: "none" as const, reasoningReplay: "drop" as const };
  models.define({ id: "moonshotai/kimi-k2", family: "kimi", contextWindow: 262_144, ...base, gateways: { groq: { contextWindow: 131_072 } } });
  models.define({ id: "qwen/qwen3-coder", family: "qwen", contextWindow: 262_144, ...base });
  return models;
}

const available = (id: string, listed?: string[], local = false): AvailableGateway => ({ definition: { ...gateway(id), local }, listed: listed?.map((slug) => ({ slug })) });
const resolve = (slug: string) => slug.replace(/^accounts\/[^/]+\/models\//, "");

describe("modelChoices", () => {
  it("offers on each gateway the models it listed just now, verified, with each window; current pair and gateway first", () => {
    const choices = modelChoices(registry(), resolve, [available("fireworks", ["accounts/fireworks/models/qwen/qwen3-coder"]), available("groq", ["moonshotai/kimi-k2", "qwen/qwen3-coder"])], { model: "qwen/qwen3-coder", gateway: "groq" });
    expect(choices.map((choice) => `${choice.model}@${choice.gateway} ${choice.contextWindow} ${choice.source}${choice.verified ? "" : " unverified"}${choice.current ? " *" : ""}`)).toEqual([
      "qwen/qwen3-coder@groq 262144 registry *",
      "moonshotai/kimi-k2@groq 131072 gateway",
      "qwen/qwen3-coder@fireworks 262144 registry",
    ]);
  });

  it("falls back to the registry's record, unverified, when a gateway's list cannot be read, and offers nothing nobody serves", () => {
    const choices = modelChoices(registry(), resolve, [available("fireworks"), available("groq")], { model: "qwen/qwen3-coder", gateway: "fireworks" });
    expect(choices.map((choice) => `${choice.model}@${choice.gateway}${choice.verified ? "" : " unverified"}`)).toEqual(["qwen/qwen3-coder@fireworks unverified", "moonshotai/kimi-k2@groq unverified"]);
  });

  it("lists the current model even when the registry does not know it", () => {
    const [current] = modelChoices(new ModelRegistry(), resolve, [available("fireworks")], { model: "custom/model", gateway: "fireworks" });
    expect(current).toEqual({ model: "custom/model", gateway: "fireworks", contextWindow: DEFAULT_LIMITS.contextWindow, source: "default", current: true, verified: false });
  });

  it("puts local servers after remote gateways", () => {
    const choices = modelChoices(registry(), resolve, [available("ollama", ["qwen/qwen3-coder", "llama3:8b"], true), available("groq", ["moonshotai/kimi-k2"])], { model: "qwen/qwen3-coder", gateway: "groq" });
    expect(choices.map((choice) => `${choice.model}@${choice.gateway}`)).toEqual(["qwen/qwen3-coder@groq", "moonshotai/kimi-k2@groq", "llama3:8b@ollama", "qwen/qwen3-coder@ollama"]);
  });
});

describe("the model picker", () => {
  const choices = modelChoices(registry(), resolve, [available("fireworks", ["moonshotai/kimi-k2", "qwen/qwen3-coder"]), available("groq", ["moonshotai/kimi-k2"])], { model: "qwen/qwen3-coder", gateway: "fireworks" });

  it("opens on the current choice and moves within bounds", () => {
    let picker = openModelPicker(choices);
    expect(selectedChoice(picker)?.current).toBe(true);
    picker = movePicker(picker, 10);
    expect(picker.index).toBe(choices.length - 1);
    picker = movePicker(picker, -10);
    expect(picker.index).toBe(0);
  });

  it("filters by every typed word", () => {
    const picker = filterPicker(openModelPicker(choices), "kimi gro");
    expect(filteredChoices(picker).map((choice) => `${choice.model}@${choice.gateway}`)).toEqual(["moonshotai/kimi-k2@groq"]);
    expect(selectedChoice(filterPicker(picker, "nothing"))).toBeUndefined();
  });

  it("draws a window of rows that keeps the highlight in view", () => {
    const many = Array.from({ length: 30 }, (_, index) => ({ ...choices[0]!, model: `m${index}`, current: false }));
    const picker = movePicker(openModelPicker(many), 25);
    const view = visibleChoices(picker, 10);
    expect(view.total).toBe(30);
    expect(view.start).toBe(20);
    expect(view.choices[picker.index - view.start]?.model).toBe("m25");
  });
});
