import fs from "node:fs";
import path from "node:path";

/** What an `OutputCollector` kept. */
export interface CollectedOutput {
  /** Everything, when it fit; otherwise the start and the end with a marker between them. */
  text: string;
  /** Characters received in all. */
  totalChars: number;
  /** Whether the middle was cut. */
  truncated: boolean;
  /** The file holding the complete output, when it was cut. */
  fullOutputPath?: string;
}

/**
 * Collects streamed output in bounded memory. Up to `maxChars` it keeps everything; past that it
 * keeps the first third and the last two thirds (errors and summaries are usually at the end)
 * and streams the complete output to `spillPath`, so nothing is lost and the model is told where.
 */
export class OutputCollector {
  private buffer = "";
  private head = "";
  private tail = "";
  private totalChars = 0;
  private cut = false;
  private spill: fs.WriteStream | undefined;
  private spillError: Error | undefined;
  private readonly headChars: number;
  private readonly tailChars: number;

  /**
   * @param maxChars characters kept before the middle is cut
   * @param spillPath where the complete output goes once it is cut
   */
  constructor(
    private readonly maxChars: number,
    private readonly spillPath: string,
  ) {
    this.headChars = Math.floor(maxChars / 3);
    this.tailChars = maxChars - this.headChars;
  }

  /** Adds a decoded piece of output. */
  append(text: string): void {
    if (text === "") return;
    this.totalChars += text.length;
    if (!this.cut) {
      this.buffer += text;
      if (this.buffer.length <= this.maxChars) return;
      this.startSpill();
      return;
    }
    this.spill?.write(text);
    this.tail += text;
    // Trim lazily so appends stay cheap; the tail is at most twice its budget.
    if (this.tail.length > this.tailChars * 2) this.tail = this.tail.slice(-this.tailChars);
  }

  /** Ends collection; resolves once the spill file (if any) is flushed. */
  async finish(): Promise<CollectedOutput> {
    if (!this.cut) return { text: this.buffer, totalChars: this.totalChars, truncated: false };
    const spill = this.spill;
    if (spill) {
      await new Promise<void>((resolve) => {
        spill.end(() => resolve());
      });
    }
    const tail = this.tail.slice(-this.tailChars);
    const omitted = this.totalChars - this.head.length - tail.length;
    const where = this.spillError
      ? `the full output could not be saved: ${this.spillError.message}`
      : `full output saved to ${this.spillPath}`;
    const marker = `\n\n[… ${omitted} characters omitted; ${where} …]\n\n`;
    const result: CollectedOutput = {
      text: `${this.head}${marker}${tail}`,
      totalChars: this.totalChars,
      truncated: true,
    };
    if (!this.spillError) result.fullOutputPath = this.spillPath;
    return result;
  }

  private startSpill(): void {
    this.cut = true;
    try {
      fs.mkdirSync(path.dirname(this.spillPath), { recursive: true });
      this.spill = fs.createWriteStream(this.spillPath);
      this.spill.on("error", (error) => {
        this.spillError = error;
      });
      this.spill.write(this.buffer);
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
