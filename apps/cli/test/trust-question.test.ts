import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EXITED, startBridleInPane, statusLine, TmuxPane, tmuxAvailable } from "./interactive-tmux.js";
import { binPath } from "./run-cli.js";
import { disposeSimProject, type SimProject, startSimProject } from "./sim-project.js";

const tmux = tmuxAvailable();
let project: SimProject | undefined;
let pane: TmuxPane | undefined;
afterEach(async () => {
  pane?.kill();
  pane = undefined;
  project = await disposeSimProject(project);
});

describe.skipIf(!tmux.ok)("the trust question in a terminal", () => {
  it("asks once about a folder whose config needs trust, remembers the answer, and does not ask again", async () => {
    project = await startSimProject({ trusted: false, config: { permissions: { mode: "allow-all" } } });
    const environment = { ...project.environment } as Record<string, string>;
    delete environment.CI;
    const start = () => {
      pane = new TmuxPane(`bridle-trust-${process.pid}-${Date.now()}`);
      startBridleInPane(pane, binPath, project!.directory, environment);
      return pane;
    };
    const first = start();
    const question = await first.waitFor("the trust question", (screen) => screen.includes("[y/N]"), { giveUpWhen: (screen) => screen.includes(EXITED) });
    expect(question).toContain("permissions.mode = \"allow-all\": a repository cannot loosen the permission mode");
    expect(question).toContain(`Trust ${project.directory}?`);
    first.type("y");
    first.press("Enter");
    const screen = await first.waitFor("the prompt", (text) => text.includes("› ") && statusLine(text).includes("@ groq"), { giveUpWhen: (text) => text.includes(EXITED) });
    expect(screen).toContain("permissions: allow-all");
    const userConfig = JSON.parse(readFileSync(path.join(project.configHome, "bridle", "config.json"), "utf8")) as { trustedFolders?: string[] };
    expect(userConfig.trustedFolders).toEqual([project.directory]);
    // The question took the place of the starting prompt, and the screen reads keys after it.
    expect(question).not.toContain("starting");
    first.type("hello after the question");
    first.press("Enter");
    await first.waitFor("the answer", (text) => text.includes("› hello after the question") && statusLine(text).endsWith("/help") && project!.sim.requests.completions().length === 1, {
      giveUpWhen: (text) => text.includes(EXITED),
    });
    first.press("C-d");
    await first.waitFor("the exit", (text) => text.includes(EXITED));
    first.kill();
    const second = start();
    const again = await second.waitFor("the prompt", (text) => text.includes("› ") && statusLine(text).includes("@ groq"), { giveUpWhen: (text) => text.includes(EXITED) });
    expect(again).not.toContain("[y/N]");
  });
});
