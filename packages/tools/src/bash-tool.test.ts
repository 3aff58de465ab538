import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBashTool } from "./bash-tool.js";
import { createTempWorkspace, resultText, type TempWorkspace } from "./testing/temp-workspace.js";

let workspace: TempWorkspace;
beforeEach(() => {
  workspace = createTempWorkspace();
});
afterEach(() => workspace.remove());

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie nobody reaped yet has stopped running.
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

async function waitUntilDead(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return !isAlive(pid);
}

describe("bash", () => {
  const bash = createBashTool({ killGraceMs: 200 });

  it("runs in the workspace and reports output and exit code", async () => {
    const result = await bash.run({ command: "pwd; echo hello" }, workspace.context());
    expect(result.isError).toBe(false);
    expect(resultText(result)).toBe(`${workspace.root}\nhello\n\n[exit code 0]`);
  });

  it("interleaves stderr with stdout and reports a non-zero exit without failing the call", async () => {
    const result = await bash.run(
      { command: "echo out1; sleep 0.05; echo err1 >&2; sleep 0.05; echo out2; exit 3", description: "mixed output" },
      workspace.context(),
    );
    expect(resultText(result)).toBe("out1\nerr1\nout2\n\n[exit code 3]");
    expect(result.isError).toBe(false);
    expect(result.display?.summary).toBe("mixed output (exit 3)");
  });

  it("kills the whole process group on timeout, including children that ignore SIGTERM", async () => {
    const pidFile = path.join(workspace.root, "child.pid");
    const started = Date.now();
    const result = await bash.run(
      { command: `(trap '' TERM; sleep 30) & echo $! > ${pidFile}; sleep 30`, timeout: 300 },
      workspace.context(),
    );
    const elapsed = Date.now() - started;
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("timed out after 0.3 s; the command and its child processes were killed");
    expect(elapsed).toBeLessThan(10_000);
    const childPid = Number(fs.readFileSync(pidFile, "utf8").trim());
    expect(await waitUntilDead(childPid, 2000)).toBe(true);
  });

  it("stops the process group when the call is aborted", async () => {
    const controller = new AbortController();
    const running = bash.run({ command: "sleep 30" }, workspace.context({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const result = await running;
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("aborted");
  });

  it("does not hang on a background process that keeps the output open", async () => {
    const result = await bash.run({ command: "sleep 30 & echo started" }, workspace.context());
    expect(resultText(result)).toContain("started");
    expect(resultText(result)).toContain("background processes still writing to the output were stopped");
  });

  it("caps huge output, keeping head and tail, and saves the full output to a file", async () => {
    const result = await bash.run(
      { command: "for i in $(seq 1 20000); do echo \"line $i of output\"; done" },
      workspace.context({ callId: "call/huge 1" }),
    );
    const text = resultText(result);
    expect(text.length).toBeLessThan(31_000);
    expect(text.startsWith("line 1 of output\n")).toBe(true);
    expect(text).toContain("line 20000 of output\n\n[exit code 0]");
    const saved = path.join(workspace.sessionDirectory, "tool-output", "call_huge_1.log");
    expect(text).toContain(`full output saved to ${saved}`);
    const full = fs.readFileSync(saved, "utf8").split("\n");
    expect(full.length).toBe(20001);
    expect(full[9999]).toBe("line 10000 of output");
  });

  it("strips ANSI escapes and control bytes and keeps the output valid for JSON", async () => {
    const result = await bash.run(
      { command: "printf '\\033[31mred\\033[0m\\n'; printf 'a\\000b\\n'; printf '10%%\\r50%%\\r100%%\\n'" },
      workspace.context(),
    );
    expect(resultText(result)).toBe("red\nab\n100%\n\n[exit code 0]");
  });

  it("lowers a timeout above the maximum and says so", async () => {
    const tool = createBashTool({ maxTimeoutMs: 1000 });
    const result = await tool.run({ command: "echo ok", timeout: 5000 }, workspace.context());
    expect(resultText(result)).toBe("ok\n\n[timeout lowered to the 1 s maximum; exit code 0]");
  });

  it("closes stdin so commands waiting for input end at once", async () => {
    const result = await bash.run({ command: "cat; echo done" }, workspace.context());
    expect(resultText(result)).toBe("done\n\n[exit code 0]");
  });
});
