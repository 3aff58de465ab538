import { randomChars } from "./define-gateway-profile.js";
import type { ModelFamily, ToolCallIdStyle } from "./gateway-profile.js";

/**
 * A tool-call id in the gateway's format. `index` is the position of the call counted over the
 * whole conversation (Kimi ids carry it: `functions.read:3`).
 */
export function toolCallId(style: ToolCallIdStyle, family: ModelFamily | undefined, name: string, index: number, random: () => number): string {
  const effective = style === "model-family" ? (family === "kimi" ? "kimi-functions" : "call-random") : style;
  switch (effective) {
    case "kimi-functions":
      return `functions.${name}:${index}`;
    case "zai-hex":
      return `call_${randomChars(24, random, "0123456789abcdef")}`;
    case "llamacpp-random":
      return randomChars(32, random);
    default:
      return `call_${randomChars(24, random)}`;
  }
}
