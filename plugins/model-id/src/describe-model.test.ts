import { createKernel } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { describeModel, formatModelDescription } from "./describe-model.js";
import { modelIdPlugin } from "./model-id-plugin.js";
import { slugTestGateways } from "../test/slug-test-gateways.js";

describe("describeModel", () => {
  const kernel = createKernel({ plugins: [{ plugin: slugTestGateways }, { plugin: modelIdPlugin }] });

  it("shows identity, registry facts and the slug and window on each gateway", () => {
    const model = kernel.resolveModel("accounts/fireworks/models/glm-5p1", "fireworks");
    const description = describeModel(model, kernel.models, ["openrouter", "router", "prefixed", "zai"]);
    expect(description).toMatchObject({ input: "accounts/fireworks/models/glm-5p1", id: "glm-5.1", known: true });
    expect(description.gateways).toEqual([
      // The snapshot's own entry for OpenRouter: a smaller window there; no conventions defined, so the canonical id.
      { gateway: "openrouter", slug: "glm-5.1", contextWindow: 65_536, maxOutputTokens: 131_072, source: "gateway" },
      { gateway: "router", slug: "z-ai/glm-5.1", contextWindow: 200_000, maxOutputTokens: 131_072, source: "registry" },
      { gateway: "prefixed", slug: "accounts/acme/models/glm-5p1", contextWindow: 200_000, maxOutputTokens: 131_072, source: "registry" },
      { gateway: "zai", slug: "glm-5.1", contextWindow: 200_000, maxOutputTokens: 131_072, source: "registry" },
    ]);
    const text = formatModelDescription(description);
    expect(text).toContain("accounts/fireworks/models/glm-5p1 → glm-5.1");
    expect(text).toContain("openrouter: glm-5.1  window 65,536 (gateway)");
  });

  it("says when a model is unknown and gets the default window", () => {
    const model = kernel.resolveModel("acme/mystery-1b");
    const text = formatModelDescription(describeModel(model, kernel.models, ["openrouter"]));
    expect(text).toContain("unknown");
    expect(text).toContain("window 128,000 (default)");
  });
});
