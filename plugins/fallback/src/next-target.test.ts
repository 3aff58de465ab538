import { describe, expect, it } from "vitest";
import { nextTarget, targetKey } from "./next-target.js";

const route = { gateways: ["a", "b", "c"], fallbackModels: ["small"] };
const open = { missingKey: () => undefined, openUntil: () => undefined };

describe("nextTarget", () => {
  it("serves the same model on the next gateway, then the fallback models in order", () => {
    expect(nextTarget(route, "big", { model: "big", gateway: "a" }, new Set(), open).to).toEqual({ model: "big", gateway: "b" });
    const tried = new Set(["a", "b", "c"].map((gateway) => targetKey({ model: "big", gateway })));
    expect(nextTarget(route, "big", { model: "big", gateway: "c" }, tried, open).to).toEqual({ model: "small", gateway: "a" });
  });

  it("skips a gateway without its key or with an open breaker, saying why", () => {
    const found = nextTarget(route, "big", { model: "big", gateway: "a" }, new Set(), {
      missingKey: (gateway) => (gateway === "b" ? "B_KEY" : undefined),
      openUntil: (gateway) => (gateway === "c" ? 0 : undefined),
    });
    expect(found.to).toEqual({ model: "small", gateway: "a" });
    expect(found.skipped.map((entry) => `${entry.gateway}: ${entry.reason}`)).toEqual(["b: B_KEY is not set", "c: its circuit breaker is open until 1970-01-01T00:00:00.000Z"]);
  });

  it("has nowhere to go when everything was tried", () => {
    const single = { gateways: ["a"], fallbackModels: [] };
    expect(nextTarget(single, "big", { model: "big", gateway: "a" }, new Set(), open).to).toBeUndefined();
  });
});
