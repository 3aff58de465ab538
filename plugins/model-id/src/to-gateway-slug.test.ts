import type { GatewaySlugStyle } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { toGatewaySlug } from "./to-gateway-slug.js";

// The conventions themselves belong to each gateway's definition; these styles only exercise the
// rules. The slugs of the real gateways are tested with their definitions (the default preset).
const HUB: GatewaySlugStyle = { style: "hub", orgs: { qwen: "Qwen", glm: "zai-org", deepseek: "deepseek-ai" } };
const ROUTER: GatewaySlugStyle = { style: "lower", orgs: { qwen: "qwen", kimi: "moonshotai" }, rewrites: [[/^qwen3-coder-480b-a35b-instruct$/, "qwen3-coder"]] };
const PREFIXED: GatewaySlugStyle = { style: "bare", prefix: "accounts/acme/models/", dotAs: "p", rewrites: [[/^llama-(\d)/, "llama-v$1"]] };

describe("toGatewaySlug", () => {
  it.each([
    ["qwen3-coder-480b-a35b-instruct", HUB, "Qwen/Qwen3-Coder-480B-A35B-Instruct"],
    ["glm-4.5v", HUB, "zai-org/GLM-4.5V"],
    ["deepseek-v3.1-terminus", HUB, "deepseek-ai/DeepSeek-V3.1-Terminus"],
    ["qwen3-coder-480b-a35b-instruct", ROUTER, "qwen/qwen3-coder"],
    ["kimi-k2-instruct-0905", ROUTER, "moonshotai/kimi-k2-instruct-0905"],
    ["kimi-k2.6", PREFIXED, "accounts/acme/models/kimi-k2p6"],
    ["llama-3.3-70b-instruct", PREFIXED, "accounts/acme/models/llama-v3p3-70b-instruct"],
    ["minimax-m2.5", { style: "hub-name" } as GatewaySlugStyle, "MiniMax-M2.5"],
    ["llama-3.3-70b-instruct", { style: "bare", fixed: { "llama-3.3-70b-instruct": "llama-3.3-70b-versatile" } } as GatewaySlugStyle, "llama-3.3-70b-versatile"],
  ])("%s in %j is %s", (id, style, slug) => {
    expect(toGatewaySlug(id, "acme", undefined, style)).toBe(slug);
  });

  it("gives a gateway without conventions, or a model no rule covers, the canonical id", () => {
    expect(toGatewaySlug("kimi-k2.6", "my-own-server")).toBe("kimi-k2.6");
    expect(toGatewaySlug("gemma-3-27b-it", "acme", undefined, HUB)).toBe("gemma-3-27b-it");
  });

  it("lets a registry slug win over the conventions", () => {
    expect(toGatewaySlug("kimi-k2.6", "openrouter", { gateways: { openrouter: { slug: "moonshotai/kimi-k2.6:nitro" } } }, ROUTER)).toBe("moonshotai/kimi-k2.6:nitro");
  });

  it("rejects an empty id", () => {
    expect(() => toGatewaySlug("", "openrouter")).toThrow(/canonical id is empty/);
  });
});
