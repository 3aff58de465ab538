import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ToolRunContext } from "@bridle/core";
import { ToolError, WorkspacePathError } from "./tool-error.js";

/** A path argument resolved to where it really points. */
export interface ResolvedPath {
  /** The argument as given. */
  input: string;
  /** The real absolute path: symbolic links resolved, including a dangling one's target. */
  absolute: string;
  /** The real path relative to the workspace, with `/` separators (`.` for the root); absolute when outside. */
  relative: string;
  /** The path as written, resolved lexically (no links followed), relative to the workspace when inside. */
  lexical: string;
  /** Whether the real path lies inside the workspace. */
  inside: boolean;
  /** Whether something exists at the real path. */
  exists: boolean;
  /** The workspace root's real path. */
  root: string;
}

/** Options of `resolveWorkspacePath`. */
export interface ResolveWorkspacePathOptions {
  /** Accept a real path outside the workspace instead of throwing. Default false. */
  allowOutside?: boolean;
}

const MAX_LINK_DEPTH = 40;

/**
 * Resolves a path argument against the workspace and judges it on its real path: the deepest
 * existing ancestor is resolved with `realpath` and the rest appended, and a dangling symbolic
 * link is followed to its would-be target. So `../` escapes, links pointing outside, and links
 * that would create a file outside are all caught, while a new file whose parent resolves inside
 * is accepted. Accepts relative, absolute, `~/…` and `file://` paths.
 *
 * @throws WorkspacePathError when the path is empty or malformed, or outside and not allowed
 */
export function resolveWorkspacePath(
  workspace: string,
  input: string,
  options: ResolveWorkspacePathOptions = {},
): ResolvedPath {
  const cleaned = cleanPathInput(input);
  if (cleaned === "") throw new WorkspacePathError("The path is empty. Give a file or directory path.", input);
  if (cleaned.includes("\0")) throw new WorkspacePathError(`The path ${JSON.stringify(input)} contains a NUL character.`, input);

  const root = realWorkspace(workspace);
  const lexicalAbsolute = path.resolve(root, expandPath(cleaned));
  const { real, exists } = realPathOf(lexicalAbsolute, 0, input);
  const inside = isInside(root, real);
  const lexicalInside = isInside(root, lexicalAbsolute);

  if (!inside && !options.allowOutside) {
    const through = lexicalInside ? ` through a symbolic link to ${real}` : real === lexicalAbsolute ? "" : ` (${real})`;
    throw new WorkspacePathError(
      `Path ${JSON.stringify(input)} is outside the workspace ${root}${through}. ` +
        "Paths outside the workspace are refused unless a permission rule allows them; use a path inside the workspace.",
      input,
    );
  }

  return {
    input,
    absolute: real,
    relative: inside ? toPosix(path.relative(root, real)) || "." : real,
    lexical: lexicalInside ? toPosix(path.relative(root, lexicalAbsolute)) || "." : lexicalAbsolute,
    inside,
    exists,
    root,
  };
}

/** The real path of a workspace root; a root that does not exist is an error naming it. */
export function realWorkspace(workspace: string): string {
  try {
    return fs.realpathSync.native(workspace);
  } catch (error) {
    throw new ToolError(`The workspace ${workspace} cannot be resolved: ${(error as Error).message}`);
  }
}

/** Whether `target` is `root` or lies below it. Both must be absolute and normalized. */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  if (relative === "") return true;
  return relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Turns platform separators into `/` so displayed paths and rule matching are the same everywhere. */
export function toPosix(value: string): string {
  return path.sep === "/" ? value : value.split(path.sep).join("/");
}

function cleanPathInput(input: string): string {
  let value = input.trim();
  // Models sometimes wrap paths in quotes or backticks copied from prose.
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'" || first === "`") && value.endsWith(first)) {
    value = value.slice(1, -1).trim();
  }
  if (value.startsWith("file://")) {
    try {
      value = fileURLToPath(value);
    } catch {
      throw new WorkspacePathError(`The path ${JSON.stringify(input)} is not a valid file URL.`, input);
    }
  }
  return value;
}

function expandPath(value: string): string {
  if (value === "~") return os.homedir();
  if (value.startsWith("~/") || value.startsWith(`~${path.sep}`)) return path.join(os.homedir(), value.slice(2));
  return value;
}

function realPathOf(target: string, depth: number, input: string): { real: string; exists: boolean } {
  if (depth > MAX_LINK_DEPTH) {
    throw new WorkspacePathError(`Path ${JSON.stringify(input)} has too many levels of symbolic links.`, input);
  }
  try {
    return { real: fs.realpathSync.native(target), exists: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") {
      throw new WorkspacePathError(`Path ${JSON.stringify(input)} has a symbolic link loop.`, input);
    }
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
  }
  const parent = path.dirname(target);
  if (parent === target) return { real: target, exists: false };
  const realParent = realPathOf(parent, depth, input).real;
  const candidate = path.join(realParent, path.basename(target));
  let linkText: string | undefined;
  try {
    if (fs.lstatSync(candidate).isSymbolicLink()) linkText = fs.readlinkSync(candidate);
  } catch {
    // Nothing at candidate: a new file or directory.
  }
  if (linkText !== undefined) {
    // A dangling link: writing through it would create its target, so judge the target.
    return { real: realPathOf(path.resolve(realParent, linkText), depth + 1, input).real, exists: false };
  }
  return { real: candidate, exists: false };
}

/**
 * A tool argument's path judged against the run's workspace, reaching outside only when the
 * permission step allowed it for this call.
 */
export function resolveToolPath(context: Pick<ToolRunContext, "workspace" | "allowOutsideWorkspace">, input: string): ResolvedPath {
  return resolveWorkspacePath(context.workspace, input, { allowOutside: context.allowOutsideWorkspace === true });
}
