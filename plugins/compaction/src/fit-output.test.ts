import { describe, expect, it } from "vitest";
import { fitOutput } from "./fit-request.js";

describe("fitOutput", () => {
  it("keeps the requested output when prompt and output fit", () => {
    expect(fitOutput(8000, 100_000, 200_000)).toBe(8000);
  });

  it("lowers the output so prompt plus output stay inside the window", () => {
    const output = fitOutput(32_000, 180_000, 200_000);
    expect(output).toBeLessThan(32_000);
    expect(180_000 + output).toBeLessThanOrEqual(200_000);
  });

  it("leaves it alone when too little room is left to be useful (the overflow recovery takes over)", () => {
    expect(fitOutput(8000, 199_900, 200_000)).toBe(8000);
  });
});
