import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { everythingServer, filesystemServer, type HttpServerProcess, processesWith, startHttpServer } from "@bridle/plugin-mcp/testing";
import { afterEach, describe, expect, it } from "vitest";
import { writeFile, writeUserConfig as writeUserConfigFile } from "./run-cli.js";
import { disposeSimProject, readRecords, runCliToEnd, type SimProject, startCli, startSimProject, until } from "./sim-project.js";

let project: SimProject | undefined;
let http: HttpServerProcess | undefined;
afterEach(async () => {
  await http?.close();
  http = undefined;
  project = await disposeSimProject(project);
});

/** A marker on the servers' command lines finds this file's processes among those of other tests. */
const marker = `--bridle-cli-test=${process.pid}`;
const everything = () => ({ command: process.execPath, args: [everythingServer(), "stdio", marker] });

/** Adds to the user's own config (trusted), where the CLI under test reads it; the simulator's gateways stay. */
function writeUserConfig(target: SimProject, config: Record<string, unknown>): void {
  const file = path.join(target.configHome, "bridle", "config.json");
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  writeUserConfigFile(target.configHome, { ...existing, ...config });
}

const serverPids = () => processesWith(marker);

type Body = { tools?: Array<{ function: { name: string } }>; messages: Array<{ role: string; content: unknown; tool_calls?: Array<{ function: { name: string; arguments: string } }> }> };
const bodyOf = (request: { body: unknown }) => request.body as Body;

describe("MCP servers in a session (bridle as a process, against the simulator)", () => {
  it("offers stdio and streamable HTTP tools, repairs a malformed call in one round trip, and keeps the prefix byte-identical", async () => {
    http = await startHttpServer("streamableHttp");
    project = await startSimProject({
      scenario: {
        steps: [
          // Numbers sent as strings: repaired against the server's schema before the call.
          { when: { lastRole: "user", lastUserContains: "add" }, toolCalls: [{ name: "everything__get-sum", arguments: '{"a": "2", "b": "3"}' }] },
          { when: { lastRole: "tool", anyMessageContains: "is 5" , maxMessages: 4 }, toolCalls: [{ name: "web__echo", arguments: '{"message":"over http"}' }] },
          { when: { lastRole: "tool", anyMessageContains: "Echo: over http", maxMessages: 6 }, toolCalls: [{ name: "everything__get-env", arguments: "{}" }] },
          { when: { lastRole: "tool" }, content: "2 + 3 is 5, and the web server echoed." },
          { when: { lastUserContains: "again" }, content: "Still here." },
        ],
      },
      // A strict gateway: tool schemas the model sees are closed, MCP ones as the built-in ones.
      config: { plugins: { "tool-repair": { schemaProfiles: { groq: "strict" } } } },
    });
    writeUserConfig(project, {
      mcp: { everything: { ...everything(), env: { PROBE_TOKEN: "${PROBE_TOKEN}" } }, web: { url: http.url } },
      permissions: { allow: ["mcp(everything__*)", "mcp(web__echo)"] },
    });
    const secret = "probe-secret-7f3a9c2e1b";
    const first = await runCliToEnd(["run", "add 2 and 3 with the tool"], project, { PROBE_TOKEN: secret });
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("2 + 3 is 5");

    const requests = project.sim.requests.completions();
    // One request per step: the repaired call ran at once, no extra round trip to fix it.
    expect(requests).toHaveLength(4);
    const names = bodyOf(requests[0]!).tools!.map((tool) => tool.function.name);
    expect(names).toEqual(expect.arrayContaining(["read", "bash", "everything__echo", "everything__get-sum", "web__echo", "web__get-sum"]));
    for (const name of names) expect(name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    const mcpNames = names.filter((name) => name.includes("__"));
    expect(mcpNames).toEqual([...mcpNames].sort());
    const offered = (name: string) => (bodyOf(requests[0]!).tools as Array<{ function: { name: string; parameters: Record<string, unknown> } }>).find((tool) => tool.function.name === name)!.function.parameters;
    expect(offered("everything__get-sum")).toMatchObject({ type: "object", additionalProperties: false, required: ["a", "b"] });
    expect(offered("read")).toMatchObject({ additionalProperties: false });

    const second = bodyOf(requests[1]!).messages;
    const call = second.find((message) => message.role === "assistant")!.tool_calls![0]!;
    expect(JSON.parse(call.function.arguments)).toEqual({ a: 2, b: 3 });
    expect(second.at(-1)).toMatchObject({ role: "tool", content: "The sum of 2 and 3 is 5." });
    expect(bodyOf(requests[2]!).messages.at(-1)).toMatchObject({ role: "tool", content: "Echo: over http" });
    const env = bodyOf(requests[3]!).messages.at(-1)!;
    expect(env.content).toContain("PROBE_TOKEN");
    expect(env.content).not.toContain(secret);

    // The prefix: system prompt and tools byte for byte the same, each request extending the last.
    const serialized = requests.map((request) => ({ tools: JSON.stringify(bodyOf(request).tools), messages: bodyOf(request).messages.map((message) => JSON.stringify(message)) }));
    for (let index = 1; index < serialized.length; index++) {
      expect(serialized[index]!.tools).toBe(serialized[0]!.tools);
      expect(serialized[index]!.messages.slice(0, serialized[index - 1]!.messages.length)).toEqual(serialized[index - 1]!.messages);
    }

    // Next turn, new process, servers started again: the same tools, the same bytes.
    const next = await runCliToEnd(["run", "-c", "again"], project, { PROBE_TOKEN: secret });
    expect(next.code).toBe(0);
    const resumed = project.sim.requests.completions().at(-1)!;
    expect(JSON.stringify(bodyOf(resumed).tools)).toBe(serialized[0]!.tools);
    expect(bodyOf(resumed).messages.slice(0, serialized[3]!.messages.length).map((message) => JSON.stringify(message))).toEqual(serialized[3]!.messages);

    for (const file of project.sessionFiles()) expect(readFileSync(file, "utf8")).not.toContain(secret);
    const records = readRecords(project.sessionFiles()[0]!);
    expect(records).toContainEqual(expect.objectContaining({ type: "feed", event: expect.objectContaining({ type: "mcp.ready", message: expect.stringMatching(/MCP server web: \d+ tools over http/) }) }));
    expect(serverPids()).toEqual([]);
  });

  it("reports a server that dies mid-session and carries on; its tools answer with an error", async () => {
    project = await startSimProject({
      scenario: {
        steps: [
          { when: { lastRole: "user" }, toolCalls: [{ name: "everything__echo", arguments: '{"message":"one"}' }] },
          { when: { lastRole: "tool", maxMessages: 4 }, toolCalls: [{ name: "everything__echo", arguments: '{"message":"two"}' }], stream: { firstByteDelayMs: 1500 } },
          { when: { lastRole: "tool" }, content: "The server went away; I carried on without it." },
        ],
      },
    });
    writeUserConfig(project, { mcp: { everything: everything() }, permissions: { allow: ["mcp(everything__echo)"] } });
    const cli = startCli(["run", "echo twice"], project);
    await until(() => project!.sim.requests.completions().length === 2, 15_000, "the second request");
    for (const pid of serverPids()) process.kill(pid, "SIGKILL");
    expect(await cli.exited).toBe(0);
    expect(cli.stdout()).toContain("I carried on without it");
    const requests = project.sim.requests.completions();
    expect(requests).toHaveLength(3);
    expect(bodyOf(requests[1]!).messages.at(-1)).toMatchObject({ role: "tool", content: "Echo: one" });
    expect(String(bodyOf(requests[2]!).messages.at(-1)!.content)).toMatch(/MCP server everything is not running \(ended by SIGKILL/);
    const records = readRecords(project.sessionFiles()[0]!);
    expect(records).toContainEqual(expect.objectContaining({ type: "feed", event: expect.objectContaining({ type: "mcp.exited", level: "warn" }) }));
  });

  it("asks for an MCP tool like a command: without an allow rule a headless run refuses it and names the rule", async () => {
    project = await startSimProject({
      scenario: {
        steps: [
          { when: { lastRole: "user" }, toolCalls: [{ name: "everything__echo", arguments: '{"message":"hi"}' }] },
          { when: { lastRole: "tool" }, content: "Refused, as expected." },
        ],
      },
    });
    writeUserConfig(project, { mcp: { everything: everything() } });
    const result = await runCliToEnd(["run", "echo"], project);
    expect(result.code).toBe(0);
    const refusal = String(bodyOf(project.sim.requests.completions()[1]!).messages.at(-1)!.content);
    expect(refusal).toMatch(/Permission denied for everything__echo/);
    expect(refusal).toContain('"mcp(everything__echo)"');
  });

  it("ends the stdio servers' process groups when bridle gets SIGTERM", async () => {
    project = await startSimProject({ scenario: { steps: [{ content: "slow", stream: { firstByteDelayMs: 20_000 } }] } });
    // Through a shell, so the group has more than one process.
    const nested = { command: "/bin/sh", args: ["-c", `"${process.execPath}" "${everythingServer()}" stdio ${marker}; true`] };
    writeUserConfig(project, { mcp: { nested, files: { command: process.execPath, args: [filesystemServer(), project.directory, marker] } } });
    const cli = startCli(["run", "wait"], project);
    // The first request waits for the servers, so they are up once it arrives.
    await until(() => project!.sim.requests.completions().length === 1, 15_000, "the first request");
    expect(serverPids().length).toBeGreaterThanOrEqual(3);
    cli.child.kill("SIGTERM");
    await cli.exited;
    await until(() => serverPids().length === 0, 5_000, "the servers to end");
  });

  it("starts a repository's servers once its folder is trusted", async () => {
    project = await startSimProject({
      config: { mcp: { repo: { ...everything(), args: [...everything().args, "repo"] } } },
    });
    const trusted = await runCliToEnd(["mcp", "list", "--json"], project);
    expect(trusted.code).toBe(0);
    expect((JSON.parse(trusted.stdout) as { servers: Array<{ name: string; state: string }> }).servers).toEqual([expect.objectContaining({ name: "repo", state: "ready" })]);
    expect(serverPids()).toEqual([]);
  });

  it("bridle mcp list shows the user's servers and leaves a repository's servers unstarted", async () => {
    project = await startSimProject({
      trusted: false,
      config: { mcp: { repo: { command: "/bin/sh", args: ["-c", "touch started-by-repo"] } } },
    });
    writeUserConfig(project, { mcp: { everything: everything(), off: { command: "/bin/false", enabled: false } } });
    const result = await runCliToEnd(["mcp", "list"], project);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/mcp · 1 of 3 servers ready/);
    expect(result.stdout).toMatch(/everything\s+stdio\s+ready\s+\d+ tools/);
    expect(result.stdout).toMatch(/off\s+stdio\s+disabled/);
    expect(result.stdout).toMatch(/repo\s+stdio\s+untrusted\s+0 tools\s+not started: set in .*bridle\.config\.json, a folder that is not trusted/);
    expect(result.stdout).toContain("everything__get-sum");
    expect(existsSync(path.join(project.directory, "started-by-repo"))).toBe(false);
    const json = await runCliToEnd(["mcp", "list", "--json"], project);
    const servers = (JSON.parse(json.stdout) as { servers: Array<{ name: string; state: string }> }).servers;
    expect(servers.map((server) => [server.name, server.state])).toEqual([["everything", "ready"], ["off", "disabled"], ["repo", "untrusted"]]);
    expect(serverPids()).toEqual([]);
  });
});
