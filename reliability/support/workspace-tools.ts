import { createBuiltinTools, type BuiltinToolsOptions } from "@bridle/tools";
import { createTempWorkspace, resultText, type TempWorkspace } from "@bridle/tools/testing";
import type { ToolResult, ToolRunContext } from "@bridle/core";

/** A real temp workspace with the built-in tools, called the way the agent calls them. */
export interface WorkspaceTools extends TempWorkspace {
  /** Runs a tool by name; `overrides` changes the run context (another state, allowOutsideWorkspace). */
  call(name: string, args: Record<string, unknown>, overrides?: Partial<ToolRunContext>): Promise<ToolResult & { text: string }>;
}

/** Creates a temp workspace and the built-in tools, with the given tool options. */
export function createWorkspaceTools(options: BuiltinToolsOptions = {}): WorkspaceTools {
  const workspace = createTempWorkspace();
  const tools = new Map(createBuiltinTools(options).map((tool) => [tool.name, tool]));
  return {
    ...workspace,
    async call(name, args, overrides) {
      const tool = tools.get(name);
      if (!tool) throw new Error(`no tool ${name}`);
      const result = await tool.run(args as never, workspace.context(overrides));
      return { ...result, text: resultText(result) };
    },
  };
}
