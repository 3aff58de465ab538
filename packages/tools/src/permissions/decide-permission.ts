import type { Tool, ToolKind } from "@bridle/core";
import { resolveWorkspacePath, toPosix } from "../resolve-workspace-path.js";
import {
  ruleAppliesToTool,
  ruleMatchesCommand,
  ruleMatchesPath,
  ruleMatchesToolName,
  unwrapCommand,
  type PathSubject,
} from "./match-permission-rule.js";
import { parsePermissionRule, type PermissionRule } from "./parse-permission-rule.js";
import type { PermissionMode } from "./permissions-config.js";
import { splitShellCommand } from "./split-shell-command.js";

/** What to do with a tool call. */
export type PermissionDecision = "allow" | "deny" | "ask";

/** A decision, the rule that made it (if a rule did), and why, in words for the user and the model. */
export interface PermissionVerdict {
  decision: PermissionDecision;
  /** The config rule that decided, as written. */
  rule?: string;
  reason: string;
  /** The call touches paths outside the workspace and is allowed to: run it with `allowOutsideWorkspace`. */
  outsideWorkspace?: boolean;
  /** With `ask` for a path outside the workspace: that path (real, absolute), which only an allow rule naming it lets through. */
  outsidePath?: string;
}

/** The permission settings a decision is made under. */
export interface PermissionSettings {
  mode: PermissionMode;
  allow?: readonly string[];
  deny?: readonly string[];
  /** The workspace root. */
  workspace: string;
}

/** The call being decided: a tool name and its parsed (or raw JSON) arguments. */
export interface PermissionCall {
  name: string;
  arguments: unknown;
}

/** The parts of a tool a decision needs. Unknown tools (`undefined`) are treated as commands. */
export type PermissionTool = Pick<Tool, "name" | "kind" | "paths" | "permissionGroup">;

/**
 * Decides whether a tool call runs, is refused, or needs the user's yes. In order:
 * 1. a matching deny rule refuses it, whatever the mode and the allow rules;
 * 2. a path outside the workspace (judged on its real path) needs an allow rule naming it, else ask;
 * 3. a matching allow rule allows it (for a shell command, every simple command in it must match);
 * 4. the mode decides: reads are always allowed, edits unless the mode is `ask`, commands only in `allow-all`.
 *
 * @throws PermissionRuleError when a rule in the settings cannot be parsed
 */
export function decidePermission(
  call: PermissionCall,
  tool: PermissionTool | undefined,
  settings: PermissionSettings,
): PermissionVerdict {
  const name = tool?.name ?? call.name;
  const kind: ToolKind = tool?.kind ?? "execute";
  const args = parseArguments(call.arguments);
  const group = tool?.permissionGroup;
  const allowRules = parsedRules(settings.allow).filter((rule) => ruleAppliesToTool(rule, name, kind, group));
  const denyRules = parsedRules(settings.deny).filter((rule) => ruleAppliesToTool(rule, name, kind, group));
  // `mcp(github__*)`: a group rule's pattern is over the tool's name.
  const namesTool = (rule: PermissionRule) => rule.pattern === undefined || (group !== undefined && rule.tool === group.toLowerCase() && ruleMatchesToolName(rule.pattern, name));
  const paths = pathSubjects(tool, args, settings.workspace);
  const command = kind === "execute" && group === undefined && typeof args["command"] === "string" ? args["command"] : undefined;
  const segments = command === undefined ? [] : splitShellCommand(command);

  for (const rule of denyRules) {
    if (namesTool(rule)) return { decision: "deny", rule: rule.source, reason: `${name} is denied by the rule ${rule.source}` };
    if (rule.pattern === undefined) continue;
    const pattern = rule.pattern;
    const deniedPath = paths.find((subject) => ruleMatchesPath(pattern, subject, true));
    if (deniedPath) {
      return { decision: "deny", rule: rule.source, reason: `${describe(deniedPath)} is denied by the rule ${rule.source}` };
    }
    if (command !== undefined) {
      const candidates = [command, ...segments];
      const denied = candidates.find(
        (candidate) => ruleMatchesCommand(pattern, candidate) || ruleMatchesCommand(pattern, unwrapCommand(candidate)),
      );
      if (denied !== undefined) {
        return { decision: "deny", rule: rule.source, reason: `the command "${denied}" is denied by the rule ${rule.source}` };
      }
    }
  }

  const outside = paths.filter((subject) => !subject.inside);
  if (outside.length > 0) {
    const covering = outside.map((subject) =>
      allowRules.find((rule) => rule.pattern !== undefined && ruleMatchesPath(rule.pattern, subject, false)),
    );
    const uncovered = outside.find((_, index) => covering[index] === undefined);
    if (uncovered) {
      return {
        decision: "ask",
        reason: `${uncovered.absolute} is outside the workspace; no allow rule names it`,
        outsideWorkspace: true,
        outsidePath: uncovered.absolute,
      };
    }
    if (outside.length === paths.length) {
      return {
        decision: "allow",
        rule: covering[0]?.source ?? "",
        reason: `${outside.map((subject) => subject.absolute).join(", ")} outside the workspace is allowed by the rule ${covering[0]?.source}`,
        outsideWorkspace: true,
      };
    }
  }

  const wholeTool = allowRules.find(namesTool);
  if (wholeTool) return allowed(wholeTool, `${name} is allowed by the rule ${wholeTool.source}`, outside.length > 0);
  if (paths.length > 0) {
    const covering = paths.map((subject) =>
      allowRules.find((rule) => rule.pattern !== undefined && ruleMatchesPath(rule.pattern, subject, false)),
    );
    const first = covering[0];
    if (first && covering.every(Boolean)) return allowed(first, `${describe(paths[0])} is allowed by the rule ${first.source}`, outside.length > 0);
  }
  if (command !== undefined && segments.length > 0) {
    const covering = segments.map((segment) =>
      allowRules.find((rule) => rule.pattern !== undefined && ruleMatchesCommand(rule.pattern, segment)),
    );
    const first = covering[0];
    if (first && covering.every(Boolean)) {
      const sources = [...new Set(covering.map((rule) => rule?.source))].join(", ");
      return allowed(first, `the command is allowed by the rule${covering.length > 1 ? "s" : ""} ${sources}`, false);
    }
  }

  const outsideFlag = outside.length > 0 ? { outsideWorkspace: true } : {};
  if (kind === "read") return { decision: "allow", reason: "reads inside the workspace are always allowed", ...outsideFlag };
  if (kind === "edit") {
    return settings.mode === "ask"
      ? { decision: "ask", reason: `${name} changes files and the mode is "ask"`, ...outsideFlag }
      : { decision: "allow", reason: `edits are allowed in mode "${settings.mode}"`, ...outsideFlag };
  }
  return settings.mode === "allow-all"
    ? { decision: "allow", reason: 'everything is allowed in mode "allow-all"' }
    : { decision: "ask", reason: `${name} runs commands and the mode is "${settings.mode}"` };
}

function allowed(rule: PermissionRule, reason: string, outsideWorkspace: boolean): PermissionVerdict {
  return outsideWorkspace
    ? { decision: "allow", rule: rule.source, reason, outsideWorkspace }
    : { decision: "allow", rule: rule.source, reason };
}

function describe(subject: PathSubject | undefined): string {
  if (!subject) return "the path";
  return subject.inside ? (subject.relative ?? subject.lexical) : subject.absolute;
}

const ruleCache = new WeakMap<readonly string[], PermissionRule[]>();

/** Parsed rules, cached per rules array so a decision does not re-parse the config. */
export function parsedRules(rules: readonly string[] | undefined): PermissionRule[] {
  if (!rules) return [];
  let parsed = ruleCache.get(rules);
  if (!parsed) {
    parsed = rules.map(parsePermissionRule);
    ruleCache.set(rules, parsed);
  }
  return parsed;
}

function parseArguments(value: unknown): Record<string, unknown> {
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value === "" ? "{}" : value);
      return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function pathSubjects(tool: PermissionTool | undefined, args: Record<string, unknown>, workspace: string): PathSubject[] {
  if (!tool?.paths) return [];
  let raw: string[];
  try {
    raw = tool.paths(args as never);
  } catch {
    return [];
  }
  const subjects: PathSubject[] = [];
  for (const input of raw) {
    if (typeof input !== "string") continue;
    try {
      const resolved = resolveWorkspacePath(workspace, input, { allowOutside: true });
      const subject: PathSubject = {
        absolute: toPosix(resolved.absolute),
        lexical: resolved.lexical,
        inside: resolved.inside,
      };
      if (resolved.inside) subject.relative = resolved.relative;
      subjects.push(subject);
    } catch {
      // An unusable path (empty, a link loop) fails in the tool itself with a clear message.
    }
  }
  return subjects;
}
