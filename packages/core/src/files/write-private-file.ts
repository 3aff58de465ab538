import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

/** Mode of every file Bridle keeps for itself: readable by the user only. */
export const PRIVATE_FILE_MODE = 0o600;
/** Mode of every folder Bridle creates for itself. */
export const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * Creates a folder (and missing parents) readable by the user only. Folders that already exist
 * keep their mode, except the last one, which Bridle owns: it is set to 0700.
 */
export function ensurePrivateDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  if (process.platform !== "win32") chmodSync(directory, PRIVATE_DIRECTORY_MODE);
}

/**
 * Writes a file of Bridle's own (config edits, caches) atomically with mode 0600 in a 0700 folder,
 * after passing the text through `redact`: a temp file in the same folder, fsync, rename.
 */
export function writePrivateFile(file: string, text: string, redact: (text: string) => string = (value) => value): void {
  ensurePrivateDirectory(path.dirname(file));
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const descriptor = openSync(temporary, "wx", PRIVATE_FILE_MODE);
  try {
    const bytes = Buffer.from(redact(text), "utf8");
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(descriptor);
  renameSync(temporary, file);
}
