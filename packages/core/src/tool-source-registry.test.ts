import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Tool } from "./tool.js";
import type { ToolSource, ToolSourceContext } from "./tool-source.js";
import { ToolSourceRegistry } from "./tool-source-registry.js";

const context: ToolSourceContext = { layers: [], isTrusted: () => true, environment: {}, workspace: "/w" };
const tool = (name: string): Tool => ({ name, description: name, kind: "execute", parameters: z.object({}), jsonSchema: {}, run: async () => ({ content: "" }) });

function source(name: string, tools: string[], delayMs: number, configured = true): ToolSource & { closed: number } {
  return {
    name,
    closed: 0,
    configured: () => configured,
    start: () => new Promise((resolve) => setTimeout(() => resolve(tools.map(tool)), delayMs)),
    entries: () => [],
    async close() {
      this.closed += 1;
      if (name === "broken") throw new Error("cannot close");
    },
  };
}

describe("ToolSourceRegistry", () => {
  it("starts configured sources together and sorts their tools by name, whichever answers first", async () => {
    const registry = new ToolSourceRegistry();
    registry.register(source("slow", ["b__x", "a__y"], 30));
    registry.register(source("fast", ["c__z", "a__a"], 1));
    registry.register(source("off", ["zz"], 1, false));
    expect(registry.configured(context)).toBe(true);
    expect((await registry.start(context)).map((entry) => entry.name)).toEqual(["a__a", "a__y", "b__x", "c__z"]);
  });

  it("refuses a second source of the same name, and closes every source even when one fails", async () => {
    const registry = new ToolSourceRegistry();
    const broken = source("broken", [], 1);
    const fine = source("fine", [], 1);
    registry.register(broken);
    registry.register(fine);
    expect(() => registry.register(source("fine", [], 1))).toThrow(/registered twice/);
    await registry.close();
    expect([broken.closed, fine.closed]).toEqual([1, 1]);
  });
});
