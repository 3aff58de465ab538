import { spawn } from "node:child_process";
import fs from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { killProcessGroup, trackProcessGroup } from "./kill-process-group.js";
import { OutputCollector, type CollectedOutput } from "./output-collector.js";
import type { WrappedCommand } from "./sandbox/sandbox-command.js";

/** How to run one shell command. */
export interface RunCommandOptions {
  command: string;
  cwd: string;
  env: Record<string, string>;
  /** Shell executable; runs `<shell> -c <command>`. Ignored on Windows (cmd.exe). */
  shell: string;
  timeoutMs: number;
  signal: AbortSignal;
  /** Characters of output kept before the middle is cut. */
  maxOutputChars: number;
  /** Where the complete output goes when it is cut. */
  fullOutputPath: string;
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs: number;
  /** Applied to the output before it is kept or saved (keys and secrets). */
  redact?: (text: string) => string;
  /** Bytes of output saved to `fullOutputPath` at most. Default 10 MB. */
  maxSavedBytes?: number;
  /** Runs the shell through a sandbox: the command line to spawn instead of `<shell> -c <command>`. */
  wrap?: (shell: string, command: string) => WrappedCommand;
  /** Called once the shell runs, with its pid (the id of its process group, except on Windows). */
  onSpawn?: (pid: number) => void;
  /**
   * After the shell exits, how long background processes may keep its output pipes open before
   * their group is stopped. Default 500 ms.
   */
  drainMs?: number;
}

/** How a command ended. */
export interface CommandOutcome extends CollectedOutput {
  exitCode: number | null;
  /** The signal that ended the shell, if any. */
  exitSignal: NodeJS.Signals | null;
  timedOut: boolean;
  aborted: boolean;
  /** Background processes held the output open after the shell exited and were stopped. */
  stoppedBackground: boolean;
  /** The shell could not be started. */
  spawnError?: Error;
  durationMs: number;
}

/**
 * Runs a command in its own process group with stdin closed, collecting stdout and stderr
 * interleaved in arrival order. On timeout or abort the whole group is killed (SIGTERM, then
 * SIGKILL), so children and grandchildren do not outlive the call.
 */
export function runCommand(options: RunCommandOptions): Promise<CommandOutcome> {
  const started = Date.now();
  const collector = new OutputCollector(options.maxOutputChars, options.fullOutputPath, {
    ...(options.redact ? { redact: options.redact } : {}),
    ...(options.maxSavedBytes !== undefined ? { maxSavedBytes: options.maxSavedBytes } : {}),
  });
  const windows = process.platform === "win32";
  let timedOut = false;
  let aborted = false;
  let stoppedBackground = false;
  let spawnError: Error | undefined;
  let exitCode: number | null = null;
  let exitSignal: NodeJS.Signals | null = null;

  return new Promise<CommandOutcome>((resolve) => {
    if (!windows && !fs.existsSync(options.cwd)) {
      spawnError = new Error(`working directory ${options.cwd} does not exist`);
    }
    const wrapped = !windows && options.wrap ? options.wrap(options.shell, options.command) : undefined;
    const child = spawnError
      ? undefined
      : spawn(wrapped ? wrapped.file : windows ? options.command : options.shell, wrapped ? wrapped.args : windows ? [] : ["-c", options.command], {
          cwd: options.cwd,
          env: options.env,
          detached: !windows,
          shell: windows,
          stdio: ["ignore", "pipe", "pipe"],
          windowsHide: true,
        });

    let killing: Promise<void> | undefined;
    const stop = () => {
      if (!child?.pid) return Promise.resolve();
      killing ??= killProcessGroup(child.pid, options.killGraceMs);
      return killing;
    };

    let untrack = () => {};
    let finished = false;
    const finish = async () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(drainTimer);
      options.signal.removeEventListener("abort", onAbort);
      await killing;
      // Only once the group is gone (or was never killed because its shell exited on its own).
      untrack();
      const output = await collector.finish();
      const outcome: CommandOutcome = {
        ...output,
        exitCode,
        exitSignal,
        timedOut,
        aborted,
        stoppedBackground,
        durationMs: Date.now() - started,
      };
      if (spawnError) outcome.spawnError = spawnError;
      resolve(outcome);
    };

    const onAbort = () => {
      aborted = true;
      void stop();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      void stop();
    }, options.timeoutMs);
    let drainTimer: NodeJS.Timeout | undefined;

    if (!child) {
      void finish();
      return;
    }
    if (child.pid !== undefined && !windows) untrack = trackProcessGroup(child.pid);
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener("abort", onAbort, { once: true });

    for (const stream of [child.stdout, child.stderr]) {
      const decoder = new StringDecoder("utf8");
      stream.on("data", (chunk: Buffer) => collector.append(decoder.write(chunk)));
      stream.on("end", () => collector.append(decoder.end()));
    }
    child.on("error", (error) => {
      spawnError = error;
      void finish();
    });
    child.on("exit", (code, signal) => {
      exitCode = code;
      exitSignal = signal;
      // A background child that inherited the pipes keeps 'close' from firing; stop waiting.
      drainTimer = setTimeout(() => {
        if (!timedOut && !aborted) stoppedBackground = true;
        void stop().then(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          void finish();
        });
      }, options.drainMs ?? 500);
    });
    child.on("close", () => void finish());
  });
}
