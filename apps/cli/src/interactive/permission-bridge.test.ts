import type { RunnableCall, Tool } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { createPermissionBridge } from "./permission-bridge.js";
import { toPermissionView } from "./to-permission-view.js";

const question = (name: string, args: Record<string, unknown>, kind: Tool["kind"] = "edit") => ({
  call: { id: name, name, arguments: args } satisfies RunnableCall,
  tool: { name, kind } as Tool,
  reason: "the mode is ask",
});

describe("createPermissionBridge", () => {
  it("shows questions one at a time, in order, and resolves each with its answer", async () => {
    const bridge = createPermissionBridge();
    let changes = 0;
    bridge.subscribe(() => changes++);
    const first = bridge.ask(question("edit", { path: "a" }));
    const second = bridge.ask(question("bash", { command: "ls" }, "execute"));
    expect(bridge.current()?.question.call.name).toBe("edit");
    bridge.current()!.answer("always");
    expect(bridge.current()?.question.call.name).toBe("bash");
    bridge.current()!.answer("deny");
    await expect(first).resolves.toBe("always");
    await expect(second).resolves.toBe("deny");
    expect(bridge.current()).toBeUndefined();
    expect(changes).toBe(3);
  });

  it("denies everything waiting when the turn is cancelled", async () => {
    const bridge = createPermissionBridge();
    const answers = Promise.all([bridge.ask(question("edit", {})), bridge.ask(question("write", {}))]);
    bridge.denyAll();
    await expect(answers).resolves.toEqual(["deny", "deny"]);
  });

  it("ignores a second answer to the same question", async () => {
    const bridge = createPermissionBridge();
    const answer = bridge.ask(question("edit", {}));
    const pending = bridge.current()!;
    pending.answer("allow");
    pending.answer("deny");
    await expect(answer).resolves.toBe("allow");
  });
});

describe("toPermissionView", () => {
  it("shows the call in one line, and a long command in full below it", () => {
    expect(toPermissionView(question("edit", { path: "src/a.ts" }))).toEqual({
      call: "edit src/a.ts",
      kind: "edit",
      reason: "the mode is ask",
      detail: undefined,
      preview: undefined,
      always: "edits and writes in the workspace",
    });
    const script = Array.from({ length: 12 }, (_, index) => `echo ${index}`).join("\n");
    const view = toPermissionView(question("bash", { command: script }, "execute"));
    expect(view.call.startsWith("bash echo 0 ⏎ echo 1")).toBe(true);
    expect(view.detail?.split("\n")).toHaveLength(9);
    expect(view.detail).toContain("… 4 more lines");
    expect(view.always).toBe("commands starting with echo");
  });

  it("previews what a write puts in the file and what an edit replaces", () => {
    const content = Array.from({ length: 20 }, (_, index) => `line ${index}`).join("\n");
    const write = toPermissionView(question("write", { path: "notes.md", content }));
    expect(write.preview?.slice(0, 2)).toEqual(["+line 0", "+line 1"]);
    expect(write.preview?.at(-1)).toBe("… 8 more lines (20 lines in all)");
    expect(toPermissionView(question("edit", { path: "a.ts", old_string: "two", new_string: "TWO\nthree" })).preview).toEqual(["-two", "+TWO", "+three"]);
  });
});
