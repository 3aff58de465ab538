import { createHash } from "node:crypto";
import { ToolError } from "./tool-error.js";

/** What a file looked like when the model last saw it. */
export interface ReadStamp {
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
  size: number;
  mtimeMs: number;
}

/** Key of the read stamps in `ToolRunContext.state`: a map from real path to stamp. */
export const READ_STAMPS_KEY = "tools.readStamps";

/** SHA-256 of some bytes, hex. */
export function hashContent(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** The session's read stamps, created on first use. */
export function readStamps(state: Map<string, unknown>): Map<string, ReadStamp> {
  let stamps = state.get(READ_STAMPS_KEY) as Map<string, ReadStamp> | undefined;
  if (!(stamps instanceof Map)) {
    stamps = new Map();
    state.set(READ_STAMPS_KEY, stamps);
  }
  return stamps;
}

/** Records that the model has seen the file at `realPath` as it is now. */
export function recordReadStamp(state: Map<string, unknown>, realPath: string, stamp: ReadStamp): void {
  readStamps(state).set(realPath, stamp);
}

/**
 * Refuses to change a file the model has not read, or one whose content changed since it was
 * read. The check compares content hashes, not timestamps: a `touch` or a checkout that leaves the
 * bytes equal is no reason to make the model read again, and coarse mtimes miss quick rewrites.
 *
 * @param display the path as shown to the model
 * @param action what the caller is about to do, for the message ("edit", "overwrite")
 * @throws ToolError naming the file and telling the model to read it
 */
export function assertFreshRead(
  state: Map<string, unknown>,
  realPath: string,
  display: string,
  currentContent: Uint8Array,
  action: string,
): void {
  const stamp = readStamps(state).get(realPath);
  if (!stamp) {
    throw new ToolError(`${display} has not been read in this session. Read it first, then ${action} it.`);
  }
  if (stamp.size !== currentContent.byteLength || stamp.hash !== hashContent(currentContent)) {
    throw new ToolError(
      `${display} has changed since it was last read (modified outside this session). Read it again, then ${action} it.`,
    );
  }
}
