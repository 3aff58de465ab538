import { expect, test } from "vitest";
import { affinityValue } from "./affinity-value.js";
import { cacheTurn, isCacheDrop } from "./cache-turn.js";
import { prefixChanges, prefixFingerprint, stableTools } from "./prefix-fingerprint.js";

test("the affinity value is stable per session and gateway, opaque, and differs across gateways and secrets", () => {
  const id = "0f8e2c1a-session";
  const value = affinityValue(id, "openrouter", "secret-one");
  expect(affinityValue(id, "openrouter", "secret-one")).toBe(value);
  expect(value).toMatch(/^brdl-[A-Za-z0-9_-]{32}$/);
  expect(value).not.toContain(id);
  expect(affinityValue(id, "fireworks", "secret-one")).not.toBe(value);
  expect(affinityValue(id, "openrouter", "secret-two")).not.toBe(value);
});

test("cached share per turn: absent is unknown, and a drop to under half of a high share is flagged", () => {
  expect(cacheTurn(1, { inputTokens: 1000, outputTokens: 5 }).ratio).toBeUndefined();
  const high = cacheTurn(2, { inputTokens: 1000, outputTokens: 5, cachedInputTokens: 900 });
  const low = cacheTurn(3, { inputTokens: 1100, outputTokens: 5, cachedInputTokens: 100 });
  expect(high.ratio).toBeCloseTo(0.9);
  expect(isCacheDrop(high, low)).toBe(true);
  expect(isCacheDrop(high, cacheTurn(3, { inputTokens: 1100, outputTokens: 5, cachedInputTokens: 1000 }))).toBe(false);
  expect(isCacheDrop(high, cacheTurn(3, { inputTokens: 1100, outputTokens: 5 }))).toBe(false);
});

test("the fingerprint sees a changed system prompt or tool list, and tool order or key order does not matter", () => {
  const tools = [
    { name: "write", description: "w", parameters: { type: "object", properties: { b: { type: "string" }, a: { type: "string" } } } },
    { name: "read", description: "r", parameters: { properties: {}, type: "object" } },
  ];
  const reordered = [
    { name: "read", description: "r", parameters: { type: "object", properties: {} } },
    { name: "write", description: "w", parameters: { properties: { a: { type: "string" }, b: { type: "string" } }, type: "object" } },
  ];
  const messages = [{ role: "system" as const, content: "You are a coding agent." }, { role: "user" as const, content: "hi" }];
  const base = prefixFingerprint(messages, stableTools(tools));
  expect(prefixChanges(base, prefixFingerprint([...messages, { role: "user", content: "more" }], stableTools(reordered)))).toEqual([]);
  expect(prefixChanges(base, prefixFingerprint([{ role: "system", content: "Today is Tuesday." }, messages[1]!], stableTools(tools)))).toEqual(["system"]);
  expect(prefixChanges(base, prefixFingerprint(messages, stableTools(tools.slice(1))))).toEqual(["tools"]);
  expect(JSON.stringify(stableTools(tools))).toBe(JSON.stringify(stableTools(reordered)));
});
