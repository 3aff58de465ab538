import { type ChildProcess, spawn } from "node:child_process";
import { bridleBinary } from "./cli-binary.js";

/** A running `bridle` process with its output collected. */
export interface BridleProcess {
  child: ChildProcess;
  /** stdout and stderr so far, in arrival order. */
  output(): string;
  stdout(): string;
  /** Resolves with the exit code, or the signal's name. */
  exited: Promise<number | string>;
  /** Resolves when the output contains the text; rejects after `timeoutMs` with what was printed. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

/** Starts the built `bridle` binary in `cwd` with exactly `environment`. */
export function startBridle(args: string[], where: { project: string; environment: Record<string, string> }): BridleProcess {
  const child = spawn(process.execPath, [bridleBinary, ...args], { cwd: where.project, env: where.environment, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let stdout = "";
  const listeners = new Set<() => void>();
  const collect = (into: "stdout" | "stderr") => (chunk: Buffer) => {
    output += chunk.toString();
    if (into === "stdout") stdout += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", collect("stdout"));
  child.stderr!.on("data", collect("stderr"));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return {
    child,
    output: () => output,
    stdout: () => stdout,
    exited,
    waitFor(text, timeoutMs = 15_000) {
      const found = () => (typeof text === "string" ? output.includes(text) : text.test(output));
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!found()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`bridle did not print ${String(text)} within ${timeoutMs} ms; it printed:\n${output.slice(-2000)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

/** Runs the built `bridle` binary to its end. */
export async function runBridle(args: string[], where: { project: string; environment: Record<string, string> }): Promise<{ code: number | string; output: string; stdout: string }> {
  const running = startBridle(args, where);
  const code = await running.exited;
  return { code, output: running.output(), stdout: running.stdout() };
}
