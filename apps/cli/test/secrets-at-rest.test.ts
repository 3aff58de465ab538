import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PLANTED_ENVIRONMENT, PLANTED_PATTERNS, PLANTED_PEM } from "./planted-secrets.js";
import { scanWrittenFiles } from "./scan-written-files.js";
import { disposeSimProject, runCliToEnd, type SimProject, startSimProject } from "./sim-project.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

/** Every tool-output file under the data home. */
function toolOutputs(dataHome: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (path.basename(folder) === "tool-output") found.push(full);
    }
  };
  walk(dataHome);
  return found;
}

describe("secrets at rest", () => {
  it("keeps planted secrets out of the session log and saved tool output, written 0600 in 0700 folders, and caps a runaway's saved output", async () => {
    const filler = "x".repeat(40_000);
    project = await startSimProject({
      files: { "deploy/key.pem": PLANTED_PEM, "filler.txt": filler },
      scenario: {
        steps: [
          // Long enough to be cut, so the whole output is saved to a file.
          { when: { lastRole: "user" }, toolCalls: [{ id: "call_env", name: "bash", arguments: JSON.stringify({ command: "cat filler.txt; echo; env; cat deploy/key.pem; echo \"$MY_SERVICE_CREDS\"" }) }] },
          { when: { lastRole: "tool" }, toolCalls: [{ id: "call_yes", name: "bash", arguments: JSON.stringify({ command: "yes | head -c 25000000" }) }] },
          { when: { lastRole: "tool" }, content: "Done." },
        ],
      },
    });
    const result = await runCliToEnd(["run", "--yes", "show the environment, then make noise"], project);
    expect(result.code).toBe(0);
    const dataHome = project.environment.XDG_DATA_HOME!;
    const outputs = toolOutputs(dataHome);
    expect(outputs.map((file) => path.basename(file)).sort()).toEqual(["call_env.log", "call_yes.log"]);
    const envOutput = readFileSync(outputs.find((file) => file.endsWith("call_env.log"))!, "utf8");
    expect(envOutput).toContain("PATH=");
    expect(envOutput).toContain("[redacted]");
    // The shell's environment is scrubbed, and whatever the command printed is redacted before it is saved.
    expect(envOutput).not.toMatch(/MY_SERVICE_CREDS=|INNOCENT_SETTING=/);
    const scan = scanWrittenFiles(path.join(dataHome, "bridle"), PLANTED_PATTERNS);
    expect(scan.files).toBeGreaterThanOrEqual(3);
    expect(scan.findings).toEqual([]);
    const runaway = outputs.find((file) => file.endsWith("call_yes.log"))!;
    const size = statSync(runaway).size;
    expect(size).toBeGreaterThan(10 * 1024 * 1024 - 16);
    expect(size).toBeLessThan(10 * 1024 * 1024 + 200);
    expect(readFileSync(runaway, "utf8").slice(-120)).toMatch(/output saved up to 10 MB; the rest was read but not saved/);
    const lastRequest = project.sim.requests.completions().at(-1)!.body as { messages: Array<{ role: string; content: string; tool_call_id?: string; tool_calls?: Array<{ id: string; function: { arguments: string } }> }> };
    // On the wire the call has the id form the model's template needs (Kimi: functions.bash:N).
    const yesId = lastRequest.messages.flatMap((message) => message.tool_calls ?? []).find((call) => call.function.arguments.includes("yes | head"))!.id;
    const yesResult = lastRequest.messages.find((message) => message.tool_call_id === yesId)!.content;
    expect(yesResult).toMatch(/the first 10 MB of the output saved to .*call_yes\.log/);
    expect(yesResult).toContain("exit code 0");
    for (const value of Object.values(PLANTED_ENVIRONMENT)) expect(JSON.stringify(lastRequest)).not.toContain(value);
  });
});
