import { afterEach, describe, expect, it } from "vitest";
import { streamJsonEventSchema } from "../src/headless/stream-json-schema.js";
import { disposeSimProject, readRecords, runCliToEnd } from "./sim-project.js";
import { isSummaryRequest, startSwitchProject, SWITCH_MODELS, type SwitchProject } from "./switch-project.js";

let project: SwitchProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

describe("bridle run -c -m <model> --output stream-json (as a process, against the simulator)", () => {
  it("prints the session line first, then the switch's compaction and model_switch, every line in the documented schema", async () => {
    project = await startSwitchProject();
    const result = await runCliToEnd(["run", "-c", "-m", SWITCH_MODELS.small.slug, "--output", "stream-json", "go on"], project);
    expect(result.code, result.stderr).toBe(0);
    const events = result.stdout.trim().split("\n").map((line) => streamJsonEventSchema.parse(JSON.parse(line)));
    expect(events[0]).toMatchObject({ type: "session", id: project.sessionId, resumed: true, model: SWITCH_MODELS.small.slug });
    expect(events.slice(1).some((event) => event.type === "session")).toBe(false);

    // The switch compacted before the turn: both events come before turn_start, compaction first.
    const types = events.map((event) => event.type);
    const compaction = types.indexOf("compaction");
    const modelSwitch = types.indexOf("model_switch");
    expect(compaction).toBeGreaterThan(0);
    expect(modelSwitch).toBeGreaterThan(compaction);
    expect(types.indexOf("turn_start")).toBeGreaterThan(modelSwitch);
    expect(events[compaction]).toMatchObject({ type: "compaction", reason: "model-switch" });
    expect(events[modelSwitch]).toMatchObject({ from: { model: SWITCH_MODELS.big.slug }, to: { model: SWITCH_MODELS.small.slug }, reason: "user" });
    expect(types.at(-1)).toBe("done");

    // One summary by the outgoing model, then one turn request to the small one that fits its window.
    const completions = project.sim.requests.completions();
    expect(completions.filter(isSummaryRequest).map((request) => request.model)).toEqual([SWITCH_MODELS.big.slug]);
    const turns = completions.filter((request) => !isSummaryRequest(request));
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ model: SWITCH_MODELS.small.slug, outcome: "reply" });
    // The file records the same: the switch, the compaction, the prompt.
    const records = readRecords(project.sessionFile).slice(project.history.length + 1);
    expect(records.map((record) => record.type)).toEqual(expect.arrayContaining(["model_switch", "compaction", "message"]));
  });
});
