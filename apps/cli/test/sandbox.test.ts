import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import path from "node:path";
import { detectSandbox } from "@bridle/tools";
import { afterEach, describe, expect, it } from "vitest";
import { binPath } from "./run-cli.js";
import { disposeSimProject, runCliToEnd, type SimProject, startSimProject } from "./sim-project.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

const bubblewrap = detectSandbox();
/**
 * Runs a command where the kernel refuses bubblewrap its namespaces, as in a container without
 * user namespaces: a user namespace that allows no further ones, with every capability dropped.
 */
const withoutNamespaces = (command: string[]) => [
  "unshare",
  ["--user", "--map-root-user", "sh", "-c", 'echo 0 > /proc/sys/user/max_user_namespaces && exec setpriv --bounding-set -all --inh-caps -all -- "$@"', "sh", ...command],
] as const;
const canRefuseNamespaces = bubblewrap.available && spawnSync(...withoutNamespaces(["true"])).status === 0;

describe.runIf(bubblewrap.available)("bash in the sandbox (bubblewrap installed)", () => {
  it("is on by default: the model's command writes in the workspace, not outside it, and opens no socket", async () => {
    const probe = `/var/tmp/bridle-cli-sandbox-${process.pid}`;
    let connections = 0;
    const listener = createServer((socket) => {
      connections += 1;
      socket.end();
    });
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    const port = (listener.address() as AddressInfo).port;
    project = await startSimProject({
      scenario: {
        steps: [
          { when: { lastRole: "user" }, toolCalls: [{ name: "bash", arguments: JSON.stringify({ command: `echo in > made.txt; touch ${probe}; (exec 3<>/dev/tcp/127.0.0.1/${port}) && echo connected` }) }] },
          { when: { lastRole: "tool" }, content: "done" },
        ],
      },
    });
    const result = await runCliToEnd(["run", "--yes", "try"], project);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(project.directory, "made.txt"), "utf8")).toBe("in\n");
    expect(existsSync(probe)).toBe(false);
    const tool = (project.sim.requests.completions().at(-1)!.body as { messages: Array<{ role: string; content: string }> }).messages.find((message) => message.role === "tool")!.content;
    expect(tool).toMatch(/Read-only file system/);
    expect(tool).not.toContain("connected");
    expect(connections).toBe(0);
    listener.close();
  });
});

describe.runIf(canRefuseNamespaces)("without user namespaces", () => {
  it("reports the sandbox unavailable with the reason, in doctor and when a run starts", async () => {
    project = await startSimProject({ scenario: { steps: [{ content: "hello" }] } });
    const [file, args] = withoutNamespaces([process.execPath, binPath, "doctor", "--offline"]);
    const doctor = spawnSync(file, args, { cwd: project.directory, env: project.environment, encoding: "utf8" });
    expect(doctor.stdout).toMatch(/! sandbox: unavailable, bash runs unsandboxed: bubblewrap cannot create its namespaces here \(bwrap: .*\)/);
    // Not spawnSync: the simulator answering the run lives in this process.
    const [runFile, runArgs] = withoutNamespaces([process.execPath, binPath, "run", "hi"]);
    const child = spawn(runFile, runArgs, { cwd: project.directory, env: project.environment, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(stderr).toMatch(/bash runs without a sandbox: bubblewrap cannot create its namespaces here/);
  });
});
