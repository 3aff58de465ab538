import { createHash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import { formatSize } from "./format-size.js";

/** Which lines to keep while scanning a file. */
export interface ScanLinesOptions {
  /** First line to keep, 1-based. */
  offset: number;
  /** Lines to keep at most. */
  limit: number;
  /** Characters of one line to keep before cutting it with a note. */
  maxLineChars: number;
  /** Stop keeping lines once this many bytes of line text are kept. */
  maxBytes: number;
  /** How the kept lines are decoded. Default UTF-8. */
  encoding?: "utf8" | "latin1";
}

/** The kept window of a file, and facts about the whole file. */
export interface ScannedLines {
  lines: string[];
  /** Line number of the last kept line (offset − 1 when none). */
  lastLine: number;
  totalLines: number;
  truncatedLines: number;
  /** SHA-256 of the whole file, hex. */
  hash: string;
  size: number;
}

const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 10;

/**
 * Streams a file once, counting its lines and hashing it, while keeping only the requested window
 * and at most `maxLineChars` of any line: a 100 MB file or a 5 MB single line costs bounded memory.
 */
export async function scanLines(handle: FileHandle, options: ScanLinesOptions): Promise<ScannedLines> {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const maxLineBytes = options.maxLineChars * 4;
  const lines: string[] = [];
  let lineNumber = 1;
  let parts: Buffer[] = [];
  let keptBytes = 0;
  let lineBytes = 0;
  let collecting = true;
  let collectedBytes = 0;
  let lastLine = options.offset - 1;
  let truncatedLines = 0;
  let position = 0;
  let lastByte = NEWLINE;

  const inWindow = () =>
    collecting && lineNumber >= options.offset && lineNumber < options.offset + options.limit;

  const finishLine = () => {
    if (inWindow()) {
      let text = Buffer.concat(parts).toString(options.encoding ?? "utf8");
      const cut = lineBytes > keptBytes || text.length > options.maxLineChars;
      if (!cut && text.endsWith("\r")) text = text.slice(0, -1);
      if (cut) {
        truncatedLines += 1;
        text = `${sliceChars(text, options.maxLineChars)} … [line truncated; ${formatSize(lineBytes)} in total]`;
      }
      lines.push(text);
      lastLine = lineNumber;
      collectedBytes += Math.min(lineBytes, keptBytes) + 1;
      if (collectedBytes >= options.maxBytes) collecting = false;
    }
    parts = [];
    keptBytes = 0;
    lineBytes = 0;
  };

  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const chunk = buffer.subarray(0, bytesRead);
    hash.update(chunk);
    lastByte = chunk[bytesRead - 1] ?? NEWLINE;
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? bytesRead : newline;
      if (inWindow()) {
        const take = Math.min(end - start, maxLineBytes - keptBytes);
        if (take > 0) {
          parts.push(Buffer.from(chunk.subarray(start, start + take)));
          keptBytes += take;
        }
      }
      lineBytes += end - start;
      if (newline === -1) break;
      finishLine();
      lineNumber += 1;
      start = newline + 1;
    }
  }

  let totalLines = lineNumber - 1;
  if (lastByte !== NEWLINE) {
    finishLine();
    totalLines = lineNumber;
  }
  return { lines, lastLine, totalLines, truncatedLines, hash: hash.digest("hex"), size: position };
}

function sliceChars(text: string, count: number): string {
  if (text.length <= count) return text;
  const code = text.charCodeAt(count - 1);
  // Never leave half of a surrogate pair: gateways reject lone surrogates in JSON.
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? count - 1 : count);
}
