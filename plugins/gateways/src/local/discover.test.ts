import { startGatewaySim, type GatewaySim } from "@bridle/gateway-sim";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { discoverLlamacpp } from "./discover-llamacpp.js";
import { discoverLmstudio } from "./discover-lmstudio.js";
import { discoverOllama, OLLAMA_DEFAULT_CONTEXT } from "./discover-ollama.js";
import { discoverSglang } from "./discover-sglang.js";
import { discoverVllm } from "./discover-vllm.js";

let sim: GatewaySim;
beforeAll(async () => {
  sim = await startGatewaySim({ profiles: ["ollama", "lmstudio", "vllm", "sglang", "llamacpp"] });
});
afterAll(async () => {
  await sim.close();
});

/** A fetch that sends the profile's key, as the transport's discovery fetch does for its own gateway. */
function fetchWithKey(profile: string): typeof globalThis.fetch {
  const key = sim.keys[profile];
  return (input, init) => globalThis.fetch(input, key ? { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${key}` } } : init);
}

const endpoint = (profile: string) => ({ id: profile, baseURL: sim.baseURL(profile) });
const signal = () => AbortSignal.timeout(5000);

describe("discovery over the simulator", () => {
  test("Ollama: every pulled model with the window it runs with and the one it was trained for", async () => {
    const models = await discoverOllama(endpoint("ollama"), fetchWithKey("ollama"), signal());
    expect(models.map((model) => model.slug)).toEqual(sim.profile("ollama").models.map((model) => model.slug));
    expect(models.find((model) => model.slug === "qwen3-coder:30b")).toEqual({ slug: "qwen3-coder:30b", contextWindow: 32_768, maxContextWindow: 262_144 });
    expect(models.every((model) => model.warning === undefined)).toBe(true);
    const paths = sim.requests.forProfile("ollama").map((request) => `${request.method} ${request.path.replace(/^\/ollama/, "")}`);
    expect(paths).toEqual(expect.arrayContaining(["GET /api/tags", "GET /api/ps", "POST /api/show"]));
  });

  test("Ollama: a model not loaded gets Ollama's default window and a warning about silent truncation", async () => {
    const cold = await startGatewaySim({ profiles: [{ profile: "ollama", replaceModels: true, models: [{ slug: "qwen3-coder:30b", contextWindow: 8192, trainedContextWindow: 262_144, loaded: false }] }] });
    try {
      const [model] = await discoverOllama({ id: "ollama", baseURL: `${cold.url}/v1` }, globalThis.fetch, signal());
      expect(model).toMatchObject({ slug: "qwen3-coder:30b", contextWindow: OLLAMA_DEFAULT_CONTEXT, maxContextWindow: 262_144 });
      expect(model?.warning).toMatch(/silently cuts longer prompts/);
      expect(model?.warning).toMatch(/OLLAMA_CONTEXT_LENGTH/);
    } finally {
      await cold.close();
    }
  });

  test("LM Studio: the loaded context length, embeddings left out, a warning for a model not loaded", async () => {
    const models = await discoverLmstudio(endpoint("lmstudio"), fetchWithKey("lmstudio"), signal());
    expect(models.map((model) => model.slug)).toEqual(["qwen/qwen3-coder-30b", "openai/gpt-oss-20b"]);
    expect(models[0]).toEqual({ slug: "qwen/qwen3-coder-30b", contextWindow: 32_768, maxContextWindow: 262_144 });
    expect(models[1]?.contextWindow).toBeUndefined();
    expect(models[1]?.maxContextWindow).toBe(131_072);
    expect(models[1]?.warning).toMatch(/has not loaded openai\/gpt-oss-20b/);
  });

  test("vLLM: served names with max_model_len", async () => {
    const models = await discoverVllm(endpoint("vllm"), fetchWithKey("vllm"), signal());
    expect(models).toEqual(sim.profile("vllm").models.map((model) => ({ slug: model.slug, contextWindow: model.contextWindow })));
  });

  test("SGLang: max_model_len from /v1/models, or get_server_info when that names no window", async () => {
    expect(await discoverSglang(endpoint("sglang"), fetchWithKey("sglang"), signal())).toEqual([{ slug: "Qwen/Qwen3-Coder-30B-A3B-Instruct", contextWindow: 131_072 }]);
    // A server whose /v1/models answers without windows (older versions): the server arguments fill in.
    const bare = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith("/v1/models")) return Response.json({ data: [{ id: "Qwen/Qwen3-Coder-30B-A3B-Instruct" }] });
      return fetchWithKey("sglang")(input, init);
    }) as typeof globalThis.fetch;
    expect(await discoverSglang(endpoint("sglang"), bare, signal())).toEqual([{ slug: "Qwen/Qwen3-Coder-30B-A3B-Instruct", contextWindow: 131_072 }]);
    expect(sim.requests.forProfile("sglang").some((request) => request.path.endsWith("/get_server_info"))).toBe(true);
  });

  test("llama.cpp: the running n_ctx from /props, the trained window beside it", async () => {
    expect(await discoverLlamacpp(endpoint("llamacpp"), fetchWithKey("llamacpp"), signal())).toEqual([{ slug: "gpt-oss-20b", contextWindow: 65_536, maxContextWindow: 131_072 }]);
  });

  test("a server that is not there: an error naming the URL", async () => {
    await expect(discoverOllama({ id: "ollama", baseURL: "http://127.0.0.1:9/v1" }, globalThis.fetch, signal())).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:9\/api\/tags/);
  });
});
