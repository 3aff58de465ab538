import fs from "node:fs";
import { z } from "zod";
import { collectSecrets, createRedactor, type Tool, type ToolResult } from "@bridle/core";
import { defineTool } from "./define-tool.js";
import { limits } from "./limits.js";
import type { SandboxMode } from "./permissions/permissions-config.js";
import { processStartMarker } from "./process-group.js";
import { allowsNetwork } from "./sandbox/allows-network.js";
import { probeSandbox, type SandboxStatus } from "./sandbox/detect-sandbox.js";
import { bubblewrapCommand, sandboxExecCommand, type WrappedCommand } from "./sandbox/sandbox-command.js";
import { runCommand, type CommandOutcome } from "./run-command.js";
import { sanitizeTerminalOutput } from "./sanitize-terminal-output.js";
import { scrubEnvironment } from "./scrub-environment.js";
import { toolOutputPath } from "./tool-output-path.js";

const parameters = z.object({
  command: z.string().min(1).describe("The shell command to run, in the workspace root."),
  timeout: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      `Timeout in milliseconds. Default ${limits.bashDefaultTimeoutMs} (2 minutes), maximum ${limits.bashMaxTimeoutMs} (10 minutes).`,
    ),
  description: z.string().optional().describe("A few words on what the command does, shown to the user."),
});

/** Arguments of the `bash` tool. */
export type BashArguments = z.infer<typeof parameters>;

/** Options of the `bash` tool. */
export interface BashToolOptions {
  /** Environment the child starts from, before secrets are removed. Default `process.env`. */
  environment?: Readonly<Record<string, string | undefined>>;
  /** Variable names passed through even though they look secret. Default none. */
  keepEnvironment?: readonly string[];
  /** Shell executable. Default `/bin/bash`, or `/bin/sh` where there is no bash. */
  shell?: string;
  /** Characters of output the model sees before the middle is cut. Default 30,000. */
  maxOutputChars?: number;
  /** Timeout when the call gives none, in ms. Default 120,000. */
  defaultTimeoutMs?: number;
  /** Largest timeout a call may ask for, in ms. Default 600,000. */
  maxTimeoutMs?: number;
  /** Time between SIGTERM and SIGKILL when stopping a command. Default 1,000 ms. */
  killGraceMs?: number;
  /** Applied to the output before the model sees it or it is saved. Default: key shapes and the environment's secrets. */
  redact?: (text: string) => string;
  /** Bytes of a call's output saved to its file at most. Default 10 MB. */
  maxSavedOutputBytes?: number;
  /**
   * `auto` runs each command in the operating system's sandbox when there is one (see
   * `detectSandbox`): the workspace writable, the rest read-only, no network unless an allow rule
   * `network` / `network(<command>)` grants it. Default `off`. `status` is what was found, or the
   * finding still under way (`probeSandbox`); the first command waits for it.
   */
  sandbox?: { mode: SandboxMode; allow?: readonly string[]; status?: SandboxStatus | Promise<SandboxStatus> };
}

const description =
  "Run a shell command (bash) in the workspace root and return its combined stdout and stderr and its exit code. " +
  "stdin is closed, so interactive commands fail. Output over 30,000 characters is cut to its start and end, " +
  "with the full output saved to a file. For files, prefer the read, grep, glob and ls tools over cat, grep, find and ls.";

// Variables that keep common tools from waiting on a pager or a password prompt nobody can answer.
const NON_INTERACTIVE = { GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", PAGER: "cat" } as const;

/**
 * The `bash` tool. Each command runs in its own process group with a scrubbed environment (no API
 * keys or secrets), a timeout that kills the whole group, and output capped with the complete
 * output saved under `<sessionDirectory>/tool-output/`. A non-zero exit code is reported, not
 * treated as a tool failure; timeouts, aborts and spawn failures are.
 */
export function createBashTool(options: BashToolOptions = {}): Tool<typeof parameters> {
  const maxTimeoutMs = options.maxTimeoutMs ?? limits.bashMaxTimeoutMs;
  const sandbox = sandboxWrapper(options.sandbox);
  const redact = options.redact ?? createRedactor({ secrets: collectSecrets(options.environment ?? process.env) });
  const defaultTimeoutMs = Math.min(options.defaultTimeoutMs ?? limits.bashDefaultTimeoutMs, maxTimeoutMs);
  return defineTool({
    name: "bash",
    description,
    kind: "execute",
    parameters,
    async run(args, context): Promise<ToolResult> {
      const requested = args.timeout ?? defaultTimeoutMs;
      const timeoutMs = Math.min(requested, maxTimeoutMs);
      const env = {
        ...scrubEnvironment(options.environment ?? process.env, { keep: options.keepEnvironment ?? [] }),
        ...NON_INTERACTIVE,
        PWD: context.workspace,
      };
      const wrap = await sandbox?.(context.workspace);
      const outcome = await runCommand({
        command: args.command,
        cwd: context.workspace,
        env,
        shell: options.shell ?? defaultShell(),
        timeoutMs,
        signal: context.signal,
        maxOutputChars: options.maxOutputChars ?? limits.bashOutputChars,
        fullOutputPath: toolOutputPath(context.sessionDirectory, context.callId, "log"),
        killGraceMs: options.killGraceMs ?? limits.bashKillGraceMs,
        redact,
        maxSavedBytes: options.maxSavedOutputBytes ?? limits.bashSavedOutputBytes,
        ...(wrap ? { wrap } : {}),
        onSpawn: (pid) => {
          const startMarker = processStartMarker(pid);
          context.onProcess?.({ pid, command: args.command, ...(startMarker ? { startMarker } : {}) });
        },
      });
      const result = formatOutcome(outcome, timeoutMs, requested > maxTimeoutMs ? maxTimeoutMs : undefined);
      const label = args.description?.trim() || firstLine(args.command);
      const status = outcome.timedOut
        ? "timed out"
        : outcome.aborted
          ? "aborted"
          : outcome.spawnError
            ? "failed to start"
            : `exit ${outcome.exitCode ?? outcome.exitSignal}`;
      return { ...result, display: { summary: `${label} (${status})` } };
    },
  });
}

function formatOutcome(outcome: CommandOutcome, timeoutMs: number, clampedTo: number | undefined): ToolResult {
  if (outcome.spawnError) {
    return { content: `The command could not be started: ${outcome.spawnError.message}`, isError: true };
  }
  const output = sanitizeTerminalOutput(outcome.text).replace(/\n+$/, "");
  const notes: string[] = [];
  if (clampedTo !== undefined) notes.push(`timeout lowered to the ${clampedTo / 1000} s maximum`);
  if (outcome.timedOut) {
    notes.push(`timed out after ${formatSeconds(timeoutMs)}; the command and its child processes were killed`);
  } else if (outcome.aborted) {
    notes.push("aborted; the command and its child processes were killed");
  } else if (outcome.exitCode !== null) {
    notes.push(`exit code ${outcome.exitCode}`);
  } else {
    notes.push(`killed by ${outcome.exitSignal}`);
  }
  if (outcome.stoppedBackground) {
    notes.push(
      "background processes still writing to the output were stopped; redirect their output (cmd > file 2>&1 &) to keep them running",
    );
  }
  const body = output === "" ? "(no output)" : output;
  return {
    content: `${body}\n\n[${notes.join("; ")}]`,
    isError: outcome.timedOut || outcome.aborted,
  };
}

/**
 * How to wrap each command in a workspace for the sandbox, once the sandbox is known; `undefined`
 * when commands run unsandboxed (the sandbox is off, or there is none).
 */
function sandboxWrapper(settings: BashToolOptions["sandbox"]): ((workspace: string) => Promise<((shell: string, command: string) => WrappedCommand) | undefined>) | undefined {
  if (!settings || settings.mode === "off") return undefined;
  return async (workspace) => {
    const status = await (settings.status ?? probeSandbox());
    if (!status.available) return undefined;
    return (shell, command) => {
      const policy = { workspace, network: allowsNetwork(command, settings.allow) };
      return status.kind === "bubblewrap" ? bubblewrapCommand(status.executable, shell, command, policy) : sandboxExecCommand(status.executable, shell, command, policy);
    };
  };
}

function defaultShell(): string {
  // Always bash when present: models write bash, and zsh or fish differ in globbing and syntax.
  return fs.existsSync("/bin/bash") ? "/bin/bash" : "/bin/sh";
}

function firstLine(command: string): string {
  const line = command.trim().split("\n", 1)[0] ?? "";
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function formatSeconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${(milliseconds / 1000).toFixed(1)} s`;
}
