import { type ChildProcess, spawn } from "node:child_process";
import { ReadBuffer, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { trackProcessGroup, untrackProcessGroup } from "./process-groups.js";

/** What a stdio server is started with, variables already expanded. */
export interface StdioLaunch {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

const STDERR_LINES = 20;
const KILL_GRACE_MS = 1000;

/**
 * The stdio transport, with the server in its own process group: a server started through
 * `npx` or a shell is several processes, and all of them must end with the session. Keeps the
 * last lines of the server's stderr for error messages instead of printing them over the screen.
 */
export class ProcessStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  #child: ChildProcess | undefined;
  readonly #buffer = new ReadBuffer();
  #stderr = "";
  #exit: string | undefined;
  #exited: Promise<void> | undefined;

  constructor(private readonly launch: StdioLaunch) {}

  /** How the process ended (`exited with code 1`), once it has. */
  get exit(): string | undefined {
    return this.#exit;
  }

  /** The last lines the server wrote to stderr. */
  get stderrTail(): string {
    return this.#stderr.split("\n").filter((line) => line.trim() !== "").slice(-STDERR_LINES).join("\n");
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.launch.command, this.launch.args, {
        cwd: this.launch.cwd,
        env: this.launch.env,
        stdio: ["pipe", "pipe", "pipe"],
        detached: process.platform !== "win32",
        windowsHide: true,
      });
      this.#child = child;
      this.#exited = new Promise((done) => child.once("close", () => done()));
      child.once("error", (error) => {
        this.#exit ??= error.message;
        reject(error);
        this.onerror?.(error);
      });
      child.once("spawn", () => {
        if (child.pid !== undefined && process.platform !== "win32") trackProcessGroup(child.pid);
        resolve();
      });
      child.once("exit", (code, signal) => {
        this.#exit ??= signal ? `ended by ${signal}` : `exited with code ${code}`;
        // Whatever the server started goes with it.
        signalGroup(child, "SIGKILL");
        if (child.pid !== undefined) untrackProcessGroup(child.pid);
      });
      child.once("close", () => {
        this.#child = undefined;
        this.onclose?.();
      });
      child.stdout!.on("data", (chunk: Buffer) => {
        this.#buffer.append(chunk);
        for (;;) {
          let message: JSONRPCMessage | null;
          try {
            message = this.#buffer.readMessage();
          } catch (error) {
            this.onerror?.(error as Error);
            continue;
          }
          if (message === null) break;
          this.onmessage?.(message);
        }
      });
      child.stderr!.on("data", (chunk: Buffer) => {
        this.#stderr = (this.#stderr + chunk.toString("utf8")).slice(-8192);
      });
      child.stdin!.on("error", (error) => this.onerror?.(error));
      child.stdout!.on("error", (error) => this.onerror?.(error));
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      const stdin = this.#child?.stdin;
      if (!stdin || stdin.destroyed) {
        reject(new Error(`the server is not running${this.#exit ? ` (${this.#exit})` : ""}`));
        return;
      }
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once("drain", resolve);
    });
  }

  /** Ends the whole process group: SIGTERM, then SIGKILL after a grace period. */
  async close(): Promise<void> {
    const child = this.#child;
    if (!child || child.pid === undefined) return;
    this.#exit ??= "stopped";
    child.stdin?.end();
    signalGroup(child, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), KILL_GRACE_MS);
    await this.#exited;
    clearTimeout(timer);
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (process.platform === "win32") child.kill(signal);
    else process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}
