import { realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type GatewaySim, type ProfileSpec, startGatewaySim } from "@bridle/gateway-sim";
import { afterEach, describe, expect, it } from "vitest";
import { shellQuote, statusLine, TmuxPane, tmuxAvailable } from "./interactive-tmux.js";
import { binPath, makeProjectDirectory } from "./run-cli.js";
import { startCli } from "./sim-project.js";

// A local server with nothing configured: no config file, no key, only where the server is
// (OLLAMA_HOST, as the ollama CLI reads it). The simulator hosts one profile, so it answers at
// its bare root like a real Ollama.
const ONE_MODEL: ProfileSpec = { profile: "ollama", replaceModels: true, models: [{ slug: "qwen3-coder:30b", contextWindow: 32_768, trainedContextWindow: 262_144, family: "qwen" }] };

let sim: GatewaySim | undefined;
let project: string | undefined;
afterEach(async () => {
  await sim?.close();
  if (project) rmSync(project, { recursive: true, force: true });
  sim = undefined;
  project = undefined;
});

async function startOllama(spec: ProfileSpec): Promise<{ sim: GatewaySim; directory: string; environment: Record<string, string> }> {
  sim = await startGatewaySim({ profiles: [spec], scenario: { steps: [{ content: "Hello from the local model.", repeat: true }] } });
  project = realpathSync(makeProjectDirectory());
  const environment = {
    PATH: process.env.PATH ?? "",
    HOME: project,
    XDG_CONFIG_HOME: path.join(project, ".xdg"),
    XDG_DATA_HOME: path.join(project, ".data"),
    XDG_CACHE_HOME: path.join(project, ".cache"),
    OLLAMA_HOST: sim.url,
  };
  return { sim, directory: project, environment };
}

async function runJson(args: string[], target: { directory: string; environment: Record<string, string> }) {
  const cli = startCli(["run", "--gateway", "ollama", "-o", "json", ...args], target);
  const code = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr(), json: code === 0 ? (JSON.parse(cli.stdout()) as Record<string, any>) : undefined };
}

describe("a local server without configuration", () => {
  it("bridle run --gateway ollama: picks the one pulled model and runs it with the window Ollama runs it with", async () => {
    const target = await startOllama(ONE_MODEL);
    const result = await runJson(["say hi"], target);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.json?.result).toBe("Hello from the local model.");
    expect(result.json?.gateway).toBe("ollama");
    const usage = result.json?.events.find((event: { type: string }) => event.type === "usage");
    expect(usage.contextWindow).toBe(32_768);
    // Ollama names no cached tokens: unknown, not zero.
    expect(usage.usage.cachedInputTokens).toBeUndefined();
    const discovery = result.json?.events.find((event: { type: string; event?: { type: string } }) => event.event?.type === "gateway.discovery");
    expect(discovery.event.data).toMatchObject({ model: "qwen3-coder:30b", contextWindow: 32_768, maxContextWindow: 262_144 });
    const requests = target.sim.requests.all().map((request) => `${request.method} ${request.path}`);
    expect(requests).toEqual(expect.arrayContaining(["GET /api/tags", "GET /api/ps", "POST /api/show", "POST /v1/chat/completions"]));
    expect(target.sim.requests.completions().at(-1)?.model).toBe("qwen3-coder:30b");
  });

  it("sends a local name the registry does not know exactly as the server listed it", async () => {
    const target = await startOllama({ profile: "ollama", replaceModels: true, models: [{ slug: "deepseek-r1:14b", contextWindow: 16_384, trainedContextWindow: 131_072, family: "deepseek", reasoning: true }] });
    const result = await runJson(["say hi"], target);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(target.sim.requests.completions().at(-1)?.model).toBe("deepseek-r1:14b");
    expect(result.json?.events.find((event: { type: string }) => event.type === "usage").contextWindow).toBe(16_384);
  });

  it("warns that a model Ollama has not loaded gets its default window, which it would cut silently", async () => {
    const target = await startOllama({ ...ONE_MODEL, models: [{ slug: "qwen3-coder:30b", contextWindow: 4_096, trainedContextWindow: 262_144, family: "qwen", loaded: false }] } as ProfileSpec);
    const result = await runJson(["say hi"], target);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    const usage = result.json?.events.find((event: { type: string }) => event.type === "usage");
    expect(usage.contextWindow).toBe(4_096);
    const warning = result.json?.events.find((event: { event?: { type: string; level: string } }) => event.event?.type === "gateway.discovery" && event.event.level === "warn");
    expect(warning.event.message).toMatch(/silently cuts longer prompts/);
  });

  it("names the models when the server serves several, and the variable when it cannot be reached", async () => {
    const several = await startOllama("ollama");
    const result = await runJson(["say hi"], several);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/serves 4 models \(gpt-oss:120b, gpt-oss:20b, qwen3-coder:30b, kimi-k2\.6:cloud\); pick one with --model/);
    expect(several.sim.requests.completions()).toHaveLength(0);

    await sim?.close();
    const unreachable = await runJson(["say hi"], { ...several, environment: { ...several.environment, OLLAMA_HOST: "127.0.0.1:9" } });
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.stdout + unreachable.stderr).toMatch(/cannot ask Ollama at http:\/\/127\.0\.0\.1:9\/v1 which models it serves: .*set OLLAMA_HOST/);
  });

  it("other local servers too: LM Studio's one loaded model, llama.cpp's window from /props", async () => {
    sim = await startGatewaySim({ profiles: ["lmstudio", "llamacpp"], scenario: { steps: [{ content: "Hello from the local model.", repeat: true }] } });
    project = realpathSync(makeProjectDirectory());
    // Only where the servers are: no model, no key.
    writeFileSync(path.join(project, "bridle.config.json"), JSON.stringify({ gateways: { lmstudio: { baseURL: sim.baseURL("lmstudio") }, llamacpp: { baseURL: sim.baseURL("llamacpp") } } }));
    const environment = { PATH: process.env.PATH ?? "", HOME: project, XDG_CONFIG_HOME: path.join(project, ".xdg"), XDG_DATA_HOME: path.join(project, ".data"), XDG_CACHE_HOME: path.join(project, ".cache"), LLAMA_API_KEY: sim.apiKey("llamacpp") };
    for (const [gateway, slug, window] of [["lmstudio", "qwen/qwen3-coder-30b", 32_768], ["llamacpp", "gpt-oss-20b", 65_536]] as const) {
      const cli = startCli(["run", "--gateway", gateway, "-o", "json", "say hi"], { directory: project, environment });
      const code = await cli.exited;
      expect(code, cli.stderr() + cli.stdout()).toBe(0);
      const json = JSON.parse(cli.stdout()) as { events: Array<{ type: string; contextWindow?: number }> };
      expect(json.events.find((event) => event.type === "usage")?.contextWindow).toBe(window);
      expect(sim.requests.completions(gateway).at(-1)?.model).toBe(slug);
    }
  });

  it("with --model, keeps the configured model and still learns its running window", async () => {
    const target = await startOllama("ollama");
    const result = await runJson(["--model", "gpt-oss:20b", "say hi"], target);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(target.sim.requests.completions().at(-1)?.model).toBe("gpt-oss:20b");
    expect(result.json?.events.find((event: { type: string }) => event.type === "usage").contextWindow).toBe(32_768);
  });
});

const tmux = tmuxAvailable();
describe.skipIf(!tmux.ok)("bridle --gateway ollama on the interactive screen", () => {
  it("starts a session on the one pulled model with the running window in the status line", async () => {
    const target = await startOllama(ONE_MODEL);
    const pane = new TmuxPane(`bridle-local-${process.pid}-${Date.now()}`);
    try {
      const variables = Object.entries({ ...target.environment, TERM: "xterm-256color" }).map(([name, value]) => `${name}=${shellQuote(value)}`);
      pane.start(`env -i ${variables.join(" ")} ${shellQuote(process.execPath)} ${shellQuote(binPath)} --gateway ollama; echo "[bridle exited: $?]"; sleep 60`, target.directory);
      const exited = (screen: string) => screen.includes("[bridle exited: ");
      const screen = await pane.waitFor("the prompt on the Ollama model", (text) => text.includes("› ") && statusLine(text).includes("@ ollama"), { giveUpWhen: exited });
      expect(statusLine(screen)).toMatch(/^ctx [\d.]+k?\/32\.7k .*qwen3-coder-30b-a3b-instruct @ ollama/);
      pane.type("say hi");
      pane.press("Enter");
      await pane.waitFor("the answer", (text) => text.includes("Hello from the local model."), { giveUpWhen: exited });
      expect(target.sim.requests.completions().at(-1)?.model).toBe("qwen3-coder:30b");
      pane.type("/exit");
      pane.press("Enter");
      expect(await pane.waitFor("bridle to exit", exited)).toContain("[bridle exited: 0]");
    } finally {
      pane.kill();
    }
  });
});
