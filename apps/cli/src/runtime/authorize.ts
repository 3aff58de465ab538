import type { Authorization, RunnableCall, Tool } from "@bridle/core";
import { decidePermission, type PermissionMode } from "@bridle/tools";
import { alwaysGrant } from "./always-rules.js";
import { headlessPermissionHint } from "./headless-permission-hint.js";

/** What the permission prompt shows. */
export interface PermissionQuestion {
  call: RunnableCall;
  tool: Tool;
  /** Why it asks: the mode, or the call reaching outside the workspace. */
  reason: string;
}

/**
 * The user's answer: once; for the rest of the session (what {@link alwaysGrant} covers); no; or
 * no with what to do instead, which the model reads as the call's result.
 */
export type PermissionAnswer = "allow" | "always" | "deny" | { feedback: string };

export type PermissionPrompt = (question: PermissionQuestion) => Promise<PermissionAnswer>;

export interface AuthorizerOptions {
  /** Read at every call, so that a mode changed on the screen (shift-tab) applies to the next call. */
  mode: PermissionMode | (() => PermissionMode);
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
  // Rules the user granted with "always" this session, on top of the config's.
  const granted: string[] = [];
  return async (call, tool) => {
    const decision = decidePermission({ name: call.name, arguments: call.arguments }, tool, {
      mode: typeof options.mode === "function" ? options.mode() : options.mode,
      allow: [...options.allow, ...granted],
      deny: options.deny,
      workspace: options.workspace,
    });
    if (decision.decision === "deny") return { allowed: false, reason: decision.reason };
    if (decision.decision === "allow") return { allowed: true, ...(decision.outsideWorkspace ? { allowOutsideWorkspace: true } : {}) };
    if (!options.ask) return { allowed: false, reason: `${decision.reason}; this run cannot ask (no terminal): ${headlessPermissionHint(decision, tool)}` };
    const answer = await options.ask({ call, tool, reason: decision.reason });
    if (answer === "deny") return { allowed: false, reason: "the user declined" };
    if (typeof answer === "object") return { allowed: false, reason: `the user declined and said: ${answer.feedback}` };
    if (answer === "always") granted.push(...alwaysGrant(call, tool).rules);
    return { allowed: true, ...(decision.outsideWorkspace ? { allowOutsideWorkspace: true } : {}) };
  };
}
