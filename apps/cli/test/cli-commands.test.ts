import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeProjectDirectory, runCli } from "./run-cli.js";
import { disposeSimProject, runCliToEnd, type SimProject, startCli, startSimProject } from "./sim-project.js";

let project: SimProject | undefined;
let directory: string | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

describe("bridle models", () => {
  it("lists canonical models with their windows and gateways", () => {
    directory = makeProjectDirectory();
    const result = runCli(["models", "--json"], { cwd: directory });
    expect(result.code).toBe(0);
    const models = JSON.parse(result.stdout) as Array<{ id: string; contextWindow: number; gateways: Array<{ gateway: string; contextWindow: number }> }>;
    const kimi = models.find((model) => model.id === "kimi-k2-instruct-0905");
    expect(kimi?.contextWindow).toBe(262_144);
    expect(kimi?.gateways.map((entry) => entry.gateway)).toContain("openrouter");
    expect(models.length).toBeGreaterThan(50);
  });

  it("resolves a slug to its canonical id and shows its slug on the gateways `bridle models` says serve it", () => {
    directory = makeProjectDirectory();
    const result = runCli(["models", "resolve", "accounts/fireworks/models/kimi-k2-instruct-0905", "--json"], { cwd: directory });
    expect(result.code).toBe(0);
    const description = JSON.parse(result.stdout) as { id: string; known: boolean; gateways: Array<{ gateway: string; slug: string }> };
    expect(description).toMatchObject({ id: "kimi-k2-instruct-0905", known: true });
    const listed = (JSON.parse(runCli(["models", "--json"], { cwd: directory }).stdout) as Array<{ id: string; gateways: Array<{ gateway: string }> }>).find((model) => model.id === description.id)!;
    expect(description.gateways.map((entry) => entry.gateway)).toEqual(listed.gateways.map((entry) => entry.gateway));
    expect(description.gateways.length).toBeLessThan(10);
    // A gateway asked about by name is shown with its spelling even when nobody recorded it serving the model.
    const asked = JSON.parse(runCli(["models", "resolve", "kimi-k2-instruct-0905", "--gateway", "groq", "--json"], { cwd: directory }).stdout) as typeof description;
    expect(asked.gateways).toContainEqual(expect.objectContaining({ gateway: "groq", slug: "moonshotai/kimi-k2-instruct-0905" }));
    const text = runCli(["models", "resolve", "moonshotai/Kimi-K2-Instruct-0905:free"], { cwd: directory });
    expect(text.stdout).toContain("kimi-k2-instruct-0905");
  });

  it("exits 1 for an id the registry does not know, and says so", () => {
    directory = makeProjectDirectory();
    const result = runCli(["models", "resolve", "acme/totally-new-model-9b"], { cwd: directory });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/unknown/);
  });

  it("names the subcommand a mistyped one was meant to be, and still refuses extra arguments", () => {
    directory = makeProjectDirectory();
    const typo = runCli(["models", "reslove", "kimi-k2"], { cwd: directory });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command 'reslove'; did you mean 'resolve'?");
    expect(typo.stdout).toBe("");
    const extra = runCli(["models", "resolve", "kimi-k2", "groq"], { cwd: directory });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/too many arguments/);
    expect(runCli(["config", "chek"], { cwd: directory }).stderr).toContain("Did you mean check?");
  });
});

describe("bridle models refresh", () => {
  it("reads a gateway's model list and uses the window it states for a model the snapshot lacks", async () => {
    project = await startSimProject({ profiles: [{ profile: "openrouter", models: [{ slug: "acme/coder-next-9b", contextWindow: 65_536, family: "qwen" }] }] });
    const before = await runCliToEnd(["models", "resolve", "acme/coder-next-9b", "--gateway", "openrouter", "--json"], project);
    expect(before.code).toBe(1);
    const refreshed = await runCliToEnd(["models", "refresh", "openrouter"], project);
    expect(refreshed.stderr).toBe("");
    expect(refreshed.code).toBe(0);
    expect(refreshed.stdout).toMatch(/openrouter: \d+ models/);
    const after = await runCliToEnd(["models", "resolve", "acme/coder-next-9b", "--gateway", "openrouter", "--json"], project);
    expect(after.code).toBe(0);
    const description = JSON.parse(after.stdout) as { known: boolean; gateways: Array<{ gateway: string; contextWindow: number; slug: string }> };
    expect(description.known).toBe(true);
    expect(description.gateways).toContainEqual(expect.objectContaining({ gateway: "openrouter", contextWindow: 65_536, slug: "acme/coder-next-9b" }));
    const recorded = project.sim.requests.forProfile("openrouter").at(-1)!;
    expect(recorded.path).toMatch(/\/models$/);
    expect(recorded.keyOwner).toBe("openrouter");
  });

  it("fails with a clear message when the gateway cannot be read, keeping nothing broken", async () => {
    project = await startSimProject({ profiles: ["openrouter"] });
    const result = await runCliToEnd(["models", "refresh", "openrouter"], project, { OPENROUTER_API_KEY: "sk-or-wrong-key-12345678" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/openrouter: could not read its model list \(HTTP 401\)/);
  });
});

describe("bridle sim", () => {
  it("serves a gateway profile any OpenAI-compatible client can call, until interrupted", async () => {
    directory = makeProjectDirectory();
    const sim = startCli(["sim", "--profile", "groq"], { directory, environment: { PATH: process.env.PATH ?? "" } });
    await sim.waitFor(/groq\s+(http:\/\/127\.0\.0\.1:\d+\/groq\/v1)\s+key: (\S+)/);
    const [, baseURL, key] = /groq\s+(http:\/\/127\.0\.0\.1:\d+\/groq\/v1)\s+key: (\S+)/.exec(sim.stdout())!;
    const response = await fetch(`${baseURL}/models`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Array<{ id: string }> };
    expect(body.data.map((model) => model.id)).toContain("moonshotai/kimi-k2-instruct-0905");
    sim.child.kill("SIGINT");
    expect(await sim.exited).toBe(0);
    expect(sim.stdout()).toContain("gateway-sim stopped.");
  });
});

describe("bridle init", () => {
  it("writes a valid project config with its schema, and refuses to overwrite it", () => {
    directory = makeProjectDirectory();
    const first = runCli(["init", "--model", "kimi-k2-0905", "--gateway", "groq"], { cwd: directory });
    expect(first.code).toBe(0);
    const config = JSON.parse(readFileSync(path.join(directory, "bridle.config.json"), "utf8")) as Record<string, unknown>;
    expect(config).toMatchObject({ $schema: "./.bridle/config.schema.json", model: "kimi-k2-0905", gateway: "groq" });
    expect(existsSync(path.join(directory, ".bridle", "config.schema.json"))).toBe(true);
    expect(runCli(["config", "check"], { cwd: directory }).code).toBe(0);
    const second = runCli(["init"], { cwd: directory });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/already exists/);
  });

  it("detects a model and its gateway from the gateways that can be used when none is given", async () => {
    project = await startSimProject({ profiles: ["groq"] });
    const result = await runCliToEnd(["init", "--force"], project);
    expect(result.code).toBe(0);
    const config = JSON.parse(readFileSync(path.join(project.directory, "bridle.config.json"), "utf8")) as Record<string, unknown>;
    const listed = project.sim.requests.forProfile("groq").find((request) => request.path.endsWith("/models"));
    expect(listed).toBeDefined();
    expect(config).toMatchObject({ model: "moonshotai/kimi-k2-instruct-0905", gateway: "groq" });
    expect(result.stdout).toContain("detected (the first model groq serves");
  });
});

describe("bridle doctor", () => {
  it("shows the tool-call repairs recorded in this workspace's sessions, per rule, model and gateway", async () => {
    project = await startSimProject({
      files: { "a.txt": "alpha\n" },
      scenario: {
        steps: [
          { when: { lastRole: "user" }, toolCalls: [{ name: "read", arguments: '{"path": "a.txt", "offset": null}' }] },
          { when: { lastRole: "tool" }, content: "It says alpha." },
        ],
      },
    });
    expect((await runCliToEnd(["run", "read a.txt"], project)).code).toBe(0);
    const result = await runCliToEnd(["doctor", "--offline"], project);
    expect(result.stdout).toMatch(/tool-call repairs in this workspace's last 1 session\(s\):\n\s+drop-null-optional × 1 \(kimi-k2-instruct-0905 @ groq\)/);
  });

  it("reports keys present or missing without printing them, and checks the gateway answers", async () => {
    project = await startSimProject();
    const result = await runCliToEnd(["doctor"], project);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ configuration/);
    expect(result.stdout).toMatch(/groq\s+set \(GROQ_API_KEY\)\s+\S+\s+ok/);
    expect(result.stdout).not.toContain(project.environment.GROQ_API_KEY!);
    expect(result.stdout).toMatch(/no tool-call repairs recorded in this workspace's sessions \(0 read\)/);
    const badKey = await runCliToEnd(["doctor"], project, { GROQ_API_KEY: "sk-wrong-key-123456789" });
    expect(badKey.stdout).toMatch(/HTTP 401 \(key rejected\)/);
    expect(badKey.code).toBe(1);
  });

  it("says plainly when no key is set, and whether a local server would do instead", async () => {
    project = await startSimProject({ profiles: ["ollama"], config: { model: "qwen3-coder:30b", gateway: "ollama" } });
    const result = await runCliToEnd(["doctor"], project);
    expect(result.stdout).toMatch(/✗ keys: no gateway key is set \(one of [A-Z_]+_API_KEY, /);
    expect(result.stdout).toMatch(/local servers need no key: ollama answering now/);
    expect(result.stdout).toMatch(/ollama\s+not needed\s+\S+\s+ok/);
  });
});
