import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Writes a file so that a killed process leaves either the old or the new content, never a mix:
 * the data goes to a temporary file in the same directory, takes over the old file's mode (and
 * owner, when permitted), and is renamed over the target. `target` must be the real path: a
 * rename over a symbolic link would replace the link itself.
 *
 * Resolves with the written file's stats once the rename is done; the file and its directory
 * entry are then flushed to the
 * disk in the background (fsync), so a turn never waits for the disk. A power loss in the few
 * milliseconds before that flush ends can leave an empty or old file where the file system does
 * not write a replaced file's data before the rename (ext4's default does).
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<fs.Stats> {
  // Synchronous on purpose: each step is one short system call, and a hop through the thread
  // pool for each would cost more than the call itself, on every write of a turn.
  const directory = path.dirname(target);
  const temporary = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target);
  } catch {
    existing = undefined;
  }
  let descriptor: number | undefined;
  let written: fs.Stats;
  try {
    descriptor = fs.openSync(temporary, "wx", existing ? existing.mode & 0o7777 : 0o666);
    fs.writeFileSync(descriptor, data);
    if (existing) {
      // open() applies the umask; the old file's exact mode must survive the rename.
      fs.fchmodSync(descriptor, existing.mode & 0o7777);
      try {
        fs.fchownSync(descriptor, existing.uid, existing.gid);
      } catch {
        // Only the owner's group, or root, may change it; the mode is what matters.
      }
    }
    written = fs.fstatSync(descriptor);
    fs.renameSync(temporary, target);
  } catch (error) {
    if (descriptor !== undefined) fs.closeSync(descriptor);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  flushInBackground(descriptor, directory);
  return written;
}

/** Flushes the renamed file, then its directory entry; the content is already in place. */
function flushInBackground(descriptor: number, directory: string): void {
  fs.fsync(descriptor, () => {
    fs.close(descriptor, () => {
      // Makes the rename itself durable; some platforms cannot open directories, which is fine.
      fs.open(directory, "r", (error, handle) => {
        if (error) return;
        fs.fsync(handle, () => fs.close(handle, () => undefined));
      });
    });
  });
}
