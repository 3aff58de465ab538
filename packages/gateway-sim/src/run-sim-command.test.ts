import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { describe, expect, test } from "vitest";
import { parseSimArgs, runSimCommand } from "./run-sim-command.js";
import type { GatewaySim } from "./start-gateway-sim.js";

describe("parseSimArgs", () => {
  test("reads profiles, scenario, port, host and seed", () => {
    expect(parseSimArgs(["--profile", "groq,fireworks", "--profile=zai", "--scenario", "s.json", "--port", "8080", "--seed=7"])).toEqual({
      profile: ["groq", "fireworks", "zai"],
      scenarioPath: "s.json",
      port: 8080,
      host: undefined,
      seed: 7,
    });
    expect(parseSimArgs([])).toEqual({ profile: undefined, scenarioPath: undefined, port: undefined, host: undefined, seed: undefined });
  });

  test("names the bad argument", () => {
    expect(() => parseSimArgs(["--profile", "nope"])).toThrow('bridle sim: unknown profile "nope"');
    expect(() => parseSimArgs(["--port", "-1"])).toThrow("bridle sim: --port must be an integer ≥ 0");
    expect(() => parseSimArgs(["--scenario"])).toThrow("bridle sim: --scenario needs a value");
    expect(() => parseSimArgs(["--verbose"])).toThrow('bridle sim: unknown argument "--verbose"');
  });
});

test("runSimCommand serves a scenario file, prints URLs and keys, and stops on abort", async () => {
  const directory = await mkdtemp(join(tmpdir(), "gateway-sim-cli-"));
  try {
    const scenarioPath = join(directory, "scenario.json");
    await writeFile(scenarioPath, JSON.stringify({ steps: [{ content: "scripted hello", repeat: true }] }));
    const lines: string[] = [];
    const abort = new AbortController();
    let sim: GatewaySim | undefined;
    const running = runSimCommand({
      ...parseSimArgs(["--profile", "groq", "--scenario", scenarioPath]),
      print: (line) => lines.push(line),
      signal: abort.signal,
      onReady: (ready) => {
        sim = ready;
      },
    });
    while (sim === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(lines[0]).toBe(`gateway-sim listening on ${sim.url}`);
    expect(lines.some((line) => line.includes(`${sim?.url}/groq/v1`) && line.includes("key: sim-groq-key"))).toBe(true);
    // A single profile is also reachable at /v1, for clients configured with just the host.
    const client = new OpenAI({ baseURL: `${sim.url}/v1`, apiKey: "sim-groq-key", maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: "openai/gpt-oss-120b", messages: [{ role: "user", content: "hi" }] });
    expect(completion.choices[0]?.message.content).toBe("scripted hello");
    abort.abort();
    await running;
    expect(lines.at(-1)).toBe("gateway-sim stopped.");
    await expect(fetch(`${sim.url}/v1/models`)).rejects.toThrow();
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});

test("runSimCommand reports an invalid scenario file before listening", async () => {
  const directory = await mkdtemp(join(tmpdir(), "gateway-sim-cli-"));
  try {
    const scenarioPath = join(directory, "bad.json");
    await writeFile(scenarioPath, JSON.stringify({ steps: [{ toolCalls: [{}] }] }));
    await expect(runSimCommand({ scenarioPath, print: () => undefined })).rejects.toThrow(`${scenarioPath}: invalid scenario: steps.0.toolCalls.0.name`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
