import { afterAll, beforeAll, expect, test } from "vitest";
import { startGatewaySim, type GatewaySim } from "./start-gateway-sim.js";

let sim: GatewaySim;
beforeAll(async () => {
  sim = await startGatewaySim({ profiles: ["ollama", "lmstudio", "sglang", "llamacpp", "vllm"] });
});
afterAll(async () => {
  await sim.close();
});

/** The server root of a profile: its base URL without `/v1`. */
const root = (profile: string) => sim.baseURL(profile).replace(/\/v1$/, "");
const get = async (url: string, key?: string) => {
  const response = await fetch(url, key === undefined ? {} : { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as Record<string, any> };
};

test("Ollama lists pulled models, shows the trained window and reports the running num_ctx of loaded ones", async () => {
  const tags = await get(`${root("ollama")}/api/tags`);
  expect(tags.status).toBe(200);
  expect(tags.body.models.map((model: { name: string }) => model.name)).toEqual(sim.profile("ollama").models.map((model) => model.slug));
  const show = await fetch(`${root("ollama")}/api/show`, { method: "POST", body: JSON.stringify({ model: "qwen3-coder:30b" }) });
  const shown = (await show.json()) as Record<string, any>;
  expect(shown.model_info["general.architecture"]).toBe("qwen3moe");
  expect(shown.model_info["qwen3moe.context_length"]).toBe(262_144);
  expect(shown.parameters).not.toMatch(/num_ctx/);
  const missing = await fetch(`${root("ollama")}/api/show`, { method: "POST", body: JSON.stringify({ model: "nope:1b" }) });
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ error: "model 'nope:1b' not found" });
  const ps = await get(`${root("ollama")}/api/ps`);
  expect(ps.body.models.find((model: { name: string }) => model.name === "qwen3-coder:30b").context_length).toBe(32_768);
  expect(sim.requests.last("ollama")?.outcome).toBe("server");
});

test("Ollama leaves unloaded models out of /api/ps", async () => {
  const single = await startGatewaySim({ profiles: [{ profile: "ollama", replaceModels: true, models: [{ slug: "qwen3-coder:30b", contextWindow: 4096, trainedContextWindow: 262_144, loaded: false }] }] });
  try {
    // With one profile hosted, the server root answers as a real Ollama does (no profile prefix).
    expect((await get(`${single.url}/api/ps`)).body).toEqual({ models: [] });
    expect((await get(`${single.url}/api/tags`)).body.models).toHaveLength(1);
  } finally {
    await single.close();
  }
});

test("LM Studio reports max and loaded context lengths, the loaded one only for loaded models", async () => {
  const models = await get(`${root("lmstudio")}/api/v0/models`);
  const byId = Object.fromEntries(models.body.data.map((model: { id: string }) => [model.id, model]));
  expect(byId["qwen/qwen3-coder-30b"]).toMatchObject({ type: "llm", state: "loaded", max_context_length: 262_144, loaded_context_length: 32_768 });
  expect(byId["openai/gpt-oss-20b"]).toMatchObject({ state: "not-loaded", max_context_length: 131_072 });
  expect(byId["openai/gpt-oss-20b"].loaded_context_length).toBeUndefined();
  expect(models.body.data.some((model: { type: string }) => model.type === "embeddings")).toBe(true);
});

test("SGLang answers get_model_info and get_server_info; its /v1/models carries max_model_len", async () => {
  const key = sim.apiKey("sglang");
  expect((await get(`${root("sglang")}/get_model_info`, key)).body).toMatchObject({ model_path: "Qwen/Qwen3-Coder-30B-A3B-Instruct", is_generation: true });
  expect((await get(`${root("sglang")}/get_server_info`, key)).body.context_length).toBe(131_072);
  expect((await get(`${sim.baseURL("sglang")}/models`, key)).body.data[0].max_model_len).toBe(131_072);
  expect((await get(`${root("sglang")}/get_model_info`)).status).toBe(401);
});

test("llama.cpp /props reports the running n_ctx, /v1/models the trained one", async () => {
  const key = sim.apiKey("llamacpp");
  const props = await get(`${root("llamacpp")}/props`, key);
  expect(props.body.default_generation_settings.n_ctx).toBe(65_536);
  expect((await get(`${sim.baseURL("llamacpp")}/models`, key)).body.data[0].meta.n_ctx_train).toBe(131_072);
});

test("vLLM reports max_model_len in /v1/models; unknown paths and wrong methods are 404", async () => {
  const key = sim.apiKey("vllm");
  expect((await get(`${sim.baseURL("vllm")}/models`, key)).body.data.map((model: { max_model_len: number }) => model.max_model_len)).toEqual(
    sim.profile("vllm").models.map((model) => model.contextWindow),
  );
  expect((await get(`${root("vllm")}/props`, key)).status).toBe(404);
  expect((await fetch(`${root("ollama")}/api/tags`, { method: "POST" })).status).toBe(404);
});
