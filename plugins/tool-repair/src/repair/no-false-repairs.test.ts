import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairToolCall } from "./repair-tool-call.js";
import { BUILT_IN_TOOLS, callArbitrary, corpusTools } from "../../test/tool-arbitraries.js";

describe("no false repairs", () => {
  const tools = [...BUILT_IN_TOOLS, ...corpusTools()];
  const calls = callArbitrary(tools);

  it("returns 10,000 generated valid calls as valid with byte-identical arguments", () => {
    fc.assert(
      fc.property(calls, ({ name, args }) => {
        const raw = JSON.stringify(args);
        const result = repairToolCall({ name, arguments: raw }, tools);
        expect(result.status).toBe("valid");
        expect(result.repairs).toEqual([]);
        expect(result.calls).toHaveLength(1);
        expect(result.calls[0]?.name).toBe(name);
        expect(JSON.stringify(result.calls[0]?.arguments)).toBe(raw);
      }),
      { numRuns: 10_000 },
    );
  });

  it("hands back an already-parsed arguments object itself", () => {
    fc.assert(
      fc.property(calls, ({ name, args }) => {
        const result = repairToolCall({ name, arguments: args }, tools);
        expect(result.status).toBe("valid");
        expect(result.calls[0]?.arguments).toBe(args);
      }),
      { numRuns: 1_000 },
    );
  });
});
