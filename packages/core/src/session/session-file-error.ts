import { KernelError } from "../errors/kernel-error.js";

/** Why a session file could not be used. */
export type SessionFileErrorCode =
  /** The file does not exist. */
  | "SESSION_NOT_FOUND"
  /** The first line is missing, truncated, or not a header this version reads. The file is left as it is. */
  | "SESSION_HEADER_INVALID"
  /** A record given to `append` does not have the shape of a session record. Nothing was written. */
  | "SESSION_RECORD_INVALID"
  /** `append`, `sync` or `flush` after `close`. */
  | "SESSION_CLOSED"
  /** The disk refused a sync of records already written (reported by `flush` or `close`). */
  | "SESSION_SYNC_FAILED";

/** A session file that cannot be read or written as asked. The message names the file. */
export class SessionFileError extends KernelError {
  declare readonly code: SessionFileErrorCode;
  /** The session file concerned. */
  readonly file: string;

  constructor(code: SessionFileErrorCode, file: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = "SessionFileError";
    this.file = file;
  }
}
