import { randomBytes } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { SessionLockedError } from "./session-locked-error.js";

/** A held session lock. */
export interface SessionLock {
  /** The lock file, `<session file>.lock`. */
  readonly lockFile: string;
  /** Deletes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

interface LockContent {
  pid: number;
  hostname: string;
  token: string;
  createdAt: string;
}

/** A lock file this young with unreadable content is being written by its creator right now. */
const UNREADABLE_GRACE_MS = 10_000;
const MAX_ATTEMPTS = 5;

/** Lock files held by this process, with the token that proves which lock file is ours. */
const held = new Map<string, string>();
let exitHandlerInstalled = false;

/**
 * Takes `<file>.lock`, created with O_EXCL and holding pid + hostname. A lock whose process is
 * gone (`process.kill(pid, 0)` fails) is taken over; a live one throws `SessionLockedError`.
 * Locks still held are deleted when the process exits normally; after a kill the next opener
 * finds them stale.
 */
export function acquireSessionLock(file: string): SessionLock {
  const lockFile = `${file}.lock`;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const content: LockContent = {
      pid: process.pid,
      hostname: hostname(),
      token: randomBytes(8).toString("hex"),
      createdAt: new Date().toISOString(),
    };
    if (tryCreate(lockFile, content)) {
      held.set(lockFile, content.token);
      installExitHandler();
      return { lockFile, release: () => releaseLock(lockFile, content.token) };
    }
    const existing = readLock(lockFile);
    if (existing === "gone") continue;
    const liveReason = describeLiveHolder(lockFile, existing);
    if (liveReason !== undefined) {
      throw new SessionLockedError({
        file,
        lockFile,
        ...(existing !== "unreadable" && { pid: existing.content.pid, hostname: existing.content.hostname }),
        reason: liveReason,
      });
    }
    if (existing !== "unreadable") removeStale(lockFile, existing.raw);
    else removeStale(lockFile, undefined);
  }
  throw new SessionLockedError({ file, lockFile, reason: "the lock file kept changing while it was being taken over" });
}

function tryCreate(lockFile: string, content: LockContent): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(lockFile, "wx", 0o600);
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(descriptor, `${JSON.stringify(content)}\n`);
  } finally {
    closeSync(descriptor);
  }
  return true;
}

type ReadLock = { raw: string; content: LockContent } | "unreadable" | "gone";

function readLock(lockFile: string): ReadLock {
  let raw: string;
  try {
    raw = readFileSync(lockFile, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return "gone";
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockContent>;
    if (Number.isSafeInteger(parsed.pid) && typeof parsed.hostname === "string") {
      return { raw, content: parsed as LockContent };
    }
  } catch {
    // Falls through: a lock file cut short by a crash between create and write.
  }
  return "unreadable";
}

/** Why the holder still counts as alive, or `undefined` when the lock is stale. */
function describeLiveHolder(lockFile: string, existing: Exclude<ReadLock, "gone">): string | undefined {
  if (existing === "unreadable") {
    const age = Date.now() - statMtime(lockFile);
    return age < UNREADABLE_GRACE_MS ? "the lock file is being written" : undefined;
  }
  const { pid, hostname: lockHost, token } = existing.content;
  if (lockHost !== hostname()) return "held on another machine, whose process cannot be checked";
  if (pid === process.pid) {
    // The same pid without our token is a previous run that reused the pid (pid 1 in containers).
    return held.get(lockFile) === token ? "already open in this process" : undefined;
  }
  return isProcessAlive(pid) ? "that process is still running" : undefined;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === "EPERM";
  }
}

/**
 * Moves the stale lock aside before deleting it, so that two processes taking over the same stale
 * lock at once cannot delete the fresh lock the other one just created.
 */
function removeStale(lockFile: string, expectedRaw: string | undefined): void {
  const aside = `${lockFile}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(lockFile, aside);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw error;
  }
  const movedRaw = readFileSync(aside, "utf8");
  const isTheStaleOne = expectedRaw === undefined ? !isParsable(movedRaw) : movedRaw === expectedRaw;
  if (!isTheStaleOne) {
    // Another process created a fresh lock in between: put it back unless a third one already has.
    try {
      linkSync(aside, lockFile);
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error;
    }
  }
  unlinkSync(aside);
}

function releaseLock(lockFile: string, token: string): void {
  if (held.get(lockFile) !== token) return;
  held.delete(lockFile);
  try {
    const existing = readLock(lockFile);
    if (existing !== "gone" && existing !== "unreadable" && existing.content.token === token) unlinkSync(lockFile);
  } catch {
    // Releasing is best effort: a lock left behind is found stale by the next opener.
  }
}

function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.on("exit", () => {
    for (const [lockFile, token] of [...held]) releaseLock(lockFile, token);
  });
}

function statMtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function isParsable(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}
