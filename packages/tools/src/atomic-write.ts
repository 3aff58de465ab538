import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Writes a file so that a killed process leaves either the old or the new content, never a mix:
 * the data goes to a temporary file in the same directory, takes over the old file's mode (and
 * owner, when permitted), and is renamed over the target. `target` must be the real path: a
 * rename over a symbolic link would replace the link itself.
 *
 * Resolves once the rename is done; the file and its directory entry are then flushed to the
 * disk in the background (fsync), so a turn never waits for the disk. A power loss in the few
 * milliseconds before that flush ends can leave an empty or old file where the file system does
 * not write a replaced file's data before the rename (ext4's default does).
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const directory = path.dirname(target);
  const temporary = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  const existing = await fs.stat(target).catch(() => undefined);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temporary, "wx", existing ? existing.mode & 0o7777 : 0o666);
    await handle.writeFile(data);
    if (existing) {
      // open() applies the umask; the old file's exact mode must survive the rename.
      await handle.chmod(existing.mode & 0o7777);
      await handle.chown(existing.uid, existing.gid).catch(() => undefined);
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
  void flushInBackground(handle, directory);
}

/** Flushes the renamed file, then its directory entry; the content is already in place. */
async function flushInBackground(handle: fs.FileHandle, directory: string): Promise<void> {
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
  await syncDirectory(directory);
}

async function syncDirectory(directory: string): Promise<void> {
  // Makes the rename itself durable; some platforms cannot open directories, which is fine.
  const handle = await fs.open(directory, "r").catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
