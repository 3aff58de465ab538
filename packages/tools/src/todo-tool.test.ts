import { describe, expect, it } from "vitest";
import { TODOS_KEY, createTodoTool } from "./todo-tool.js";
import { createTempWorkspace, resultText } from "./testing/temp-workspace.js";

const todo = createTodoTool();

describe("todo", () => {
  it("replaces the session's list and renders it", async () => {
    const workspace = createTempWorkspace();
    try {
      await todo.run({ todos: [{ content: "old item", status: "pending" }] }, workspace.context());
      const result = await todo.run(
        {
          todos: [
            { content: "Read the parser", status: "completed" },
            { id: "tests", content: "Write tests", status: "in_progress" },
            { content: "Update docs", status: "pending" },
          ],
        },
        workspace.context(),
      );
      expect(resultText(result)).toBe("[x] 1. Read the parser\n[>] tests. Write tests\n[ ] 3. Update docs\n(1/3 completed)");
      expect(workspace.state.get(TODOS_KEY)).toEqual([
        { id: "1", content: "Read the parser", status: "completed" },
        { id: "tests", content: "Write tests", status: "in_progress" },
        { id: "3", content: "Update docs", status: "pending" },
      ]);
    } finally {
      workspace.remove();
    }
  });

  it("refuses two items in progress and repeated ids, keeping the previous list", async () => {
    const workspace = createTempWorkspace();
    try {
      await todo.run({ todos: [{ content: "keep", status: "pending" }] }, workspace.context());
      const two = await todo.run(
        { todos: [{ content: "a", status: "in_progress" }, { content: "b", status: "in_progress" }] },
        workspace.context(),
      );
      expect(two.isError).toBe(true);
      expect(resultText(two)).toBe("2 items are in_progress (1, 2). Keep one item in_progress and set the others to pending or completed.");
      const repeated = await todo.run(
        { todos: [{ id: "x", content: "a", status: "pending" }, { id: "x", content: "b", status: "pending" }] },
        workspace.context(),
      );
      expect(resultText(repeated)).toBe("Todo ids must be unique; repeated: x.");
      expect(workspace.state.get(TODOS_KEY)).toEqual([{ id: "1", content: "keep", status: "pending" }]);
      expect(resultText(await todo.run({ todos: [] }, workspace.context()))).toBe("Todo list is empty.");
    } finally {
      workspace.remove();
    }
  });

  it("rejects an unknown status as invalid arguments", async () => {
    const workspace = createTempWorkspace();
    try {
      const result = await todo.run({ todos: [{ content: "a", status: "done" }] } as never, workspace.context());
      expect(result.isError).toBe(true);
      expect(resultText(result)).toContain("todos[0].status");
    } finally {
      workspace.remove();
    }
  });
});
