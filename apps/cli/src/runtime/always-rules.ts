import type { Tool } from "@bridle/core";
import { splitShellCommand } from "@bridle/tools";

/** What `[a]lways` allows for the rest of the session: allow rules, and the words the prompt shows. */
export interface AlwaysGrant {
  rules: string[];
  /** `edits and writes in the workspace`, `commands starting with npm test`. */
  description: string;
}

/** A word that names a subcommand (`test` in `npm test`, `status` in `git status`) rather than an argument. */
const SUBCOMMAND = /^[a-z][a-z0-9:_-]*$/;

/**
 * What answering "always" to a call allows from then on. An edit or a write covers every edit and
 * write inside the workspace (the `edit` group); a command covers the commands that start like
 * each of its parts (`npm test -- --run` → `npm test …`), not every command; any other tool
 * covers that tool. Paths outside the workspace still ask, whatever was allowed.
 */
export function alwaysGrant(call: { name: string; arguments: Record<string, unknown> }, tool: Pick<Tool, "name" | "kind">): AlwaysGrant {
  if (tool.kind === "edit") return { rules: ["edit"], description: "edits and writes in the workspace" };
  if (tool.kind === "execute" && typeof call.arguments.command === "string") {
    const prefixes = [...new Set(splitShellCommand(call.arguments.command).map(commandPrefix))];
    if (prefixes.length > 0) {
      return {
        rules: prefixes.map((prefix) => `${tool.name}(${prefix}:*)`),
        description: `commands starting with ${prefixes.join(", ")}`,
      };
    }
  }
  return { rules: [tool.name], description: `every ${tool.name} call` };
}

/** The program and, when the next word is a subcommand, that word too: `npm test`, `ls`, `git status`. */
function commandPrefix(command: string): string {
  const words = command.split(" ").filter((word) => !/^\w+=/.test(word));
  const [program = command, next] = words;
  return next !== undefined && SUBCOMMAND.test(next) ? `${program} ${next}` : program;
}
