import { KernelError } from "../errors/kernel-error.js";

/** Another live process (or another `SessionLog` in this one) holds the session's lock. */
export class SessionLockedError extends KernelError {
  /** The session file that is locked. */
  readonly file: string;
  /** The lock file. */
  readonly lockFile: string;
  /** Process id of the holder, when the lock file says. */
  readonly pid: number | undefined;
  /** Host name of the holder, when the lock file says. */
  readonly hostname: string | undefined;

  constructor(details: { file: string; lockFile: string; pid?: number; hostname?: string; reason?: string }) {
    const holder =
      details.pid === undefined
        ? "another process"
        : `process ${details.pid}${details.hostname ? ` on ${details.hostname}` : ""}`;
    super(
      "SESSION_LOCKED",
      `session ${details.file} is locked by ${holder}${details.reason ? ` (${details.reason})` : ""}; ` +
        `close it there, or delete ${details.lockFile} if that process is gone`,
    );
    this.name = "SessionLockedError";
    this.file = details.file;
    this.lockFile = details.lockFile;
    this.pid = details.pid;
    this.hostname = details.hostname;
  }
}
