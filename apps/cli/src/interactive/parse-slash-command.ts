import { suggestNames } from "@bridle/core";
import { SLASH_ALIASES, SLASH_COMMANDS } from "./slash-commands.js";

/** A prompt line that is a slash command. */
export type ParsedSlashCommand =
  | { known: true; name: string; args: string[]; /** Everything after the name, trimmed. */ rest: string }
  | { known: false; name: string; /** Commands whose names are close to the typed one. */ suggestions: string[] };

/**
 * Reads `/name arg1 arg2` (`undefined` when the line is not a command). Names are
 * case-insensitive and may be abbreviated to a unique prefix (`/ctx` is not one, `/con` is).
 * A line starting with `//` or `/ ` is text for the model, not a command.
 */
export function parseSlashCommand(line: string): ParsedSlashCommand | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("/") || trimmed.startsWith("//") || /^\/\s/.test(trimmed)) return undefined;
  const [head = "", ...args] = trimmed.slice(1).split(/\s+/);
  const rest = trimmed.slice(1 + head.length).trim();
  const typed = head.toLowerCase();
  const names = SLASH_COMMANDS.map((command) => command.name);
  const exact = SLASH_ALIASES[typed] ?? (names.includes(typed) ? typed : undefined);
  if (exact) return { known: true, name: exact, args, rest };
  const prefixed = names.filter((name) => name.startsWith(typed));
  if (prefixed.length === 1) return { known: true, name: prefixed[0]!, args, rest };
  const suggestions = prefixed.length > 1 ? prefixed : suggestNames(typed, names);
  return { known: false, name: head, suggestions };
}
