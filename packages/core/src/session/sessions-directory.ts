import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { homedir } from "node:os";
import { basename, isAbsolute, join, resolve } from "node:path";

/**
 * Where a workspace's sessions live: `$XDG_DATA_HOME/bridle/sessions/<slug>`, or
 * `~/.local/share/bridle/sessions/<slug>` when `XDG_DATA_HOME` is unset or relative (as the XDG
 * spec asks). The slug is the workspace folder's name plus a short hash of its real path, so two
 * checkouts named alike get separate folders and a symlinked path finds the same one.
 */
export function sessionsDirectory(env: Readonly<Record<string, string | undefined>>, workspace: string): string {
  const dataHome = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : join(env.HOME || homedir(), ".local", "share");
  return join(dataHome, "bridle", "sessions", workspaceSlug(workspace));
}

/** `<readable folder name>-<8 hex digits of the real path's SHA-256>`, e.g. `bridle-3f2a9c1d`. */
export function workspaceSlug(workspace: string): string {
  const realPath = realWorkspacePath(workspace);
  const readable = basename(realPath)
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(0, 40);
  const hash = createHash("sha256").update(realPath).digest("hex").slice(0, 8);
  return `${readable || "root"}-${hash}`;
}

function realWorkspacePath(workspace: string): string {
  const absolute = resolve(workspace);
  try {
    // The native variant also settles letter case on case-insensitive disks.
    return realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}
