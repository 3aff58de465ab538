import path from "node:path";
import { render } from "ink";
import { ExitCode } from "../exit-codes.js";
import { handleSignals, SIGNAL_EXIT_CODES } from "../runtime/handle-signals.js";
import { packageVersion } from "../package-version.js";
import type { Runtime } from "../runtime/create-runtime.js";
import { sessionsWithContent } from "../runtime/sessions-with-content.js";
import { type CompactHandler, compactHandlerFor } from "./compact-handler.js";
import { InteractiveApp, type ReopenRequest } from "./interactive-app.js";
import type { PermissionBridge } from "./permission-bridge.js";
import { resumeRecap } from "./resume-recap.js";
import type { NewTranscriptEntry } from "./screen-state.js";
import type { SessionListing } from "./sessions-report.js";

/** Options of {@link runInteractive}. */
export interface InteractiveOptions {
  /** A prompt to send as soon as the screen is up (the demo's task). */
  initialPrompt?: string;
  /** The bridge whose `ask` the runtime was created with; without one, calls that need asking are refused. */
  permissions?: PermissionBridge;
  /** The environment the runtime was created with (gateway keys); `process.env` by default. */
  environment?: NodeJS.ProcessEnv;
  /** Runs `/compact`; {@link compactHandlerFor} by default, and without one `/compact` says compaction is not available. */
  compact?: CompactHandler;
  /** Lists the sessions in a directory for `/sessions`, newest first; the session log's own listing by default. */
  listSessions?: (directory: string) => SessionListing[];
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

/** What `/clear`, `/new` and `/resume` need: a new runtime for a new session, or for `resume`. */
export type ReopenRuntime = (request: ReopenRequest & { model: string; gateway: string }) => Promise<Runtime>;

/**
 * Runs the interactive screen on the terminal until the user leaves (`/exit`, Ctrl-D, Ctrl-C
 * twice), then closes the runtime. `/clear`, `/new` and `/resume` close the runtime and open the
 * next one through `reopen`, on the same terminal. Resolves with the exit code.
 */
export async function runInteractive(runtime: Runtime, options: InteractiveOptions & { reopen?: ReopenRuntime } = {}): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  let current = runtime;
  let screenOptions = options;
  for (;;) {
    const { code, reopen } = await runScreen(current, screenOptions, stdout);
    // The first prompt (the demo's task) belongs to the first session only.
    screenOptions = { ...options, initialPrompt: undefined };
    if (current.agent.messages.length > 0) {
      stdout.write(`session ${current.session.id} · continue it with \`bridle -c\` or \`bridle --resume ${current.session.id}\`\n`);
    }
    if (!reopen || !options.reopen) return code;
    // The terminal's scrollback goes too, so the new conversation starts on a clean screen.
    if (reopen.clear) stdout.write("\u001B[2J\u001B[3J\u001B[H");
    try {
      current = await options.reopen({ ...reopen, model: current.agent.model.id, gateway: current.agent.gateway });
    } catch (error) {
      stdout.write(`bridle: could not open the session: ${error instanceof Error ? error.message : String(error)}\n`);
      return ExitCode.FAILURE;
    }
  }
}

/** One screen on one runtime, until the user leaves or asks for another session. */
async function runScreen(runtime: Runtime, options: InteractiveOptions & { reopen?: ReopenRuntime }, stdout: NodeJS.WriteStream): Promise<{ code: number; reopen?: ReopenRequest }> {
  const sessionsDirectory = path.dirname(runtime.session.file);
  const listSessions = options.listSessions ?? sessionsWithContent;
  let exitCode: number = ExitCode.OK;
  let reopen: ReopenRequest | undefined;
  let stop: ((code: number, reason: string) => void) | undefined;
  const signals = handleSignals({
    stop: (signal) => (stop ? stop(SIGNAL_EXIT_CODES[signal], `received ${signal}`) : instance.unmount()),
    cleanup: () => {
      instance.unmount();
      runtime.close();
    },
  });
  const instance = render(
    <InteractiveApp
      runtime={runtime}
      environment={options.environment ?? process.env}
      permissions={options.permissions}
      compact={options.compact ?? compactHandlerFor(runtime)}
      listSessions={() => listSessions(sessionsDirectory)}
      intro={introEntries(runtime)}
      lateFeed={runtime.lateFeed}
      initialPrompt={options.initialPrompt}
      rows={stdout.rows || 24}
      onExit={(code) => {
        exitCode = code;
        instance.unmount();
      }}
      {...(options.reopen
        ? {
            onReopen: (request: ReopenRequest) => {
              reopen = request;
              instance.unmount();
            },
          }
        : {})}
      registerStop={(registered) => {
        stop = registered;
      }}
    />,
    { stdout, ...(options.stdin ? { stdin: options.stdin } : {}), exitOnCtrlC: false },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    signals.dispose();
    runtime.close();
  }
  return { code: exitCode, ...(reopen ? { reopen } : {}) };
}

/** The banner and whatever the runtime reported while starting. */
function introEntries(runtime: Runtime): NewTranscriptEntry[] {
  const { agent, session } = runtime;
  const resumed = session.resumed ? ` (resumed, ${agent.messages.length} messages)` : "";
  return [
    {
      kind: "banner",
      title: `bridle ${packageVersion}`,
      lines: [
        `${agent.model.id} @ ${agent.gateway} · permissions: ${runtime.permissionMode} · session ${session.id}${resumed}`,
        `workspace ${runtime.workspace}`,
        "/help lists commands · ctrl-c cancels a turn · ctrl-d exits",
      ],
    },
    ...runtime.startupFeed.map((event): NewTranscriptEntry => ({ kind: "feed", level: event.level, message: event.message })),
    ...(session.resumed ? resumeRecap(agent.messages) : []),
  ];
}
