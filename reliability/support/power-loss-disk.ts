import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

/**
 * A model of a disk under a power loss, for files whose name ends in `suffix`: a `write(2)` lands
 * in the page cache at once, and only an `fsync`/`fdatasync` that has completed makes it durable.
 * The shim wraps `node:fs` (and re-syncs the ESM bindings, so modules that imported the functions
 * by name see it too); `fdatasync` and `fsync` complete `syncDelayMs` late, as on a slow disk.
 * `cut(file)` returns what the disk would hold if the power went now: the file's bytes up to the
 * last completed sync. Nothing on the real disk is changed by the model.
 */
export interface PowerLossDisk {
  /** The bytes that survive a power loss now. */
  cut(file: string): Buffer;
  /** Bytes written to `file` so far, synced or not. */
  written(file: string): number;
  restore(): void;
}

export function installPowerLossDisk(options: { suffix?: string; syncDelayMs?: number } = {}): PowerLossDisk {
  const suffix = options.suffix ?? ".jsonl";
  const delay = options.syncDelayMs ?? 0;
  /** Per tracked descriptor: the file, bytes written, bytes a completed sync covers. */
  const byDescriptor = new Map<number, { file: string; written: number; durable: number }>();
  const byFile = new Map<string, { written: number; durable: number }>();
  const original = { openSync: fs.openSync, writeSync: fs.writeSync, fdatasync: fs.fdatasync, fsync: fs.fsync, fsyncSync: fs.fsyncSync, fdatasyncSync: fs.fdatasyncSync };

  const track = (descriptor: number, file: string) => {
    const state = byFile.get(file) ?? { written: fs.existsSync(file) ? fs.statSync(file).size : 0, durable: fs.existsSync(file) ? fs.statSync(file).size : 0 };
    byFile.set(file, state);
    byDescriptor.set(descriptor, Object.assign(state, { file }));
  };
  const syncNow = (descriptor: number) => {
    const state = byDescriptor.get(descriptor);
    if (state) state.durable = state.written;
  };
  const syncLater = (descriptor: number, done: (error: NodeJS.ErrnoException | null) => void, real: typeof fs.fdatasync) => {
    const state = byDescriptor.get(descriptor);
    const covers = state?.written ?? 0;
    real(descriptor, (error) => {
      setTimeout(() => {
        if (state && !error) state.durable = Math.max(state.durable, covers);
        done(error);
      }, delay);
    });
  };

  const patched = {
    openSync(file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode | null) {
      const descriptor = original.openSync(file, flags ?? "r", mode);
      if (String(file).endsWith(suffix)) track(descriptor, String(file));
      return descriptor;
    },
    writeSync(descriptor: number, ...rest: unknown[]) {
      const bytes = (original.writeSync as (...args: unknown[]) => number)(descriptor, ...rest);
      const state = byDescriptor.get(descriptor);
      if (state) state.written += bytes;
      return bytes;
    },
    fdatasync(descriptor: number, done: (error: NodeJS.ErrnoException | null) => void) {
      syncLater(descriptor, done, original.fdatasync);
    },
    fsync(descriptor: number, done: (error: NodeJS.ErrnoException | null) => void) {
      syncLater(descriptor, done, original.fsync);
    },
    fsyncSync(descriptor: number) {
      original.fsyncSync(descriptor);
      syncNow(descriptor);
    },
    fdatasyncSync(descriptor: number) {
      original.fdatasyncSync(descriptor);
      syncNow(descriptor);
    },
  };
  Object.assign(fs, patched);
  syncBuiltinESMExports();

  return {
    cut(file) {
      const state = byFile.get(file);
      const bytes = fs.readFileSync(file);
      return state ? bytes.subarray(0, state.durable) : bytes;
    },
    written(file) {
      return byFile.get(file)?.written ?? 0;
    },
    restore() {
      Object.assign(fs, original);
      syncBuiltinESMExports();
    },
  };
}
