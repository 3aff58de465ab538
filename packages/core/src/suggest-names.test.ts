import { describe, expect, it } from "vitest";
import { didYouMean, suggestNames } from "./suggest-names.js";

describe("suggestNames", () => {
  it("finds transpositions, small typos and prefixes, closest first", () => {
    expect(suggestNames("modle", ["model", "gateway", "gateways", "permissions"])).toEqual(["model"]);
    expect(suggestNames("grok", ["groq", "fireworks", "openrouter"])).toEqual(["groq"]);
    expect(suggestNames("bsh", ["bash", "read", "edit", "write"])).toEqual(["bash"]);
    expect(suggestNames("gate", ["gateway", "gateways", "model"])).toEqual(["gateway", "gateways"]);
  });

  it("suggests nothing for a name far from every candidate", () => {
    expect(suggestNames("frobnicate", ["run", "models", "doctor"])).toEqual([]);
    expect(didYouMean("frobnicate", ["run"])).toBe("");
  });

  it("words one or several suggestions", () => {
    expect(didYouMean("modle", ["model"])).toBe('did you mean "model"?');
    expect(didYouMean("gate", ["gateway", "gateways"], (name) => `/${name}`)).toBe("did you mean /gateway or /gateways?");
  });
});
