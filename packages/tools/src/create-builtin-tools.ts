import type { Tool } from "@bridle/core";
import { createBashTool, type BashToolOptions } from "./bash-tool.js";
import { createEditTool } from "./edit-tool.js";
import { createGlobTool } from "./glob-tool.js";
import { createGrepTool } from "./grep-tool.js";
import { createLsTool } from "./ls-tool.js";
import { createReadDenyFilter } from "./permissions/create-read-deny-filter.js";
import { createReadTool } from "./read-tool.js";
import { createTodoTool } from "./todo-tool.js";
import { createWriteTool } from "./write-tool.js";

/** Options of `createBuiltinTools`. */
export interface BuiltinToolsOptions {
  /** The permission deny rules; `grep` skips files that read deny rules cover. */
  deny?: readonly string[];
  /** Options of the `bash` tool. */
  bash?: BashToolOptions;
}

/** Names of the built-in tools, in the order `createBuiltinTools` returns them. */
export const BUILTIN_TOOL_NAMES = ["read", "write", "edit", "bash", "grep", "glob", "ls", "todo"] as const;

/**
 * All built-in tools in a fixed order. The tool list is part of the prompt prefix that gateways
 * cache, so the order, names, descriptions and schemas are the same on every call and every run.
 */
export function createBuiltinTools(options: BuiltinToolsOptions = {}): Tool[] {
  const isDenied = createReadDenyFilter(options.deny, "grep");
  const tools = [
    createReadTool(),
    createWriteTool(),
    createEditTool(),
    createBashTool(options.bash ?? {}),
    createGrepTool(isDenied ? { isDenied } : {}),
    createGlobTool(),
    createLsTool(),
    createTodoTool(),
  ];
  return tools as unknown as Tool[];
}
