import { z } from "zod";
import type { Tool, ToolResult } from "@bridle/core";
import { defineTool } from "./define-tool.js";
import { ToolError } from "./tool-error.js";

const todoItem = z.object({
  id: z.string().optional().describe("Stable id of the item. Default: its position in the list (1, 2, …)."),
  content: z.string().min(1).describe("What to do, as a short imperative sentence."),
  status: z
    .enum(["pending", "in_progress", "completed"])
    .describe('"pending", "in_progress" (at most one item at a time) or "completed".'),
});

const parameters = z.object({
  todos: z.array(todoItem).describe("The complete updated list. It replaces the previous list, so include every item."),
});

/** Arguments of the `todo` tool. */
export type TodoArguments = z.infer<typeof parameters>;

/** One item of the session's todo list. */
export interface TodoItem {
  id: string;
  content: string;
  status: "pending" | "in_progress" | "completed";
}

/** Key of the todo list in `ToolRunContext.state`. */
export const TODOS_KEY = "tools.todos";

const description =
  "Replace the session's todo list with the complete updated list. Use it to plan and track multi-step work: " +
  "keep at most one item in_progress, and mark each item completed as soon as it is done.";

const marks: Record<TodoItem["status"], string> = { pending: "[ ]", in_progress: "[>]", completed: "[x]" };

/** The list as the model and the user see it. */
export function renderTodos(todos: readonly TodoItem[]): string {
  if (todos.length === 0) return "Todo list is empty.";
  const done = todos.filter((todo) => todo.status === "completed").length;
  const lines = todos.map((todo) => `${marks[todo.status]} ${todo.id}. ${todo.content}`);
  return `${lines.join("\n")}\n(${done}/${todos.length} completed)`;
}

/**
 * The `todo` tool: replaces the session's list in `context.state` under `TODOS_KEY` and returns
 * it rendered. A list with two items in progress, or with a repeated id, is refused with a message
 * naming them, because it usually means the model lost track of what it is doing.
 */
export function createTodoTool(): Tool<typeof parameters> {
  return defineTool({
    name: "todo",
    description,
    kind: "read",
    parameters,
    async run(args, context): Promise<ToolResult> {
      const todos: TodoItem[] = args.todos.map((todo, index) => ({
        id: todo.id?.trim() || String(index + 1),
        content: todo.content.trim(),
        status: todo.status,
      }));
      const seen = new Set<string>();
      const repeated = todos.filter((todo) => (seen.has(todo.id) ? true : (seen.add(todo.id), false)));
      if (repeated.length > 0) {
        throw new ToolError(`Todo ids must be unique; repeated: ${[...new Set(repeated.map((todo) => todo.id))].join(", ")}.`);
      }
      const inProgress = todos.filter((todo) => todo.status === "in_progress");
      if (inProgress.length > 1) {
        throw new ToolError(
          `${inProgress.length} items are in_progress (${inProgress.map((todo) => todo.id).join(", ")}). ` +
            "Keep one item in_progress and set the others to pending or completed.",
        );
      }
      context.state.set(TODOS_KEY, todos);
      const done = todos.filter((todo) => todo.status === "completed").length;
      return { content: renderTodos(todos), display: { summary: `Todo list: ${done}/${todos.length} completed` } };
    },
  });
}
