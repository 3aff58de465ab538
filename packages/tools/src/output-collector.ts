import fs from "node:fs";
import path from "node:path";
import { createStreamRedactor, ensurePrivateDirectory, PRIVATE_FILE_MODE, type StreamRedactor } from "@bridle/core";

/** What an `OutputCollector` kept. */
export interface CollectedOutput {
  /** Everything, when it fit; otherwise the start and the end with a marker between them. */
  text: string;
  /** Characters received in all. */
  totalChars: number;
  /** Whether the middle was cut. */
  truncated: boolean;
  /** The file holding the complete output (up to the saved-output cap), when it was cut. */
  fullOutputPath?: string;
  /** The saved file stopped at the cap. */
  savedCapped?: boolean;
}

/** Options of `OutputCollector`. */
export interface OutputCollectorOptions {
  /** Applied to everything before it is kept or saved. Default: nothing is changed. */
  redact?: (text: string) => string;
  /** Bytes of output saved to the file at most; past them a marker ends the file. Default 10 MB. */
  maxSavedBytes?: number;
}

/** Saved output per call, by default. */
export const DEFAULT_MAX_SAVED_BYTES = 10 * 1024 * 1024;

/**
 * Collects streamed output in bounded memory. Up to `maxChars` it keeps everything; past that it
 * keeps the first third and the last two thirds (errors and summaries are usually at the end)
 * and streams the output to `spillPath` (mode 0600 in 0700 folders), so the model is told where
 * the rest is. Everything passes through the redactor first, a line at a time so a key cut
 * between two reads is still caught; the file stops at `maxSavedBytes` with a marker, while the
 * output keeps being read so the command never blocks on a full pipe.
 */
export class OutputCollector {
  private buffer = "";
  private head = "";
  private tail = "";
  private totalChars = 0;
  private cut = false;
  private spill: fs.WriteStream | undefined;
  private spillError: Error | undefined;
  private savedBytes = 0;
  private savedCapped = false;
  private readonly headChars: number;
  private readonly tailChars: number;
  private readonly redactor: StreamRedactor | undefined;
  private readonly maxSavedBytes: number;

  /**
   * @param maxChars characters kept before the middle is cut
   * @param spillPath where the output goes once it is cut
   */
  constructor(
    private readonly maxChars: number,
    private readonly spillPath: string,
    options: OutputCollectorOptions = {},
  ) {
    this.headChars = Math.floor(maxChars / 3);
    this.tailChars = maxChars - this.headChars;
    this.redactor = options.redact ? createStreamRedactor(options.redact) : undefined;
    this.maxSavedBytes = options.maxSavedBytes ?? DEFAULT_MAX_SAVED_BYTES;
  }

  /** Adds a decoded piece of output. */
  append(text: string): void {
    this.totalChars += text.length;
    this.keep(this.redactor ? this.redactor.push(text) : text);
  }

  /** Ends collection; resolves once the spill file (if any) is flushed. */
  async finish(): Promise<CollectedOutput> {
    if (this.redactor) this.keep(this.redactor.end());
    if (!this.cut) return { text: this.buffer, totalChars: this.totalChars, truncated: false };
    const spill = this.spill;
    if (spill) {
      await new Promise<void>((resolve) => {
        spill.end(() => resolve());
      });
    }
    const tail = this.tail.slice(-this.tailChars);
    const omitted = Math.max(0, this.totalChars - this.head.length - tail.length);
    const where = this.spillError
      ? `the full output could not be saved: ${this.spillError.message}`
      : this.savedCapped
        ? `the first ${formatMegabytes(this.maxSavedBytes)} of the output saved to ${this.spillPath}`
        : `full output saved to ${this.spillPath}`;
    const marker = `\n\n[… ${omitted} characters omitted; ${where} …]\n\n`;
    const result: CollectedOutput = {
      text: `${this.head}${marker}${tail}`,
      totalChars: this.totalChars,
      truncated: true,
    };
    if (!this.spillError) result.fullOutputPath = this.spillPath;
    if (this.savedCapped) result.savedCapped = true;
    return result;
  }

  private keep(text: string): void {
    if (text === "") return;
    if (!this.cut) {
      this.buffer += text;
      if (this.buffer.length <= this.maxChars) return;
      this.startSpill();
      return;
    }
    this.save(text);
    this.tail += text;
    // Trim lazily so appends stay cheap; the tail is at most twice its budget.
    if (this.tail.length > this.tailChars * 2) this.tail = this.tail.slice(-this.tailChars);
  }

  private save(text: string): void {
    if (!this.spill || this.savedCapped) return;
    const bytes = Buffer.byteLength(text);
    if (this.savedBytes + bytes <= this.maxSavedBytes) {
      this.spill.write(text);
      this.savedBytes += bytes;
      return;
    }
    const room = Buffer.from(text).subarray(0, this.maxSavedBytes - this.savedBytes).toString("utf8").replace(/\uFFFD$/, "");
    this.spill.write(`${room}\n[… output saved up to ${formatMegabytes(this.maxSavedBytes)}; the rest was read but not saved …]\n`);
    this.savedBytes = this.maxSavedBytes;
    this.savedCapped = true;
  }

  private startSpill(): void {
    this.cut = true;
    try {
      ensurePrivateDirectory(path.dirname(this.spillPath));
      this.spill = fs.createWriteStream(this.spillPath, { mode: PRIVATE_FILE_MODE });
      this.spill.on("error", (error) => {
        this.spillError = error;
      });
      this.save(this.buffer);
    } catch (error) {
      // An unwritable session directory must not lose the head and tail the model needs.
      this.spillError = error as Error;
      this.spill = undefined;
    }
    this.head = this.buffer.slice(0, this.headChars);
    this.tail = this.buffer.slice(-this.tailChars);
    this.buffer = "";
  }
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB` : `${bytes} bytes`;
}
