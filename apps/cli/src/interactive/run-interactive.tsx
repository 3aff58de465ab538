import path from "node:path";
import { listSessions as listSessionFiles } from "@bridle/core";
import { render } from "ink";
import { ExitCode } from "../exit-codes.js";
import { handleSignals, SIGNAL_EXIT_CODES } from "../runtime/handle-signals.js";
import { packageVersion } from "../package-version.js";
import type { Runtime } from "../runtime/create-runtime.js";
import { type CompactHandler, compactHandlerFor } from "./compact-handler.js";
import { InteractiveApp } from "./interactive-app.js";
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

/**
 * Runs the interactive screen on the terminal until the user leaves (`/exit`, Ctrl-D, Ctrl-C
 * twice), then closes the runtime. Resolves with the exit code.
 */
export async function runInteractive(runtime: Runtime, options: InteractiveOptions = {}): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const sessionsDirectory = path.dirname(runtime.session.file);
  const listSessions = options.listSessions ?? listSessionFiles;
  let exitCode: number = ExitCode.OK;
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
      initialPrompt={options.initialPrompt}
      rows={stdout.rows || 24}
      onExit={(code) => {
        exitCode = code;
        instance.unmount();
      }}
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
  if (runtime.agent.messages.length > 0) {
    stdout.write(`session ${runtime.session.id} · continue it with \`bridle -c\` or \`bridle --resume ${runtime.session.id}\`\n`);
  }
  return exitCode;
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
