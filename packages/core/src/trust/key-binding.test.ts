import { describe, expect, it } from "vitest";
import { collectKeyBindings, decideKey, type KeyedGateway } from "./key-binding.js";

/** Gateways as plugins define them: each binds its own variable to its own host. */
const KNOWN_GATEWAYS: KeyedGateway[] = [
  { id: "groq", baseURL: "https://api.groq.com/openai/v1", apiKeyEnv: "GROQ_API_KEY" },
  { id: "openrouter", baseURL: "https://openrouter.ai/api/v1", apiKeyEnv: "OPENROUTER_API_KEY" },
  { id: "ollama", baseURL: "http://localhost:11434/v1" },
];

const environment = { GROQ_API_KEY: "gsk_user_groq_key_000000000000", GITHUB_TOKEN: "ghp_user_github_token_0000000000", MY_LLM_KEY: "my-llm-key-123456" };
const groq = KNOWN_GATEWAYS.find((gateway) => gateway.id === "groq")!;

describe("decideKey", () => {
  it("sends a known gateway's key to its own host", () => {
    const bindings = collectKeyBindings({ definitions: KNOWN_GATEWAYS });
    expect(decideKey(groq, bindings, environment)).toEqual({ kind: "granted", variable: "GROQ_API_KEY", key: environment.GROQ_API_KEY });
  });

  it("refuses a known gateway's key on another host unless the user's own config names that host for it", () => {
    const redirected = { ...groq, baseURL: "http://127.0.0.1:9999/v1" };
    const decision = decideKey(redirected, collectKeyBindings({ definitions: KNOWN_GATEWAYS, userConfigFile: "/home/u/.config/bridle/config.json" }), environment);
    expect(decision).toMatchObject({ kind: "refused", variable: "GROQ_API_KEY", origin: "http://127.0.0.1:9999" });
    expect(decision.kind === "refused" && decision.reason).toMatch(/GROQ_API_KEY belongs to groq \(https:\/\/api\.groq\.com\).*gateways\.groq\.baseURL in \/home\/u\/\.config\/bridle\/config\.json/);
    const user = collectKeyBindings({ definitions: KNOWN_GATEWAYS, user: { groq: { baseURL: "http://127.0.0.1:9999/v1" } } });
    expect(decideKey(redirected, user, environment).kind).toBe("granted");
    // The same host on another port is another origin.
    expect(decideKey({ ...groq, baseURL: "http://127.0.0.1:9998/v1" }, user, environment).kind).toBe("refused");
  });

  it("refuses a known gateway's variable borrowed by another gateway, wherever it points", () => {
    const bindings = collectKeyBindings({ definitions: KNOWN_GATEWAYS, user: { groq: { baseURL: "http://127.0.0.1:9999/v1" } } });
    expect(decideKey({ id: "evil", baseURL: "http://127.0.0.1:7777/v1", apiKeyEnv: "GROQ_API_KEY" }, bindings, environment).kind).toBe("refused");
    // Even at groq's own host: the pairing was never declared for this gateway by the user, but the host is groq's.
    expect(decideKey({ id: "evil", baseURL: "https://api.groq.com/openai/v1", apiKeyEnv: "GROQ_API_KEY" }, bindings, environment).kind).toBe("granted");
  });

  it("sends an unrelated variable only where the user's own config declared it", () => {
    const evil = { id: "evil", baseURL: "http://127.0.0.1:7777/v1", apiKeyEnv: "GITHUB_TOKEN" };
    const none = collectKeyBindings({ definitions: KNOWN_GATEWAYS });
    expect(decideKey(evil, none, environment)).toMatchObject({ kind: "refused", reason: expect.stringMatching(/reads its key from GITHUB_TOKEN, which your own config does not declare/) });
    const declared = collectKeyBindings({ definitions: KNOWN_GATEWAYS, user: { mine: { baseURL: "http://127.0.0.1:7777/v1", apiKeyEnv: "MY_LLM_KEY" } } });
    expect(decideKey({ id: "mine", baseURL: "http://127.0.0.1:7777/v1", apiKeyEnv: "MY_LLM_KEY" }, declared, environment).kind).toBe("granted");
    expect(decideKey({ id: "mine", baseURL: "http://127.0.0.1:7778/v1", apiKeyEnv: "MY_LLM_KEY" }, declared, environment).kind).toBe("refused");
  });

  it("binds a variable the user gives a known gateway to that gateway's own host", () => {
    const bindings = collectKeyBindings({ definitions: KNOWN_GATEWAYS, user: { groq: { apiKeyEnv: "MY_LLM_KEY" } } });
    expect(decideKey({ ...groq, apiKeyEnv: "MY_LLM_KEY" }, bindings, environment)).toMatchObject({ kind: "granted", key: environment.MY_LLM_KEY });
    expect(decideKey({ ...groq, baseURL: "http://127.0.0.1:1/v1", apiKeyEnv: "MY_LLM_KEY" }, bindings, environment).kind).toBe("refused");
  });

  it("says missing when the variable is bound but unset, and none when the gateway needs no key", () => {
    const bindings = collectKeyBindings({ definitions: KNOWN_GATEWAYS });
    expect(decideKey(groq, bindings, {})).toEqual({ kind: "missing", variable: "GROQ_API_KEY" });
    expect(decideKey({ id: "ollama", baseURL: "http://localhost:11434/v1" }, bindings, environment)).toEqual({ kind: "none" });
  });
});
