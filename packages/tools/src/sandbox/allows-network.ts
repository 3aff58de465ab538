import { ruleMatchesCommand } from "../permissions/match-permission-rule.js";
import { parsedRules } from "../permissions/decide-permission.js";
import { splitShellCommand } from "../permissions/split-shell-command.js";

/**
 * Whether allow rules give a command the network inside the sandbox: `network` gives it to every
 * command, `network(npm install*)` to commands every part of which matches the pattern.
 */
export function allowsNetwork(command: string, allow: readonly string[] | undefined): boolean {
  const rules = parsedRules(allow).filter((rule) => rule.tool === "network");
  if (rules.some((rule) => rule.pattern === undefined)) return true;
  const segments = splitShellCommand(command);
  if (segments.length === 0) return false;
  return segments.every((segment) => rules.some((rule) => rule.pattern !== undefined && ruleMatchesCommand(rule.pattern, segment)));
}
