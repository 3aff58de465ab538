import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ToolKind } from "@bridle/core";
import { toPosix } from "../resolve-workspace-path.js";
import { commandPatternToRegExp, globToRegExp } from "./glob-to-regexp.js";
import type { PermissionRule } from "./parse-permission-rule.js";

/** A path a call touches, as permission rules see it. */
export interface PathSubject {
  /** Real absolute path, `/`-separated. */
  absolute: string;
  /** Real path relative to the workspace (`.` for the root), when inside. */
  relative?: string;
  /** The path as written, resolved without following links: relative when inside, else absolute. */
  lexical: string;
  inside: boolean;
}

const caseInsensitive = process.platform === "darwin" || process.platform === "win32";

/**
 * Whether a rule names this tool: by its own name, by its group (`read` covers every read tool
 * such as grep and glob, `edit` covers write, `bash`/`shell` cover every execute tool), or `*`.
 * A tool with a permission group (`mcp`) is named by that group instead of the kind's.
 */
export function ruleAppliesToTool(rule: PermissionRule, toolName: string, kind: ToolKind, group?: string): boolean {
  if (rule.tool === "*" || rule.tool === toolName.toLowerCase()) return true;
  // A grouped tool (an MCP tool) answers to its own group only, not to read/edit/bash.
  if (group !== undefined) return rule.tool === group.toLowerCase();
  if (rule.tool === "read") return kind === "read";
  if (rule.tool === "edit") return kind === "edit";
  if (rule.tool === "bash" || rule.tool === "shell") return kind === "execute";
  return false;
}

/**
 * Whether a path pattern matches a path or one of its parent directories (so `secrets` covers
 * everything inside `secrets/`). Patterns starting with `/` or `~/` are absolute; patterns with a
 * `/` elsewhere are relative to the workspace root; patterns without `/` match a name at any depth.
 *
 * @param useLexical also try the path as written (deny rules do, so a link named `.env` is caught)
 */
export function ruleMatchesPath(pattern: string, subject: PathSubject, useLexical: boolean): boolean {
  let value = pattern.startsWith("~/") ? path.join(os.homedir(), pattern.slice(2)) : pattern;
  value = toPosix(value);
  const absolute = value.startsWith("/") || /^[A-Za-z]:\//.test(value);
  while (value.startsWith("./")) value = value.slice(2);
  if (value.endsWith("/") && value.length > 1) value = value.slice(0, -1);
  if (absolute) value = realPrefix(value);
  const regex = globToRegExp(value, caseInsensitive);

  const candidates: string[] = [];
  if (absolute) {
    candidates.push(subject.absolute);
    if (useLexical && path.isAbsolute(subject.lexical)) candidates.push(subject.lexical);
  } else {
    if (subject.inside && subject.relative !== undefined) candidates.push(subject.relative);
    if (useLexical && !path.isAbsolute(subject.lexical)) candidates.push(subject.lexical);
  }
  const byName = !absolute && !value.includes("/");
  for (const candidate of candidates) {
    const parts = candidate.split("/").filter((part) => part !== "");
    if (byName) {
      if (parts.some((part) => regex.test(part))) return true;
      if (candidate === "." && regex.test(".")) return true;
      continue;
    }
    const prefix = candidate.startsWith("/") ? "/" : "";
    for (let count = parts.length; count >= 1; count -= 1) {
      if (regex.test(prefix + parts.slice(0, count).join("/"))) return true;
    }
    if (candidate === "." && regex.test(".")) return true;
  }
  return false;
}

/**
 * Whether a command pattern matches a command. `*` matches anything; a trailing `:*` (Claude
 * Code's prefix form) matches the prefix alone or followed by arguments. Whitespace runs are
 * collapsed on both sides.
 */
export function ruleMatchesCommand(pattern: string, command: string): boolean {
  const normalizedPattern = pattern.replace(/\s+/g, " ").trim();
  const normalizedCommand = command.replace(/\s+/g, " ").trim();
  if (normalizedPattern.endsWith(":*")) {
    const prefix = normalizedPattern.slice(0, -2).trimEnd();
    return normalizedCommand === prefix || normalizedCommand.startsWith(`${prefix} `);
  }
  return commandPatternToRegExp(normalizedPattern).test(normalizedCommand);
}

// Leading words that run the rest of the line as a command; a deny rule must see through them.
const WRAPPERS = /^(?:(?:sudo|doas|env|nohup|time|command|exec|nice|builtin)\s+(?:-\S+\s+)*|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/;

/** A command without leading wrappers and variable assignments (`sudo FOO=1 rm x` → `rm x`). */
export function unwrapCommand(command: string): string {
  return command.replace(WRAPPERS, "");
}

/** An absolute pattern with its literal leading directories resolved, so `/tmp/**` also covers `/private/tmp`. */
function realPrefix(pattern: string): string {
  const parts = pattern.split("/");
  const firstGlob = parts.findIndex((part) => /[*?[{]/.test(part));
  const literalCount = firstGlob === -1 ? parts.length : firstGlob;
  const literal = parts.slice(0, literalCount).join("/");
  if (literal === "") return pattern;
  try {
    const real = toPosix(fs.realpathSync.native(literal));
    return [real, ...parts.slice(literalCount)].join("/");
  } catch {
    return pattern;
  }
}

/** Whether a group rule's pattern (`mcp(github__*)`) matches a tool's name; case-sensitive, as names are. */
export function ruleMatchesToolName(pattern: string, toolName: string): boolean {
  return globToRegExp(pattern, false).test(toolName);
}
