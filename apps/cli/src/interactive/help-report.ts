import type { Report } from "./report.js";
import { SLASH_COMMANDS } from "./slash-commands.js";

/** The keys of the screen, as `/help` lists them. */
export const KEYS: ReadonlyArray<readonly [string, string]> = [
  ["enter", "send the prompt"],
  ["↑ / ↓", "earlier prompts"],
  ["ctrl-c", "cancel the running turn (nothing is lost); clear the prompt; twice on an empty prompt to exit"],
  ["ctrl-d", "exit, on an empty prompt"],
  ["ctrl-o", "print the last tool call's whole output"],
  ["ctrl-t", "print the last turn's whole reasoning (during a turn: more or fewer of its lines)"],
  ["shift-tab", "cycle the permission mode: ask, allow-edits, allow-all"],
  ["tab", "complete a slash command or a path"],
  ["alt-enter, ctrl-j", "a new line in the prompt; enter while a turn runs queues the prompt"],
  ["ctrl-a / ctrl-e", "start / end of the line; ctrl-u, ctrl-k, ctrl-w delete"],
];

/** `/help`: the slash commands and the keys. */
export function helpReport(): Report {
  return {
    title: "commands",
    rows: SLASH_COMMANDS.map((command) => ({ cells: [`/${command.name}${command.arguments ? ` ${command.arguments}` : ""}`, command.description] })),
    notes: ["", "keys", ...KEYS.map(([key, what]) => `  ${key.padEnd(16)} ${what}`)],
  };
}
