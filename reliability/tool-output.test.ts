import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { detectSandbox } from "@bridle/tools";
import { afterEach, describe, expect, it } from "vitest";
import { wireToolResult } from "./support/wire-tool-results.js";
import { disposeSimProject, readRecords, runningInGroup, type SimProject, startCli, startSimProject, until } from "./support/sim-runtime.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

/** Running processes (zombies aside) whose command line starts with `prefix`, as `ps` lists them. */
function processesStartingWith(prefix: string): string[] {
  const listing = spawnSync("ps", ["-eo", "stat=,args="], { encoding: "utf8" }).stdout;
  return listing.split("\n").filter((line) => {
    const [stat, ...args] = line.trim().split(/\s+/);
    return stat !== undefined && !stat.startsWith("Z") && args.join(" ").startsWith(prefix);
  });
}

type WireMessage = { role: string; content: unknown; tool_call_id?: string };

/** Every string inside a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("tool output and tool processes", () => {
  describe("33. a command that forks background children and outlives its timeout: the whole process group is killed (TERM, then KILL after the grace), no orphans, the result says timed out", () => {
    // In the sandbox (bubblewrap) and without it: there the group is the sandbox and the command.
    const sandboxes = detectSandbox().available ? (["auto", "off"] as const) : (["off"] as const);
    it.each(sandboxes)("33a. the CLI runs it (sandbox %s): ps shows none of its processes right after the result, while Bridle still runs; TERM came first; the model is told it timed out", { timeout: 60_000 }, async (sandbox) => {
      // The shell records the SIGTERM it gets (taking a moment, as a cleanup does) and keeps
      // running, and one child ignores SIGTERM: only the SIGKILL after the grace ends them.
      // Sleeps no other test (or an earlier failed run) has, so ps finds exactly these.
      const marker = `sleep ${10_000 + Math.floor(Math.random() * 80_000)}`;
      const command = `trap 'sleep 0.2; echo term >> term-seen.txt' TERM; (trap '' TERM; exec ${marker}1) & ${marker}2 & echo started > started.txt; while :; do sleep 0.1; done`;
      project = await startSimProject({
        config: { permissions: { sandbox } },
        scenario: {
          steps: [
            { when: { lastRole: "user" }, toolCalls: [{ id: "call_slow", name: "bash", arguments: JSON.stringify({ command, timeout: 1500 }) }] },
            // Answer slowly, so Bridle is still running when ps looks.
            { when: { lastRole: "tool" }, content: "It timed out.", stream: { firstByteDelayMs: 3000 } },
          ],
        },
      });
      const cli = startCli(["run", "--yes", "run the slow build"], project);
      await until(() => fs.existsSync(path.join(project!.directory, "started.txt")), 15_000, "the command to start");
      const [session] = project.sessionFiles();
      const toolProcess = () => readRecords(session!).find((record) => record.type === "tool_process");
      await until(() => toolProcess() !== undefined, 15_000, "the process group record");
      const group = toolProcess()!.pid as number;
      expect(runningInGroup(group).length).toBeGreaterThanOrEqual(3);
      expect(processesStartingWith(marker)).toHaveLength(2);
      const toolResult = () => readRecords(session!).find((record) => record.type === "message" && record.message.role === "tool" && record.message.toolCallId === "call_slow");
      await until(() => toolResult() !== undefined, 15_000, "the tool result");
      // Bridle has not exited (its exit would kill what is left): the timeout itself ended them.
      expect(cli.child.exitCode).toBeNull();
      expect(runningInGroup(group)).toEqual([]);
      expect(processesStartingWith(marker)).toEqual([]);
      expect(fs.readFileSync(path.join(project.directory, "term-seen.txt"), "utf8")).toBe("term\n");
      expect(JSON.stringify(toolResult()!.message.content)).toMatch(/timed out after 1\.5 s; the command and its child processes were killed/);
      expect(await cli.exited).toBe(0);
      expect(project.sim.requests.completions()).toHaveLength(2);
      expect(wireToolResult(project.sim.requests.completions().at(-1)!.body, "started.txt")).toContain("timed out after 1.5 s");
    });
  });

  describe("37. 10 MB of stdout, binary with NUL and ANSI, lone surrogates: the model sees at most 30k characters with a marker and the path to the full output, in valid JSON", () => {
    it("37a. a CLI session: the big output is cut with the saved file named, the binary output is cleaned, a lone surrogate never reaches the wire", { timeout: 90_000 }, async () => {
      project = await startSimProject({
        scenario: {
          steps: [
            {
              when: { lastRole: "user" },
              toolCalls: [
                { id: "call_big", name: "bash", arguments: JSON.stringify({ command: "yes 'a line of build output' | head -c 10000000" }) },
                { id: "call_binary", name: "bash", arguments: JSON.stringify({ command: String.raw`printf '\033[31mred\033[0m nul:\000: cesu:\355\240\200: bad:\377\376:\n'; head -c 4096 /dev/urandom` }) },
              ],
            },
            // The model's own text carries a lone surrogate (a JSON "\ud800" escape on the wire), and calls one more tool.
            { when: { lastRole: "tool" }, content: "half a pair: \ud800 here", toolCalls: [{ id: "call_echo", name: "bash", arguments: JSON.stringify({ command: "echo ok" }) }] },
            { when: { lastRole: "tool" }, content: "Done." },
          ],
        },
      });
      const cli = startCli(["run", "--yes", "build it"], project);
      expect(await cli.exited).toBe(0);
      const requests = project.sim.requests.completions();
      expect(requests).toHaveLength(3);
      for (const request of requests) {
        // The simulator keeps the raw text when a body is not JSON.
        expect(typeof request.body).toBe("object");
        for (const text of stringsIn(request.body)) expect(LONE_SURROGATE.test(text), text.slice(0, 80)).toBe(false);
      }
      const big = wireToolResult(requests[1]!.body, "yes 'a line");
      expect(big.length).toBeLessThanOrEqual(30_000 + 300);
      const marker = /\[… (\d+) characters omitted; full output saved to (\S+\.log) …\]/.exec(big);
      expect(marker, big.slice(9_000, 11_000)).not.toBeNull();
      expect(Number(marker![1])).toBeGreaterThan(9_900_000);
      expect(fs.statSync(marker![2]!).size).toBe(10_000_000);
      expect(big).toContain("exit code 0");
      const binary = wireToolResult(requests[1]!.body, "urandom");
      expect(binary).toContain("red nul:: cesu:");
      // No escape, NUL or other control character (tab and newline aside) is sent.
      expect(binary).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(binary).toContain("\ufffd");
      expect(binary.length).toBeLessThanOrEqual(30_000 + 300);
      const third = (requests[2]!.body as { messages: Array<WireMessage & { role: string }> }).messages;
      expect(third.some((message) => message.role === "assistant" && String(message.content).startsWith("half a pair: \ufffd here"))).toBe(true);

      const [session] = project.sessionFiles();
      const records = readRecords(session!);
      const tools = records.filter((record) => record.type === "message" && record.message.role === "tool");
      expect(tools.map((record) => record.message.toolCallId)).toEqual(["call_big", "call_binary", "call_echo"]);
      // The log keeps what the model saw, not 10 MB.
      expect(fs.statSync(session!).size).toBeLessThan(200_000);
    });
  });
});
