import { z } from "zod";
import { parsePermissionRule } from "./parse-permission-rule.js";

/**
 * How much runs without asking: `ask` asks before edits and commands; `allow-edits` edits files
 * in the workspace without asking but asks before commands; `allow-all` asks for nothing. Reads
 * inside the workspace never ask; deny rules and paths outside the workspace apply in every mode.
 */
export const permissionModeSchema = z.enum(["ask", "allow-edits", "allow-all"]);

/** A permission mode. */
export type PermissionMode = z.infer<typeof permissionModeSchema>;

/** Whether bash runs in the operating system's sandbox where one is available. */
export const sandboxModeSchema = z.enum(["auto", "off"]);

/** A sandbox setting. */
export type SandboxMode = z.infer<typeof sandboxModeSchema>;

const ruleSchema = z
  .string()
  .superRefine((value, context) => {
    try {
      parsePermissionRule(value);
    } catch (error) {
      context.addIssue({ code: "custom", message: (error as Error).message });
    }
  })
  .describe('tool or tool(pattern): "bash(npm test*)", "edit(src/**)", "read(.env)".');

/**
 * The `permissions` config section. Every key has a default, so `{}` is valid. Rules name a tool
 * (or the groups `read`, `edit`, `bash`, or `*`) and optionally a glob over the call's paths or,
 * for shell tools, its command; deny wins over allow and over every mode.
 */
export const permissionsConfigSchema = z
  .object({
    mode: permissionModeSchema
      .default("ask")
      .describe(
        '"ask": ask before edits and commands; "allow-edits": edit workspace files without asking, ask before commands; "allow-all": ask for nothing. Deny rules and paths outside the workspace apply in every mode.',
      ),
    allow: z
      .array(ruleSchema)
      .default([])
      .describe(
        'Calls that run without asking, e.g. "bash(npm test*)", "edit(src/**)", "read(/etc/hosts)". A path outside the workspace needs an allow rule (or a yes) to be used.',
      ),
    deny: z
      .array(ruleSchema)
      .default([])
      .describe('Calls that are always refused, in every mode and over any allow rule, e.g. "bash(rm -rf*)", "read(.env)".'),
    sandbox: sandboxModeSchema
      .default("auto")
      .describe(
        '"auto": run bash in the operating system\'s sandbox where there is one (bubblewrap on Linux, sandbox-exec on macOS): the workspace writable, everything else read-only, no network unless an allow rule "network" or "network(<command>)" grants it; "off": run commands unsandboxed.',
      ),
  })
  .describe("Which tool calls run without asking, which ask, and which are refused.");

/** The `permissions` config section after defaults. */
export type PermissionsConfig = z.infer<typeof permissionsConfigSchema>;
