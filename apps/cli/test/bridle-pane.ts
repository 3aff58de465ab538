import { existsSync } from "node:fs";
import { shellQuote, statusLine, TmuxPane } from "./interactive-tmux.js";
import { binPath } from "./run-cli.js";

/** The binary under test: the built CLI unless `BRIDLE_BIN` names another build of it. */
export const bin = process.env.BRIDLE_BIN ?? binPath;
/** What the pane prints once bridle has exited, with its status. */
export const EXITED = "[bridle exited: ";

/** The turn is over: the status line is back to its idle hint. */
export const idle = (screen: string) => statusLine(screen).endsWith("/help");

/**
 * The built `bridle` in a tmux pane, started with exactly the environment given (no CI variable,
 * so Ink draws as in a terminal, and no key but those passed), driven by keys.
 */
export class BridlePane {
  readonly pane: TmuxPane;

  constructor(
    readonly project: string,
    readonly environment: Record<string, string | undefined>,
    readonly size: { columns: number; rows: number } = { columns: 120, rows: 40 },
  ) {
    this.pane = new TmuxPane(`bridle-test-${process.pid}-${Date.now()}-${Math.random().toString(16).slice(2, 8)}`);
  }

  /** Starts `bridle <args>`; after it exits the pane stays, showing the exit status. */
  start(args: string[] = []): void {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: build the CLI first (pnpm build)`);
    const variables = Object.entries({ TERM: "xterm-256color", ...this.environment })
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => `${name}=${shellQuote(value)}`);
    const command = [process.execPath, bin, ...args].map(shellQuote).join(" ");
    this.pane.start(`env -i ${variables.join(" ")} ${command}; echo "${EXITED}$?]"; sleep 60`, this.project, this.size.columns, this.size.rows);
  }

  /** Starts bridle and waits for its prompt with the status line showing a gateway. */
  async startAndWait(args: string[] = [], gateway?: string): Promise<string> {
    this.start(args);
    return this.until("the prompt", (text) => text.includes("› ") && statusLine(text).includes(gateway ? `@ ${gateway}` : " @ "));
  }

  /** Waits for the screen to show something, giving up early if bridle has exited. */
  until(what: string, predicate: (screen: string) => boolean, timeoutMs?: number): Promise<string> {
    return this.pane.waitFor(what, predicate, { giveUpWhen: (screen) => screen.includes(EXITED), ...(timeoutMs ? { timeoutMs } : {}) });
  }

  /** Waits for bridle to exit and returns its exit status. */
  async exitCode(): Promise<number> {
    const screen = await this.pane.waitFor("bridle to exit", (text) => text.includes(EXITED));
    return Number(screen.slice(screen.lastIndexOf(EXITED) + EXITED.length).split("]")[0]);
  }

  /** Types a line and presses Enter. */
  send(text: string): void {
    this.pane.type(text);
    this.pane.press("Enter");
  }

  type(text: string): void {
    this.pane.type(text);
  }

  press(...keys: string[]): void {
    this.pane.press(...keys);
  }

  capture(): string {
    return this.pane.capture();
  }

  kill(): void {
    this.pane.kill();
  }
}
