import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ConfigLayer, FeedEvent, Tool, ToolRunContext, ToolSourceContext } from "@bridle/core";
import { afterEach, describe, expect, it } from "vitest";
import { McpToolSource } from "./mcp-tool-source.js";
import { everythingServer, filesystemServer, type HttpServerProcess, processesWith, startHttpServer } from "./testing/index.js";

const options = { startTimeoutMs: 20_000, callTimeoutMs: 20_000, maxOutputChars: 30_000 };
let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function workspace(): string {
  const directory = realpathSync(mkdtempSync(path.join(tmpdir(), "bridle-mcp-")));
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

function context(mcp: Record<string, unknown>, extra: Partial<ToolSourceContext> & { layers?: ConfigLayer[] } = {}): ToolSourceContext {
  return {
    layers: extra.layers ?? [{ source: "/home/user/.config/bridle/config.json", kind: "user", value: { mcp } }],
    isTrusted: extra.isTrusted ?? ((layer) => layer.kind !== "project"),
    environment: extra.environment ?? { PATH: process.env.PATH ?? "" },
    workspace: extra.workspace ?? workspace(),
  };
}

function startSource() {
  const events: FeedEvent[] = [];
  const source = new McpToolSource(options, (event) => events.push(event));
  cleanups.push(() => source.close());
  return { source, events };
}

function runContext(directory: string, callId = "call_1"): ToolRunContext {
  return { workspace: directory, signal: new AbortController().signal, callId, sessionDirectory: path.join(directory, ".session"), state: new Map() };
}

function tool(tools: readonly Tool[], name: string): Tool {
  const found = tools.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no tool ${name} among ${tools.map((candidate) => candidate.name).join(", ")}`);
  return found;
}

/** A marker on the command line finds this test's processes among those of tests running beside it. */
const marker = `--bridle-test=${process.pid}-${Date.now()}`;
const everythingStdio = () => ({ command: process.execPath, args: [everythingServer(), "stdio", marker] });

describe("McpToolSource against real MCP servers", () => {
  it("lists server-everything's tools over stdio, named <server>__<tool>, sorted, and calls them", async () => {
    const { source, events } = startSource();
    const ctx = context({ everything: everythingStdio() });
    expect(source.configured(ctx)).toBe(true);
    const tools = await source.start(ctx);
    const names = tools.map((candidate) => candidate.name);
    expect(names).toContain("everything__echo");
    expect(names).toContain("everything__get-sum");
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    const sum = tool(tools, "everything__get-sum");
    expect(sum.jsonSchema).toMatchObject({ type: "object", properties: { a: { type: "number" }, b: { type: "number" } } });
    expect(sum.jsonSchema).not.toHaveProperty("$schema");
    expect(sum).toMatchObject({ kind: "execute", permissionGroup: "mcp", origin: "MCP server everything" });

    const directory = ctx.workspace;
    const echoed = await tool(tools, "everything__echo").run({ message: "hello over stdio" }, runContext(directory));
    expect(echoed.isError).toBeUndefined();
    expect(echoed.content).toBe("Echo: hello over stdio");
    const added = await sum.run({ a: 2, b: 3 }, runContext(directory));
    expect(added.content).toContain("is 5");

    const image = await tool(tools, "everything__get-tiny-image").run({}, runContext(directory));
    expect(Array.isArray(image.content)).toBe(true);
    expect((image.content as Array<{ type: string; url?: string }>).find((part) => part.type === "image")?.url).toMatch(/^data:image\/png;base64,/);

    const resource = await tool(tools, "everything__get-resource-reference").run({ resourceType: "Text", resourceId: 1 }, runContext(directory));
    expect(resource.content).toMatch(/Resource demo:\/\/resource\/static\/document\/|Resource .*text/);

    const rejected = await sum.run({ a: "two", b: 3 }, runContext(directory));
    expect(rejected.isError).toBe(true);
    expect(rejected.content).toMatch(/expected number/);

    expect(events).toContainEqual(expect.objectContaining({ type: "mcp.ready", message: expect.stringMatching(/everything: \d+ tools over stdio/) }));
    const [entry] = source.entries();
    expect(entry).toMatchObject({ name: "everything", transport: "stdio", state: "ready" });
    expect(entry!.calls!["everything__get-sum"]).toEqual({ calls: 2, errors: 1, repaired: 0 });
  });

  it("reads real files through server-filesystem, confined to the folder it was given", async () => {
    const directory = workspace();
    writeFileSync(path.join(directory, "notes.txt"), "filesystem server text\n");
    mkdirSync(path.join(directory, "sub"));
    const { source } = startSource();
    const tools = await source.start(context({ files: { command: process.execPath, args: [filesystemServer(), directory] } }, { workspace: directory }));
    const read = await tool(tools, "files__read_text_file").run({ path: path.join(directory, "notes.txt") }, runContext(directory));
    expect(read.content).toContain("filesystem server text");
    const listing = await tool(tools, "files__list_directory").run({ path: directory }, runContext(directory));
    expect(listing.content).toMatch(/\[DIR\] sub/);
    const outside = await tool(tools, "files__read_text_file").run({ path: "/etc/hostname" }, runContext(directory));
    expect(outside.isError).toBe(true);
    expect(outside.content).toMatch(/denied|outside|not allowed/i);
  });

  it("connects over streamable HTTP, and falls back to SSE for a server that only has that", async () => {
    const servers: HttpServerProcess[] = await Promise.all([startHttpServer("streamableHttp"), startHttpServer("sse")]);
    for (const server of servers) cleanups.push(() => server.close());
    const { source } = startSource();
    const tools = await source.start(context({ streaming: { url: servers[0]!.url }, legacy: { url: servers[1]!.url } }));
    const entries = Object.fromEntries(source.entries().map((entry) => [entry.name, entry]));
    expect(entries["streaming"]).toMatchObject({ state: "ready", transport: "http" });
    expect(entries["legacy"]).toMatchObject({ state: "ready", transport: "sse" });
    const directory = workspace();
    expect((await tool(tools, "streaming__echo").run({ message: "over http" }, runContext(directory))).content).toBe("Echo: over http");
    expect((await tool(tools, "legacy__echo").run({ message: "over sse" }, runContext(directory))).content).toBe("Echo: over sse");
  });

  it("reports a server that dies mid-session; its tools answer with an error and the others keep working", async () => {
    const { source, events } = startSource();
    const ctx = context({ doomed: everythingStdio(), steady: everythingStdio() });
    const tools = await source.start(ctx);
    const pids = serverProcesses();
    expect(pids).toHaveLength(2);
    process.kill(Math.max(...pids), "SIGKILL");
    await until(() => source.entries().some((entry) => entry.state === "failed"));
    const dead = source.entries().find((entry) => entry.state === "failed")!;
    const alive = source.entries().find((entry) => entry.state === "ready")!;
    expect(dead.error).toMatch(/stopped: ended by SIGKILL/);
    expect(events).toContainEqual(expect.objectContaining({ type: "mcp.exited", level: "warn" }));
    const failed = await tool(tools, `${dead.name}__echo`).run({ message: "anyone?" }, runContext(ctx.workspace));
    expect(failed).toMatchObject({ isError: true, content: expect.stringMatching(new RegExp(`MCP server ${dead.name} is not running`)) });
    expect((await tool(tools, `${alive.name}__echo`).run({ message: "still here" }, runContext(ctx.workspace))).content).toBe("Echo: still here");
  });

  it("reports a server that cannot start, or does not answer in time, and starts the rest", async () => {
    const { source, events } = startSource();
    const silent = { command: process.execPath, args: ["-e", "setInterval(() => {}, 1000)"], startTimeoutMs: 500 };
    const tools = await source.start(context({ missing: { command: "/nonexistent/mcp-server" }, silent, good: everythingStdio() }));
    expect(tools.some((candidate) => candidate.name === "good__echo")).toBe(true);
    const entries = Object.fromEntries(source.entries().map((entry) => [entry.name, entry]));
    expect(entries["missing"]).toMatchObject({ state: "failed", error: expect.stringMatching(/ENOENT/) });
    expect(entries["silent"]).toMatchObject({ state: "failed", error: "did not start within 500 ms" });
    expect(events.filter((event) => event.type === "mcp.failed")).toHaveLength(2);
  });

  it("ends a stdio server's whole process group on close", async () => {
    const { source } = startSource();
    // A shell that starts the server as its child: two processes in one group.
    const shell = { command: "/bin/sh", args: ["-c", `"${process.execPath}" "${everythingServer()}" stdio ${marker}-nested; echo done`] };
    await source.start(context({ nested: shell }));
    // The shell and the server it started.
    expect(serverProcesses(`${marker}-nested`)).toHaveLength(2);
    await source.close();
    await until(() => serverProcesses(`${marker}-nested`).length === 0);
    expect(source.entries()[0]!.state).toBe("closed");
  });
});

describe("McpToolSource config rules", () => {
  it("does not start a server a project config defines or changes until the folder is trusted", async () => {
    const layers: ConfigLayer[] = [
      { source: "/home/user/.config/bridle/config.json", kind: "user", value: { mcp: { mine: { command: "true" } } } },
      { source: "/repo/bridle.config.json", kind: "project", value: { mcp: { theirs: { command: "curl" }, mine: { args: ["--evil"] } } } },
    ];
    const { source, events } = startSource();
    const ctx = context({}, { layers });
    expect(source.configured(ctx)).toBe(false);
    expect(await source.start(ctx)).toEqual([]);
    expect(source.entries()).toEqual([
      expect.objectContaining({ name: "mine", state: "untrusted", error: "not started: set in /repo/bridle.config.json, a folder that is not trusted" }),
      expect.objectContaining({ name: "theirs", state: "untrusted" }),
    ]);
    expect(events.filter((event) => event.type === "mcp.untrusted")).toHaveLength(2);
  });

  it("fails a server whose ${NAME} reference is unset, naming the key, without starting it", async () => {
    const { source } = startSource();
    await source.start(context({ api: { url: "http://127.0.0.1:9/mcp", headers: { Authorization: "Bearer ${MISSING_TOKEN}" } } }));
    expect(source.entries()[0]).toMatchObject({ state: "failed", error: "mcp.api.headers.Authorization needs ${MISSING_TOKEN}, which is not set" });
  });

  it("needs no start and loads nothing when every server is off", () => {
    const { source } = startSource();
    expect(source.configured(context({ off: { command: "x", enabled: false } }))).toBe(false);
    expect(source.entries()[0]).toMatchObject({ name: "off", state: "disabled" });
  });
});

/** Pids of this test's stdio servers (or of those whose command line has `text`). */
const serverProcesses = (text = marker) => processesWith(text);

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
