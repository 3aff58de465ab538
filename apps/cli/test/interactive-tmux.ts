import { spawnSync } from "node:child_process";

/** Whether tmux can be run here, and its version line (or why not). */
export function tmuxAvailable(): { ok: boolean; detail: string } {
  const result = spawnSync("tmux", ["-V"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return { ok: false, detail: result.error?.message ?? result.stderr.trim() };
  return { ok: true, detail: result.stdout.trim() };
}

/** Quotes a string for `sh -c`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A detached tmux session on its own server socket (so that neither the user's tmux server nor
 * its environment is touched), driven the way a person would: keys in, screen text out.
 */
export class TmuxPane {
  readonly #socket: string;
  readonly #session: string;

  constructor(name: string) {
    this.#socket = `${name}-socket`;
    this.#session = name;
  }

  /** Starts `command` (a shell command line) in `cwd` on a `columns`×`rows` screen. */
  start(command: string, cwd: string, columns = 120, rows = 40): void {
    this.#tmux(["-f", "/dev/null", "new-session", "-d", "-x", String(columns), "-y", String(rows), "-s", this.#session, "-c", cwd, command]);
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    this.#tmux(["send-keys", "-t", this.#session, "-l", text]);
  }

  /** Presses keys by tmux name: `Enter`, `Escape`, `C-c`, `Up`. */
  press(...keys: string[]): void {
    this.#tmux(["send-keys", "-t", this.#session, ...keys]);
  }

  /** The visible screen as text, one line per row, trailing blanks trimmed. */
  capture(): string {
    return this.#tmux(["capture-pane", "-p", "-t", this.#session]).replace(/\s+$/, "");
  }

  /**
   * Polls the screen until `predicate` holds, and returns that screen. Fails after `timeoutMs`,
   * or as soon as `giveUpWhen` holds, with what the screen showed, so that a broken screen is
   * easy to read in the test output.
   */
  async waitFor(what: string, predicate: (screen: string) => boolean, options: { timeoutMs?: number; giveUpWhen?: (screen: string) => boolean } = {}): Promise<string> {
    const timeoutMs = options.timeoutMs ?? 20_000;
    const deadline = Date.now() + timeoutMs;
    let screen = "";
    while (Date.now() < deadline) {
      screen = this.capture();
      if (predicate(screen)) return screen;
      if (options.giveUpWhen?.(screen)) throw new Error(`gave up waiting for ${what}; the screen showed:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen showed:\n${screen}`);
  }

  /** Stops the session and its server. Safe to call twice. */
  kill(): void {
    spawnSync("tmux", ["-L", this.#socket, "kill-server"], { encoding: "utf8" });
  }

  #tmux(args: string[]): string {
    const result = spawnSync("tmux", ["-L", this.#socket, ...args], { encoding: "utf8" });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr.trim()}`);
    return result.stdout;
  }
}

/** The status line: the last line of the screen that starts with the context gauge. */
export function statusLine(screen: string): string {
  return screen.split("\n").filter((line) => line.startsWith("ctx ")).at(-1) ?? "";
}

/** What the pane prints once bridle has exited, with its status. */
export const EXITED = "[bridle exited: ";

/**
 * Starts `bin` in the pane with only the given environment (no CI variable: Ink draws differently
 * there), printing {@link EXITED} and the status when it ends.
 */
export function startBridleInPane(pane: TmuxPane, bin: string, cwd: string, environment: Record<string, string>): void {
  const variables = Object.entries({ TERM: "xterm-256color", ...environment }).map(([name, value]) => `${name}=${shellQuote(value)}`);
  pane.start(`env -i ${variables.join(" ")} ${shellQuote(process.execPath)} ${shellQuote(bin)}; echo "${EXITED}$?]"; sleep 60`, cwd);
}
