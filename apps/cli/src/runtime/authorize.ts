import type { Authorization, RunnableCall, Tool } from "@bridle/core";
import { decidePermission, type PermissionMode } from "@bridle/tools";

/** What the permission prompt shows. */
export interface PermissionQuestion {
  call: RunnableCall;
  tool: Tool;
  /** Why it asks: the mode, or the call reaching outside the workspace. */
  reason: string;
}

/** The user's answer: once, for the rest of the session (this tool), or no. */
export type PermissionAnswer = "allow" | "always" | "deny";

export type PermissionPrompt = (question: PermissionQuestion) => Promise<PermissionAnswer>;

export interface AuthorizerOptions {
  mode: PermissionMode;
  allow: readonly string[];
  deny: readonly string[];
  workspace: string;
  /** Absent in headless runs: a call that needs asking is denied with a hint. */
  ask?: PermissionPrompt;
}

/**
 * The agent's permission step: config rules and mode decide (deny always wins); what needs a
 * human goes to the prompt, or is refused in headless runs with the flag or rule that would allow it.
 */
export function createAuthorizer(options: AuthorizerOptions): (call: RunnableCall, tool: Tool) => Promise<Authorization> {
  const alwaysAllowed = new Set<string>();
  return async (call, tool) => {
    const decision = decidePermission({ name: call.name, arguments: call.arguments }, tool, {
      mode: options.mode,
      allow: options.allow,
      deny: options.deny,
      workspace: options.workspace,
    });
    if (decision.decision === "deny") return { allowed: false, reason: decision.reason };
    if (decision.decision === "allow") return { allowed: true, ...(decision.outsideWorkspace ? { allowOutsideWorkspace: true } : {}) };
    if (alwaysAllowed.has(tool.name) && !decision.outsideWorkspace) return { allowed: true };
    if (!options.ask) {
      return {
        allowed: false,
        reason: `${decision.reason}; this run cannot ask (no terminal). Allow it with --yes, --allow-edits, or an allow rule such as "${tool.permissionGroup ? `${tool.permissionGroup}(${tool.name})` : `${tool.name}(…)`}" under permissions.allow`,
      };
    }
    const answer = await options.ask({ call, tool, reason: decision.reason });
    if (answer === "deny") return { allowed: false, reason: "the user declined" };
    if (answer === "always") alwaysAllowed.add(tool.name);
    return { allowed: true, ...(decision.outsideWorkspace ? { allowOutsideWorkspace: true } : {}) };
  };
}
