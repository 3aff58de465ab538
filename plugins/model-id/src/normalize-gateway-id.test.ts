import { describe, expect, it } from "vitest";
import { normalizeGatewayId } from "./normalize-gateway-id.js";

describe("normalizeGatewayId", () => {
  it("maps catalog and SDK spellings to Bridle's ids", () => {
    expect(normalizeGatewayId("togetherai")).toBe("together");
    expect(normalizeGatewayId("Fireworks-AI")).toBe("fireworks");
    expect(normalizeGatewayId("alibaba-cn")).toBe("dashscope");
    expect(normalizeGatewayId("amazon-bedrock")).toBe("bedrock");
  });

  it("keeps any other gateway, lower-cased", () => {
    expect(normalizeGatewayId(" My-Gateway ")).toBe("my-gateway");
  });
});
