import { Console } from "node:console";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SimRuntime, startSimRuntime } from "../../test/interactive-runtime.js";
import { createTestTerminal, eventually } from "../../test/interactive-terminal.js";
import { createPermissionBridge } from "./permission-bridge.js";
import { runInteractive } from "./run-interactive.js";

const CTRL_C = "\u0003";
const CTRL_D = "\u0004";
const edit = (from: string, to: string) => JSON.stringify({ path: "src/a.txt", old_string: from, new_string: to });

let sim: SimRuntime | undefined;
beforeAll(() => {
  // Ink keeps console output above the screen by building a Console; the test runner's
  // replacement console lacks the constructor that Node's has.
  const patched = console as Console & { Console?: typeof Console };
  patched.Console ??= Console;
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("runInteractive", () => {
  it("sends the initial prompt, streams the answer, and exits 0 on ctrl-d, closing the session", async () => {
    sim = await startSimRuntime({ steps: [{ when: { lastUserContains: "slug" }, contentChunks: ["Slugs are ", "URL-safe names."], stream: { chunkDelayMs: 30 } }] });
    const terminal = createTestTerminal();
    const exit = runInteractive(sim.runtime, { initialPrompt: "what is a slug?", stdin: terminal.stdin, stdout: terminal.stdout, environment: sim.environment });
    await eventually("the answer", () => terminal.text().includes("Slugs are URL-safe names."), terminal.text);
    expect(terminal.text()).toContain("› what is a slug?");
    // Keys while the turn finishes are fine; ctrl-d acts on an empty prompt once it is idle.
    await eventually("the turn to end", () => sim!.runtime.agent.messages.at(-1)?.role === "assistant");
    terminal.press(CTRL_D);
    await expect(exit).resolves.toBe(0);
    expect(existsSync(`${sim.runtime.session.file}.lock`)).toBe(false);
    const log = readFileSync(sim.runtime.session.file, "utf8");
    expect(log).toContain("what is a slug?");
  });

  it("answers permission questions from keys: always allows the rest of the session's edits", async () => {
    const permissions = createPermissionBridge();
    sim = await startSimRuntime(
      {
        steps: [
          { id: "read", when: { lastRole: "user" }, toolCalls: [{ name: "read", arguments: JSON.stringify({ path: "src/a.txt" }) }] },
          { id: "first", when: { lastRole: "tool" }, toolCalls: [{ name: "edit", arguments: edit("one", "ONE") }] },
          { id: "second", when: { lastRole: "tool" }, toolCalls: [{ name: "edit", arguments: edit("two", "TWO") }] },
          { id: "done", when: { lastRole: "tool" }, content: "Both edited." },
        ],
      },
      { ask: permissions.ask },
    );
    const terminal = createTestTerminal();
    const asked: string[] = [];
    permissions.subscribe(() => {
      const pending = permissions.current();
      if (pending) asked.push(JSON.stringify(pending.question.call.arguments));
    });
    const exit = runInteractive(sim.runtime, { permissions, initialPrompt: "uppercase the words", stdin: terminal.stdin, stdout: terminal.stdout, environment: sim.environment });
    await eventually("the first question", () => permissions.current() !== undefined, terminal.text);
    terminal.press("a");
    await eventually("the end of the turn", () => terminal.text().includes("Both edited."), terminal.text);
    expect(asked).toHaveLength(1);
    expect(readFileSync(path.join(sim.project, "src", "a.txt"), "utf8")).toBe("ONE\nTWO\nthree\n");
    expect(terminal.text()).toMatch(/\+ONE/);
    terminal.press("/exit\r");
    await expect(exit).resolves.toBe(0);
  });

  it("cancels a turn waiting on a question with ctrl-c, refusing the call, then exits on ctrl-c twice", async () => {
    const permissions = createPermissionBridge();
    sim = await startSimRuntime({ steps: [{ when: { lastRole: "user" }, toolCalls: [{ name: "bash", arguments: JSON.stringify({ command: "touch ran.txt" }) }] }] }, { ask: permissions.ask });
    const terminal = createTestTerminal();
    const exit = runInteractive(sim.runtime, { permissions, initialPrompt: "run it", stdin: terminal.stdin, stdout: terminal.stdout, environment: sim.environment });
    await eventually("the question", () => permissions.current() !== undefined, terminal.text);
    terminal.press(CTRL_C);
    await eventually("the cancelled turn", () => terminal.text().includes("cancelled"), terminal.text);
    expect(permissions.current()).toBeUndefined();
    expect(existsSync(path.join(sim.project, "ran.txt"))).toBe(false);
    expect(readFileSync(sim.runtime.session.file, "utf8")).toContain('"type":"interrupted"');
    terminal.press(CTRL_C);
    await new Promise((resolve) => setTimeout(resolve, 50));
    terminal.press(CTRL_C);
    await expect(exit).resolves.toBe(0);
  });
});
