import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeFile } from "./run-cli.js";
import { disposeSimProject, readRecords, runCliToEnd, type SimProject, startSimProject } from "./sim-project.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

/** The canonical id Bridle gives {@link GROQ_KIMI}. */
const MODEL = "kimi-k2-instruct-0905";

describe("calibration across a resume (as a process, against the simulator)", () => {
  it("keeps the calibration in the session log and uses it for the resumed session's first request", async () => {
    // A first session measures what a one-message prompt holds, counted by the simulator.
    project = await startSimProject({
      scenario: {
        steps: [
          { id: "probe", content: "Probed." },
          // The gateway reports far more prompt tokens than the local count: the calibration goes to its ceiling (2x).
          { id: "calibrate", content: "Noted.", usage: { promptTokens: 10_000_000 } },
          { content: "Second." },
          { content: "Third." },
          { content: "Fourth." },
        ],
      },
    });
    expect((await runCliToEnd(["run", "hello"], project)).code).toBe(0);
    const probe = project.sim.requests.completions()[0]!.promptTokens!;
    const [probeFile] = project.sessionFiles();
    // A window the prompt comes near (past tier 1), so the request is counted exactly and calibrated.
    setWindow(project, Math.round(probe * 1.5));
    expect((await runCliToEnd(["run", "remember the word plum"], project)).code).toBe(0);
    const file = project.sessionFiles().find((candidate) => candidate !== probeFile)!;
    const saved = readRecords(file).filter((record) => record.type === "state" && record.key === "compaction");
    expect(saved.at(-1)?.value).toEqual({ calibrations: { [MODEL]: { ratio: 2, samples: 1 } }, compactions: 0 });

    // Control: the same session without its saved state resumes uncalibrated. It also measures
    // what the resumed prompt holds, counted by the simulator.
    expect((await runCliToEnd(["run", "--resume", withoutSavedState(file, "0-uncalibrated-a"), "which word?"], project)).code).toBe(0);
    const prompt = project.sim.requests.completions().at(-1)!.promptTokens!;

    // A window where that prompt fits with the full output reserve (a quarter of the window), but
    // twice the prompt leaves less: only a calibrated estimate makes the request lower its output
    // limit. The middle of that range, so a local count a few percent off still lands in it.
    const margin = 256;
    const lowest = 2 * prompt + 2 * margin;
    const highest = (2 * prompt + margin) / 0.75;
    const window = Math.round((lowest + highest) / 2);
    setWindow(project, window);
    const reserve = Math.floor(window / 4);
    expect((await runCliToEnd(["run", "--resume", withoutSavedState(file, "0-uncalibrated-b"), "which word?"], project)).code).toBe(0);
    expect(project.sim.requests.completions().at(-1)!.maxTokens).toBe(reserve);

    // The real session resumes calibrated: its first request leaves room for twice the counted prompt.
    const before = project.sim.requests.completions().length;
    expect((await runCliToEnd(["run", "--resume", path.basename(file, ".jsonl"), "which word?"], project)).code).toBe(0);
    const resumed = project.sim.requests.completions().slice(before);
    expect(resumed).toHaveLength(1);
    const first = resumed[0]!;
    expect(first.maxTokens).toBeLessThan(reserve);
    expect(first.maxTokens).toBeGreaterThan(0);
  });
});

/** A copy of a session file under a new id, without the state plugins saved in it. */
function withoutSavedState(file: string, id: string): string {
  const lines = readFileSync(file, "utf8").split("\n").filter((line) => line.trim() !== "");
  const header = { ...(JSON.parse(lines[0]!) as Record<string, unknown>), id };
  const kept = lines.slice(1).filter((line) => (JSON.parse(line) as { type: string }).type !== "state");
  writeFileSync(path.join(path.dirname(file), `${id}.jsonl`), `${[JSON.stringify(header), ...kept].join("\n")}\n`, { mode: 0o600 });
  return id;
}

/** Gives the model a window of `contextWindow` tokens in the project's config. */
function setWindow(project: SimProject, contextWindow: number): void {
  const config = JSON.parse(readFileSync(path.join(project.directory, "bridle.config.json"), "utf8")) as Record<string, unknown>;
  writeFile(path.join(project.directory, "bridle.config.json"), {
    ...config,
    plugins: { "model-id": { models: { [MODEL]: { contextWindow, maxOutputTokens: 32_768 } } } },
  });
}
