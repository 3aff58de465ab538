import { existsSync } from "node:fs";
import { EXITED, startBridleInPane, statusLine, TmuxPane } from "./interactive-tmux.js";
import { binPath } from "./run-cli.js";

/** The binary under test: the built CLI unless `BRIDLE_BIN` names another build of it. */
export const bin = process.env.BRIDLE_BIN ?? binPath;

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
    readonly environment: Record<string, string>,
    readonly size: { columns: number; rows: number } = { columns: 120, rows: 40 },
  ) {
    this.pane = new TmuxPane(`bridle-test-${process.pid}-${Date.now()}-${Math.random().toString(16).slice(2, 8)}`);
  }

  /** Starts `bridle <args>`; after it exits the pane stays, showing the exit status. */
  start(args: string[] = []): void {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: build the CLI first (pnpm build)`);
    startBridleInPane(this.pane, bin, this.project, this.environment, { args, ...this.size });
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
