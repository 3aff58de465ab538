import { close, closeSync, fdatasync, fsync, fsyncSync, mkdirSync, open, openSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { collectSecrets } from "./collect-secrets.js";
import { createRedactor } from "./create-redactor.js";
import type { Redactor } from "./create-redactor.js";
import { createSessionId } from "./create-session-id.js";
import { describeRecordProblem } from "./describe-record-problem.js";
import { readSessionFile, readSessionLines } from "./read-session-file.js";
import type { SkippedLine } from "./read-session-file.js";
import { SessionFileError } from "./session-file-error.js";
import { acquireSessionLock } from "./session-lock.js";
import type { SessionLock } from "./session-lock.js";
import { SESSION_FORMAT_VERSION } from "./session-record.js";
import type { RecordStamp, SessionEntryInput, SessionHeader, SessionRecord, SessionRecordInput } from "./session-record.js";

/** Options of `SessionLog.create`. */
export interface CreateSessionOptions {
  /** Folder of the session files, usually `sessionsDirectory(env, workspace)`. Created if missing. */
  directory: string;
  /** The workspace the session works in. */
  workspace: string;
  /** Canonical model id the session starts with. */
  model: string;
  /** Gateway id the session starts with. */
  gateway: string;
  /** Applied to every serialized line. Default: key shapes plus the key values found in `process.env`. */
  redact?: Redactor;
  /** The id to use (from `createSessionId`), when the caller needed it before creating the file. */
  id?: string;
}

/** Options of `SessionLog.open`. */
export interface OpenSessionOptions {
  /** Applied to every serialized line. Default: key shapes plus the key values found in `process.env`. */
  redact?: Redactor;
}

/** Options of `SessionLog.fork`. */
export interface ForkSessionOptions {
  /** Folder of the new session file. Created if missing. */
  directory: string;
  /** The workspace the session works in. */
  workspace: string;
  /**
   * The model and gateway to start on when the original's header cannot say and no model switch
   * or usage record names one; called only then.
   */
  fallback: () => { model: string; gateway: string };
  /** Applied to every serialized line. Default: key shapes plus the key values found in `process.env`. */
  redact?: Redactor;
}

/** What `SessionLog.fork` made. */
export interface ForkedSession extends OpenedSession {
  /** The original file, read and never written. */
  from: string;
  /** What line 1 of the original held instead of a header, when it was damaged. */
  headerProblem: string | undefined;
}

/** What `SessionLog.open` found in the file. */
export interface OpenedSession {
  log: SessionLog;
  /** Every valid record in file order, the header first. */
  records: SessionRecord[];
  /** Lines that could not be loaded; they stay in the file untouched. */
  skipped: SkippedLine[];
}

/**
 * An append-only JSONL session file: one record per line, each written straight to the OS with
 * `writeSync` on an O_APPEND descriptor, so a killed process loses nothing it appended. The file
 * is locked while open and is never rewritten or truncated, not even to drop a damaged line.
 *
 * Reaching the disk (for a power loss) is a group commit off the critical path: `sync` starts one
 * `fdatasync` in the background that covers every record written before it started; records
 * appended while it runs share the next one. `flush` waits for it (turn end), `close` syncs
 * before it returns (exit).
 */
export class SessionLog {
  /** The session id, also the file name without `.jsonl`. */
  readonly id: string;
  /** Absolute path of the session file. */
  readonly file: string;
  readonly header: SessionHeader;
  #descriptor: number | undefined;
  readonly #lock: SessionLock;
  readonly #redact: Redactor;
  #nextSeq: number;
  /** The file ends in a partial line: the next write starts with a newline to isolate it. */
  #needsNewline: boolean;
  /** Lines written so far, and how many of them a finished `fdatasync` covers. */
  #written = 0;
  #durable = 0;
  /** The commit in flight and the one queued behind it for lines written since it started. */
  #committing: Promise<void> | undefined;
  /** Lines the commit in flight covers. */
  #committingCovers = 0;
  #queued: Promise<void> | undefined;
  /** A failed background commit, reported by the next `flush` or `close`. */
  #commitError: unknown;
  /** A new file's directory entry, made durable by the first commit. */
  #unsyncedDirectory: string | undefined;

  private constructor(state: {
    file: string;
    header: SessionHeader;
    descriptor: number;
    lock: SessionLock;
    redact: Redactor;
    lastSeq: number;
    needsNewline: boolean;
  }) {
    this.id = state.header.id;
    this.file = state.file;
    this.header = state.header;
    this.#descriptor = state.descriptor;
    this.#lock = state.lock;
    this.#redact = state.redact;
    this.#nextSeq = state.lastSeq + 1;
    this.#needsNewline = state.needsNewline;
  }

  /**
   * Starts a new session: a new id, `<directory>/<id>.jsonl` with its header written, and the
   * lock. The header and the directory entry reach the disk with the first commit.
   */
  static create(options: CreateSessionOptions): SessionLog {
    const directory = resolve(options.directory);
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const id = options.id ?? createSessionId();
    const file = join(directory, `${id}.jsonl`);
    const lock = acquireSessionLock(file);
    let descriptor: number | undefined;
    try {
      descriptor = openSync(file, "ax", 0o600);
      const header: SessionHeader = {
        seq: 1,
        at: new Date().toISOString(),
        type: "session",
        version: SESSION_FORMAT_VERSION,
        id,
        workspace: resolve(options.workspace),
        model: options.model,
        gateway: options.gateway,
      };
      const redact = options.redact ?? defaultRedactor();
      const log = new SessionLog({ file, header, descriptor, lock, redact, lastSeq: 0, needsNewline: false });
      log.#write(header);
      log.#unsyncedDirectory = directory;
      log.sync();
      return log;
    } catch (error) {
      if (descriptor !== undefined) closeSync(descriptor);
      lock.release();
      throw error;
    }
  }

  /**
   * Opens an existing session to continue it: takes the lock, then loads every complete record.
   * Damaged lines are skipped and reported; a damaged header throws `SessionFileError`. The file
   * is not modified; if it ends in a partial line, the next append starts on a new line.
   */
  static open(file: string, options: OpenSessionOptions = {}): OpenedSession {
    const path = resolve(file);
    const lock = acquireSessionLock(path);
    try {
      const contents = readSessionFile(path);
      const descriptor = openSync(path, "a");
      const log = new SessionLog({
        file: path,
        header: contents.header,
        descriptor,
        lock,
        redact: options.redact ?? defaultRedactor(),
        lastSeq: contents.lastSeq,
        needsNewline: !contents.endsWithNewline,
      });
      return { log, records: contents.records, skipped: contents.skipped };
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /**
   * Continues a session in a new file: a new id and header, then a copy of every readable record
   * of `file` in order (restamped). The original is only read, so this works when its header is
   * damaged (`SessionLog.open` refuses such a file) or another process holds it. `skipped` lists
   * the original's lines that could not be copied.
   */
  static fork(file: string, options: ForkSessionOptions): ForkedSession {
    const from = resolve(file);
    const read = readSessionLines(from);
    const target = read.header ?? lastTarget(read.records) ?? options.fallback();
    const log = SessionLog.create({
      directory: options.directory,
      workspace: options.workspace,
      model: target.model,
      gateway: target.gateway,
      ...(options.redact ? { redact: options.redact } : {}),
    });
    try {
      const records: SessionRecord[] = [log.header];
      for (const record of read.records) {
        const { seq: _seq, at: _at, ...entry } = record as SessionRecord & RecordStamp;
        records.push(log.append(entry as SessionEntryInput));
      }
      log.sync();
      const skipped = read.header ? read.skipped : [{ line: 1, reason: `not a session header: ${read.headerProblem}` }, ...read.skipped];
      return { log, records, skipped, from, headerProblem: read.headerProblem };
    } catch (error) {
      log.close();
      throw error;
    }
  }

  /** The `seq` of the last record written. */
  get lastSeq(): number {
    return this.#nextSeq - 1;
  }

  /** True after `close`. */
  get closed(): boolean {
    return this.#descriptor === undefined;
  }

  /**
   * Stamps `seq` and `at`, redacts and writes the record as one line. When this returns the bytes
   * are in the OS, so they survive the process being killed. `tool_start`, `tool_process` and
   * `interrupted` records also start a commit to the disk (`sync`); for the others the caller syncs.
   * Returns the stamped record as given (not redacted).
   */
  append<T extends SessionEntryInput>(record: T): T & RecordStamp {
    if ((record as SessionRecordInput).type === "session") {
      throw new SessionFileError("SESSION_RECORD_INVALID", this.file, `cannot append a session header to ${this.file}; create writes it`);
    }
    // Stamp and type go first so that readers can tell a line's type from its first bytes.
    const stamp: RecordStamp = { seq: this.#nextSeq, at: new Date().toISOString() };
    const stamped = Object.assign({ ...stamp, type: record.type }, record, stamp) as T & RecordStamp;
    const problem = describeRecordProblem(stamped);
    if (problem !== undefined) {
      throw new SessionFileError("SESSION_RECORD_INVALID", this.file, `cannot append to ${this.file}: ${problem}`);
    }
    this.#write(stamped);
    // The tool is about to run, or the process is about to stop: these must survive a power loss.
    if (record.type === "tool_start" || record.type === "tool_process" || record.type === "interrupted") this.sync();
    return stamped;
  }

  /**
   * Starts making every record appended so far durable on the disk, without waiting: one
   * `fdatasync` in the background, shared by all records written before it starts. A failure
   * is thrown by the next `flush` or `close`.
   */
  sync(): void {
    this.#openDescriptor();
    void this.#commit();
  }

  /** Resolves once every record appended so far is on the disk; rejects when a commit failed. */
  async flush(): Promise<void> {
    this.#openDescriptor();
    await this.#commit();
    this.#throwCommitError();
  }

  /** Syncs (waiting for the disk), closes the file and releases the lock. Safe to call twice. */
  close(): void {
    const descriptor = this.#descriptor;
    if (descriptor === undefined) return;
    this.#descriptor = undefined;
    const inFlight = this.#committing;
    try {
      fsyncSync(descriptor);
      if (this.#unsyncedDirectory !== undefined) syncDirectorySync(this.#unsyncedDirectory);
      this.#unsyncedDirectory = undefined;
      this.#durable = this.#written;
      this.#throwCommitError();
    } finally {
      // A background fdatasync may still hold the descriptor: it is closed once that returns.
      if (inFlight) void inFlight.then(() => closeSync(descriptor));
      else closeSync(descriptor);
      this.#lock.release();
    }
  }

  /** The commit that covers every line written so far: a finished one, the one in flight, or the next. */
  #commit(): Promise<void> {
    const target = this.#written;
    if (this.#durable >= target) return this.#committing ?? Promise.resolve();
    if (this.#committing === undefined) return this.#startCommit();
    if (this.#committingCovers >= target) return this.#committing;
    // The commit in flight may have started before the last lines: queue one behind it.
    this.#queued ??= this.#committing.then(() => {
      this.#queued = undefined;
      return this.#durable >= this.#written ? undefined : this.#startCommit();
    });
    return this.#queued;
  }

  #startCommit(): Promise<void> {
    const descriptor = this.#descriptor;
    if (descriptor === undefined) return Promise.resolve();
    const covers = this.#written;
    const directory = this.#unsyncedDirectory;
    const committing = new Promise<void>((resolve) => {
      fdatasync(descriptor, (error) => {
        if (error) this.#commitError ??= error;
        else this.#durable = Math.max(this.#durable, covers);
        if (directory === undefined) return resolve();
        syncDirectory(directory, () => {
          // Until then `close` syncs the directory itself.
          if (this.#unsyncedDirectory === directory) this.#unsyncedDirectory = undefined;
          resolve();
        });
      });
    }).finally(() => {
      if (this.#committing === committing) this.#committing = undefined;
    });
    this.#committing = committing;
    this.#committingCovers = covers;
    return committing;
  }

  #throwCommitError(): void {
    const error = this.#commitError;
    if (error === undefined) return;
    this.#commitError = undefined;
    throw new SessionFileError("SESSION_SYNC_FAILED", this.file, `could not sync ${this.file} to the disk: ${(error as Error).message}`, { cause: error });
  }

  #write(record: SessionRecord): void {
    const descriptor = this.#openDescriptor();
    const line = this.#serialize(record);
    const bytes = Buffer.from(`${this.#needsNewline ? "\n" : ""}${line}\n`, "utf8");
    // Whatever happens below, a later write must not continue a line that may be half written.
    this.#needsNewline = true;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
    this.#needsNewline = false;
    this.#written += 1;
    this.#nextSeq = record.seq + 1;
  }

  #serialize(record: SessionRecord): string {
    let json: string;
    try {
      json = JSON.stringify(record);
    } catch (error) {
      throw new SessionFileError(
        "SESSION_RECORD_INVALID",
        this.file,
        `cannot append a ${record.type} record to ${this.file}: it is not serializable as JSON (${(error as Error).message})`,
        { cause: error },
      );
    }
    const redacted = this.#redact(json);
    if (redacted === json || isJson(redacted)) return redacted;
    // A custom redactor broke the JSON: redact each string value on its own instead.
    return JSON.stringify(record, (_key, value: unknown) => (typeof value === "string" ? this.#redact(value) : value));
  }

  #openDescriptor(): number {
    if (this.#descriptor === undefined) {
      throw new SessionFileError("SESSION_CLOSED", this.file, `session ${this.file} is closed`);
    }
    return this.#descriptor;
  }
}

/** The model the records last name: a switch's target or the model of a usage record. */
function lastTarget(records: readonly SessionRecord[]): { model: string; gateway: string } | undefined {
  for (let index = records.length - 1; index >= 0; index--) {
    const record = records[index]!;
    if (record.type === "model_switch") return record.to;
    if (record.type === "usage") return { model: record.model, gateway: record.gateway };
  }
  return undefined;
}

function defaultRedactor(): Redactor {
  return createRedactor({ secrets: collectSecrets(process.env) });
}

/** Makes the new file's directory entry durable; not possible on every platform, hence best effort. */
function syncDirectory(directory: string, done: () => void): void {
  open(directory, "r", (openError, descriptor) => {
    // Windows cannot open a directory for syncing.
    if (openError) return done();
    fsync(descriptor, () => close(descriptor, () => done()));
  });
}

/** `syncDirectory`, waiting for the disk (before exit). */
function syncDirectorySync(directory: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(directory, "r");
    fsyncSync(descriptor);
  } catch {
    // Windows cannot open a directory for syncing.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
