import path from "node:path";
import { createSessionId, type Redactor, type SessionEntryInput, SessionLog, type SessionRecorder } from "@bridle/core";

/** Where and for what a {@link DeferredSessionLog} will create its file. */
export interface DeferredSessionOptions {
  directory: string;
  workspace: string;
  model: string;
  gateway: string;
  redact: Redactor;
}

/**
 * A session log whose file is created with the first message: opening and closing Bridle without
 * typing anything leaves no empty session behind for `-c` and `/sessions` to point at. Records
 * appended before the first message (startup feed, a model switch) are held and written first,
 * in order, when the file is created; from then on every append goes straight to the file.
 */
export class DeferredSessionLog implements SessionRecorder {
  readonly id: string;
  readonly file: string;
  readonly #options: DeferredSessionOptions;
  readonly #held: SessionEntryInput[] = [];
  #log: SessionLog | undefined;
  #closed = false;

  constructor(options: DeferredSessionOptions) {
    this.#options = options;
    this.id = createSessionId();
    this.file = path.join(path.resolve(options.directory), `${this.id}.jsonl`);
  }

  /** The file exists: a message was recorded. */
  get written(): boolean {
    return this.#log !== undefined;
  }

  append(record: SessionEntryInput): unknown {
    if (this.#closed) throw new Error(`session ${this.file} is closed`);
    if (this.#log) return this.#log.append(record);
    if (record.type !== "message") {
      this.#held.push(record);
      return record;
    }
    const log = SessionLog.create({ ...this.#options, id: this.id });
    this.#log = log;
    for (const held of this.#held.splice(0)) log.append(held);
    return log.append(record);
  }

  sync(): void {
    this.#log?.sync();
  }

  /** Resolves once everything appended is durable; nothing to wait for before the file exists. */
  async flush(): Promise<void> {
    await this.#log?.flush();
  }

  close(): void {
    this.#closed = true;
    this.#log?.close();
  }
}
