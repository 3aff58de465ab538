import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { disposeSimProject, readRecords, runCliToEnd, runningInGroup, type SimProject, startCli, startSimProject, until } from "./sim-project.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

describe("a signal during a long tool", () => {
  for (const [signal, code] of [["SIGTERM", 143], ["SIGHUP", 129], ["SIGINT", 130]] as const) {
    it(`${signal}: ends the tool's whole process group, records the interruption, releases the lock and exits ${code}`, async () => {
      project = await startSimProject({
        scenario: {
          steps: [
            // A child in the background and one in the foreground: both must go.
            { when: { lastUserContains: "build" }, toolCalls: [{ id: "call_build", name: "bash", arguments: JSON.stringify({ command: "sleep 300 & echo started > started.txt; sleep 300" }) }] },
            { when: { lastUserContains: "status" }, content: "The build was interrupted." },
          ],
        },
      });
      const cli = startCli(["run", "--yes", "build it"], project);
      await until(() => existsSync(path.join(project!.directory, "started.txt")), 15_000, "the tool to start");
      const [session] = project.sessionFiles();
      // The command may write its file before Bridle has recorded its process group.
      const processRecord = () => readRecords(session!).find((record) => record.type === "tool_process");
      await until(() => processRecord() !== undefined, 15_000, "the process group record");
      const group = processRecord()!.pid as number;
      expect(runningInGroup(group).length).toBeGreaterThanOrEqual(2);
      cli.child.kill(signal);
      expect(await cli.exited).toBe(code);
      expect(runningInGroup(group)).toEqual([]);
      const records = readRecords(session!);
      expect(records.find((record) => record.type === "interrupted")).toMatchObject({ reason: `received ${signal}` });
      expect(records.some((record) => record.type === "message" && record.message.role === "tool" && record.message.toolCallId === "call_build")).toBe(true);
      expect(existsSync(`${session}.lock`)).toBe(false);
      const resumed = await runCliToEnd(["run", "-c", "--yes", "status?"], project);
      expect(resumed.code).toBe(0);
      expect(resumed.stdout).toContain("The build was interrupted.");
    });
  }
});
