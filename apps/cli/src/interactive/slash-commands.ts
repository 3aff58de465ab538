/** A slash command as `/help` lists it. */
export interface SlashCommandInfo {
  name: string;
  /** Arguments, as shown in help: `[focus]`, `[<model> [gateway]]`. */
  arguments: string;
  description: string;
  /** Safe to run while a turn is streaming (it only reads). */
  duringTurn: boolean;
}

/** The interactive screen's slash commands, in the order `/help` lists them. */
export const SLASH_COMMANDS: readonly SlashCommandInfo[] = [
  { name: "model", arguments: "[<model> [gateway]]", description: "switch model: a picker without arguments, or directly by name", duringTurn: false },
  { name: "context", arguments: "", description: "what fills the context window, and the window of this model on this gateway", duringTurn: true },
  { name: "compact", arguments: "[focus]", description: "summarize older turns to free context, keeping what the focus names", duringTurn: false },
  { name: "gateways", arguments: "", description: "configured gateways, whether their key is set, and which is in use", duringTurn: true },
  { name: "cost", arguments: "", description: "tokens in, out and cached in this session, and their cost when prices are known", duringTurn: true },
  { name: "sessions", arguments: "", description: "sessions of this workspace, to resume with --resume <id>", duringTurn: true },
  { name: "mcp", arguments: "", description: "MCP servers: state, tools, errors, and calls per tool", duringTurn: true },
  { name: "plugins", arguments: "", description: "loaded plugins and whether they are enabled", duringTurn: true },
  { name: "help", arguments: "", description: "this list, and the keys", duringTurn: true },
  { name: "exit", arguments: "", description: "end the session (also /quit, or ctrl-d on an empty prompt)", duringTurn: true },
];

/** Other names the screen accepts for a command. */
export const SLASH_ALIASES: Readonly<Record<string, string>> = { quit: "exit", models: "model", "?": "help" };
