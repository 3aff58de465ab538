import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { disposeSimProject, readRecords, runCliToEnd, type SimProject, startCli, startSimProject } from "./sim-project.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

/** Kimi K2 0905, served by OpenRouter and Together under their own slugs. */
const KIMI = "moonshotai/kimi-k2-0905";

function jsonLines(stdout: string): Array<Record<string, any>> {
  return stdout
    .split("\n")
    .filter((line) => line.trim().startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, any>);
}

describe("bridle run with a gateway list, as a process over the simulator", () => {
  it("falls back from a gateway answering 503 to the next one: same model, its own slug and key; breaker shown by `bridle gateways`", async () => {
    project = await startSimProject({
      profiles: ["openrouter", "together"],
      config: { model: KIMI, gateway: ["openrouter", "together"], plugins: { fallback: { baseDelayMs: 1, maxBackoffMs: 2 } } },
      scenario: { steps: [{ when: { profile: "openrouter" }, repeat: true, error: { kind: "server_error", status: 503 } }, { when: { profile: "together" }, content: "Served by Together." }] },
    });
    const run = await runCliToEnd(["run", "--output", "stream-json", "say hi"], project);
    expect(run.code).toBe(0);
    const first = project.sim.requests.completions("openrouter");
    const second = project.sim.requests.completions("together");
    expect(first.map((request) => request.status)).toEqual([503, 503, 503]);
    expect(second.map((request) => request.status)).toEqual([200]);
    expect(first[0]!.model).toBe("moonshotai/kimi-k2-0905");
    expect(second[0]!.model).toBe("moonshotai/Kimi-K2-Instruct-0905");
    // Key fingerprints: neither gateway ever saw the other's key.
    expect(first.every((request) => request.keyOwner === "openrouter")).toBe(true);
    expect(second.every((request) => request.keyOwner === "together")).toBe(true);

    const events = jsonLines(run.stdout);
    const feed = events.filter((event) => event.type === "feed").map((event) => event.event.type);
    expect(feed.filter((type) => type === "request.retry")).toHaveLength(2);
    expect(feed).toEqual(expect.arrayContaining(["request.fallback", "breaker.open"]));
    expect(events).toContainEqual(expect.objectContaining({ type: "model_switch", to: { model: "kimi-k2-instruct-0905", gateway: "together" }, reason: "fallback" }));
    expect(events.at(-1)).toEqual(expect.objectContaining({ type: "done", reason: "stop" }));

    const records = readRecords(project.sessionFiles()[0]!);
    expect(records).toContainEqual(expect.objectContaining({ type: "model_switch", reason: "fallback", to: { model: "kimi-k2-instruct-0905", gateway: "together" } }));
    expect(records).toContainEqual(expect.objectContaining({ type: "message", message: expect.objectContaining({ role: "assistant", content: "Served by Together." }) }));

    // A later process reads the breaker from the cache directory.
    const gateways = runCli(["gateways", "--json"], { cwd: project.directory, env: project.environment });
    expect(gateways.code).toBe(0);
    const listed = JSON.parse(gateways.stdout) as Array<{ id: string; health: Array<{ endpoint: string; state: string; failures: number }> }>;
    expect(listed.find((gateway) => gateway.id === "openrouter")!.health).toEqual([expect.objectContaining({ endpoint: "openrouter", state: "open", failures: 3 })]);
    expect(listed.find((gateway) => gateway.id === "together")!.health).toEqual([]);
    const table = runCli(["gateways"], { cwd: project.directory, env: project.environment });
    expect(table.stdout).toMatch(/openrouter.*openrouter: open for \d+ s \(3 failures\)/);
  });

  it("stays on the gateway it fell back to once the first one answers again, within the run and with -c (its cache lives there)", async () => {
    project = await startSimProject({
      profiles: ["openrouter", "together"],
      // No breaker opens, so OpenRouter is usable again as soon as it answers: staying is the session's choice.
      config: { model: KIMI, gateway: ["openrouter", "together"], plugins: { fallback: { baseDelayMs: 1, maxBackoffMs: 2, breakerFailures: 10, breakerFile: "off" } } },
      files: { "notes.md": "# Notes\n" },
      scenario: {
        steps: [
          // OpenRouter fails three times, then would answer every request.
          { when: { profile: "openrouter" }, repeat: 3, error: { kind: "server_error", status: 503 } },
          { when: { profile: "together", lastRole: "user" }, repeat: true, toolCalls: [{ name: "read", arguments: '{"path":"notes.md"}' }] },
          { when: { lastRole: "tool" }, repeat: true, content: "Read it." },
          { when: { profile: "openrouter" }, repeat: true, content: "Served by OpenRouter." },
        ],
      },
    });
    const first = await runCliToEnd(["run", "--output", "stream-json", "read the notes"], project);
    expect(first.code).toBe(0);
    expect(jsonLines(first.stdout).filter((event) => event.type === "feed").map((event) => event.event.type)).not.toContain("breaker.open");
    // The read's result went back to Together although OpenRouter was answering again by then.
    expect(project.sim.requests.completions("openrouter").map((request) => request.status)).toEqual([503, 503, 503]);
    expect(project.sim.requests.completions("together").map((request) => request.status)).toEqual([200, 200]);

    const next = await runCliToEnd(["run", "-c", "read them again"], project);
    expect(next.code).toBe(0);
    expect(project.sim.requests.completions("openrouter")).toHaveLength(3);
    const together = project.sim.requests.completions("together");
    expect(together.map((request) => request.status)).toEqual([200, 200, 200, 200]);
    expect(together.every((request) => request.keyOwner === "together")).toBe(true);
    const files = project.sessionFiles();
    expect(files).toHaveLength(1);
    const switches = readRecords(files[0]!).filter((record) => record.type === "model_switch");
    expect(switches).toEqual([expect.objectContaining({ reason: "fallback", to: { model: "kimi-k2-instruct-0905", gateway: "together" } })]);
  });

  it("starts on the first listed gateway whose key is set, saying which it skipped and why", async () => {
    project = await startSimProject({
      profiles: ["openrouter", "together"],
      config: { model: KIMI, gateway: ["together", "openrouter"] },
      scenario: { steps: [{ content: "Hello from OpenRouter." }] },
    });
    const run = await runCliToEnd(["run", "say hi"], project, { TOGETHER_API_KEY: "" });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("skipped together: TOGETHER_API_KEY is not set");
    expect(project.sim.requests.completions("together")).toHaveLength(0);
    expect(project.sim.requests.completions("openrouter").map((request) => request.keyOwner)).toEqual(["openrouter"]);
  });

  it("on Ctrl-C during a backoff sends nothing more and exits 130", async () => {
    project = await startSimProject({
      profiles: ["openrouter"],
      config: { model: KIMI },
      scenario: { steps: [{ error: { kind: "rate_limit", retryAfterMs: 20_000 } }, { content: "never sent" }] },
    });
    const cli = startCli(["run", "say hi"], project);
    await cli.waitFor("retrying in 20000 ms");
    const interruptedAt = Date.now();
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(130);
    expect(Date.now() - interruptedAt).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(project.sim.requests.completions()).toHaveLength(1);
    const records = readRecords(project.sessionFiles()[0]!);
    expect(records).toContainEqual(expect.objectContaining({ type: "interrupted" }));
    expect(records.filter((record) => record.type === "feed").map((record) => record.event.type)).toContain("request.retry");
  });
});
