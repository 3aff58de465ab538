import { PassThrough, Writable } from "node:stream";

/**
 * An in-memory terminal for the screen: a TTY-like stdin that keys are written into, and a
 * stdout that keeps everything written, readable as plain text.
 */
export function createTestTerminal(columns = 100, rows = 30) {
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: () => stdin,
    ref: () => stdin,
    unref: () => stdin,
  });
  let written = "";
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        written += chunk.toString();
        callback();
      },
    }),
    { isTTY: true, columns, rows },
  );
  return {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    /** Everything written so far, without escape sequences. */
    text: () => written.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, "").replace(/\u001B\][^\u0007]*\u0007/g, ""),
    /** Sends keys as a terminal would (`\r` is Enter, `\u0003` Ctrl-C, `\u0004` Ctrl-D). */
    press: (keys: string) => stdin.write(keys),
  };
}

/** Polls until `predicate` holds; fails with `describe()` after `timeoutMs`. */
export async function eventually(what: string, predicate: () => boolean, describe: () => string = () => "", timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
