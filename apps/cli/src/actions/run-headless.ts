import type { AgentEvent } from "@bridle/core";
import type { GlobalOptions } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";
import { keepsInSummary, summarizeRun } from "../headless/run-summary.js";
import { createTextRenderer } from "../headless/text-renderer.js";
import { reportStartupError } from "../report-startup-error.js";
import { createRuntime } from "../runtime/create-runtime.js";
import { handleSignals } from "../runtime/handle-signals.js";

/** Options of `bridle run`. */
export interface RunOptions {
  output: "text" | "json" | "stream-json";
  yes?: boolean;
  allowEdits?: boolean;
  continue?: boolean;
  resume?: string;
  forkSession?: boolean;
}

/** One headless turn: renders events as text, one JSON object, or one JSON event per line. */
export async function runHeadless(task: string, global: GlobalOptions, options: RunOptions): Promise<number> {
  const startedAt = Date.now();
  let runtime;
  try {
    runtime = await createRuntime({
      global,
      cwd: process.cwd(),
      environment: process.env,
      ...(options.resume ? { resume: options.resume } : options.continue ? { resume: true as const } : {}),
      ...(options.forkSession ? { forkSession: true } : {}),
      ...(options.yes ? { permissionMode: "allow-all" as const } : options.allowEdits ? { permissionMode: "allow-edits" as const } : {}),
    });
  } catch (error) {
    return reportStartupError(error, options.output);
  }
  const controller = new AbortController();
  const started = runtime;
  const signals = handleSignals({
    stop: (signal) => controller.abort(new Error(`received ${signal}`)),
    cleanup: () => started.close(),
  });

  const events: AgentEvent[] = [];
  const write = (event: AgentEvent) => process.stdout.write(`${JSON.stringify(event)}\n`);
  const render = options.output === "text" ? createTextRenderer(process.stdout, process.stderr, (gateway) => runtime.gateways.get(gateway)?.apiKeyEnv) : options.output === "stream-json" ? write : (event: AgentEvent) => events.push(event);
  const late = runtime.lateFeed.then((feed) => {
    for (const event of feed) render({ type: "feed", event });
  });
  try {
    // The session line comes first; then what happened while starting, in order.
    if (options.output === "stream-json") {
      process.stdout.write(`${JSON.stringify({ type: "session", id: runtime.session.id, file: runtime.session.file, resumed: runtime.session.resumed, model: runtime.agent.model.id, gateway: runtime.agent.gateway })}\n`);
    }
    for (const event of runtime.startupFeed) render({ type: "feed", event });
    for (const event of runtime.startupEvents) render(event);
    const result = await runtime.agent.runTurn(task, { signal: controller.signal, onEvent: render });
    await late;
    if (options.output === "json") {
      const text = events.filter((event) => event.type === "assistant").map((event) => (event.type === "assistant" ? (event.message.content ?? "") : "")).filter(Boolean).at(-1) ?? "";
      const totals = summarizeRun(events, runtime.kernel.models, Date.now() - startedAt);
      const summary = { result: text, reason: result.reason, message: result.message, session: runtime.session.id, model: runtime.agent.model.id, gateway: runtime.agent.gateway, ...totals, events: events.filter(keepsInSummary) };
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    }
    return signals.exitCode(result.reason === "stop" ? ExitCode.OK : result.reason === "aborted" ? ExitCode.INTERRUPTED : ExitCode.FAILURE);
  } finally {
    signals.dispose();
    runtime.close();
  }
}
