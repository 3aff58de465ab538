import { readSessionFile, replaySession } from "@bridle/core";
import { afterEach, describe, expect, it } from "vitest";
import { BridlePane, idle } from "./bridle-pane.js";
import { tmuxAvailable } from "./interactive-tmux.js";
import { disposeSimProject, readRecords } from "./sim-project.js";
import { isSummaryRequest, startSwitchProject, SWITCH_MODELS, type SwitchProject } from "./switch-project.js";

const tmux = tmuxAvailable();
const PROMPT = "PROMPT-AFTER-SWITCHES: fix the parser now";

let project: SwitchProject | undefined;
let bridle: BridlePane | undefined;
afterEach(async () => {
  bridle?.kill();
  project = await disposeSimProject(project);
});

describe.skipIf(!tmux.ok)("two quick /model switches in a terminal, the first still compacting", () => {
  it("the prompt typed meanwhile goes out once both switches are done, to the last model, fitting its window, and nothing is lost", async () => {
    // Each switch's summary streams for about two seconds.
    project = await startSwitchProject({ summaryChunkDelayMs: 250 });
    bridle = new BridlePane(project.directory, project.environment);
    await bridle.startAndWait(["-c"], "openrouter");
    bridle.send(`/model ${SWITCH_MODELS.mid.slug}`);
    await bridle.until("the first switch to start", (screen) => screen.includes("switching model"));
    bridle.send(`/model ${SWITCH_MODELS.tiny.slug}`);
    await bridle.until("the second switch to be taken", (screen) => screen.includes(`› /model ${SWITCH_MODELS.tiny.slug}`));
    bridle.send(PROMPT);
    // Typed while the screen compacts: queued, not sent.
    const typed = await bridle.until("the queued prompt", (screen) => screen.includes(`queued: ${PROMPT}`));
    expect(typed).toContain("switching model");
    // The first switch is done; the second one compacts again (its window is smaller still): the prompt waits.
    const between = await bridle.until("the first switch to end", (screen) => screen.includes(`model: ${SWITCH_MODELS.mid.slug} @ openrouter (was ${SWITCH_MODELS.big.slug}`));
    expect(between).toContain(`queued: ${PROMPT}`);
    expect(between).not.toContain(`model: ${SWITCH_MODELS.tiny.slug} @ openrouter`);
    await bridle.until("the answer", (screen) => screen.includes("Done.") && idle(screen), 30_000);
    const screen = bridle.capture();
    expect(screen).toContain(`model: ${SWITCH_MODELS.tiny.slug} @ openrouter (was ${SWITCH_MODELS.mid.slug} @ openrouter)`);
    bridle.send("/exit");
    expect(await bridle.exitCode()).toBe(0);

    // One turn request: to the small model, after every summary, inside its window, ending with the prompt.
    const completions = project.sim.requests.completions();
    const turns = completions.filter((request) => !isSummaryRequest(request));
    expect(turns).toHaveLength(1);
    const [turn] = turns;
    expect(turn).toMatchObject({ model: SWITCH_MODELS.tiny.slug, outcome: "reply" });
    expect(turn!.promptTokens! + (turn!.maxTokens ?? 0)).toBeLessThanOrEqual(SWITCH_MODELS.tiny.contextWindow);
    expect(Math.max(...completions.filter(isSummaryRequest).map((request) => request.sequence))).toBeLessThan(turn!.sequence);
    const sent = (turn!.body as { messages: Array<{ role: string; content: string }> }).messages.at(-1);
    expect(sent).toEqual({ role: "user", content: PROMPT });

    // The session file: both switches, the prompt once, and a replay that still holds it.
    const records = readRecords(project.sessionFile);
    expect(records.filter((record) => record.type === "model_switch").map((record) => record.to.model)).toEqual([SWITCH_MODELS.mid.slug, SWITCH_MODELS.tiny.slug]);
    expect(records.filter((record) => record.type === "message" && record.message.content === PROMPT)).toHaveLength(1);
    const replayed = replaySession(readSessionFile(project.sessionFile).records);
    expect(replayed.messages.filter((message) => message.role === "user" && message.content === PROMPT)).toHaveLength(1);
    expect(replayed.model).toBe(SWITCH_MODELS.tiny.slug);
  });
});
