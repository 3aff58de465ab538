import { z } from "zod";
import { UTF8_BOM, decodeUtf8Text, describeNonText } from "./sniff-content.js";
import { ToolError } from "./tool-error.js";

/** How `read`, `edit` and `write` decode and encode a file's text. */
export type TextEncoding = "utf-8" | "latin1";

/** The optional `encoding` argument the file tools share. */
export const encodingParameter = z
  .enum(["utf-8", "latin1"])
  .optional()
  .describe('Only for files that are not UTF-8: "latin1" maps each byte to one character, so every byte is kept. Default "utf-8".');

/** A file's text, and whether a UTF-8 BOM preceded it. */
export interface FileText {
  text: string;
  bom: boolean;
}

/**
 * Decodes a file for `edit` or `write`: strict UTF-8 (NUL bytes and invalid sequences refused),
 * or Latin-1 when the call asks for it, which maps every byte to one character and back. A file
 * that is not UTF-8 is never decoded with replacement characters, so it is never written back
 * with U+FFFD in place of its bytes.
 *
 * @param action what the tool refuses to do, for the message ("edit refuses to change it")
 * @throws ToolError naming the file, what it holds and how to edit it anyway
 */
export function decodeFileText(bytes: Uint8Array, encoding: TextEncoding | undefined, display: string, action: string): FileText {
  if (encoding === "latin1") return { text: Buffer.from(bytes).toString("latin1"), bom: false };
  const decoded = decodeUtf8Text(bytes);
  if (decoded) return decoded;
  throw new ToolError(`${display} is not UTF-8 text (${describeNonText(bytes)}); ${action} so that no byte is corrupted. ${LATIN1_HINT}`);
}

/** What a model can do about a file that is not UTF-8. */
export const LATIN1_HINT = 'If it is text in a single-byte encoding (Latin-1, Windows-1252), pass encoding: "latin1" to keep every byte.';

/**
 * Encodes text for the file: UTF-8 (with the BOM when the file had one) or Latin-1.
 *
 * @throws ToolError when Latin-1 is asked for and the text has a character it cannot hold
 */
export function encodeFileText(text: string, encoding: TextEncoding | undefined, bom: boolean, display: string): Buffer {
  if (encoding !== "latin1") return Buffer.concat([bom ? UTF8_BOM : new Uint8Array(), Buffer.from(text, "utf8")]);
  const outside = /[^\u0000-\u00ff]/u.exec(text);
  if (outside) {
    const code = outside[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    throw new ToolError(`The new text for ${display} has ${JSON.stringify(outside[0])} (U+${code}), which Latin-1 cannot hold; nothing was written.`);
  }
  return Buffer.from(text, "latin1");
}
