import type { Agent, CapabilityStore, GatewayRegistry, Kernel, PluginSummary, TokenCounter } from "@bridle/core";
import { describeGateways } from "../gateways/describe-gateways.js";
import { COMPACTION_UNAVAILABLE, type CompactHandler } from "./compact-handler.js";
import { contextReport } from "./context-report.js";
import { costReport } from "./cost-report.js";
import { formatTokens } from "@bridle/core";
import { gatewaysReport } from "./gateways-report.js";
import { helpReport } from "./help-report.js";
import { measureContext } from "./measure-context.js";
import type { RepairTally } from "../telemetry/repair-tally.js";
import { modelChoices } from "./model-choices.js";
import { openModelPicker, type ModelPickerState } from "./model-picker-state.js";
import type { ParsedSlashCommand } from "./parse-slash-command.js";
import { mcpReport } from "./mcp-report.js";
import { pluginsReport } from "./plugins-report.js";
import type { NewTranscriptEntry } from "./screen-state.js";
import { type SessionListing, sessionsReport } from "./sessions-report.js";
import { SLASH_COMMANDS } from "./slash-commands.js";
import { switchModel } from "./switch-model.js";
import type { UsageTotals } from "./usage-totals.js";

/** What a slash command needs from the session. */
export interface SlashContext {
  agent: Agent;
  kernel: Pick<Kernel, "models" | "plugins" | "toolSources">;
  gateways: GatewayRegistry;
  /** What `/gateways` needs to say where each gateway came from and what negotiation learned. */
  gatewayOrigins?: { plugins: readonly PluginSummary[]; builtinPlugins: ReadonlySet<string>; capabilities?: CapabilityStore };
  environment: NodeJS.ProcessEnv;
  counter: TokenCounter;
  sessionId: string;
  /** Lists this workspace's sessions; undefined when listing is not available. */
  listSessions: (() => SessionListing[]) | undefined;
  compact: CompactHandler | undefined;
  /** A turn is running. */
  busy: boolean;
  reportedTokens: number | undefined;
  totals: UsageTotals;
  /** Tool-call repairs this session; absent reads as none. */
  repairs?: RepairTally;
  /** Aborts a long command (compaction) when the user presses Ctrl-C. */
  signal: AbortSignal;
}

/** What the screen does after a command. */
export type SlashOutcome =
  | { type: "print"; entries: NewTranscriptEntry[]; /** The context changed size: the gauge recounts. */ contextChanged?: boolean }
  | { type: "pick-model"; picker: ModelPickerState }
  | { type: "exit" };

const report = (entry: NewTranscriptEntry): SlashOutcome => ({ type: "print", entries: [entry] });
const note = (text: string, tone: "info" | "warn" | "error" = "info"): SlashOutcome => report({ kind: "note", tone, text });

/** Runs one parsed slash command. Never throws: failures come back as a printed line. */
export async function runSlashCommand(command: ParsedSlashCommand, context: SlashContext): Promise<SlashOutcome> {
  if (!command.known) {
    const hint = command.suggestions.length > 0 ? `did you mean ${command.suggestions.map((name) => `/${name}`).join(", ")}?` : "type /help for the list";
    return note(`unknown command /${command.name}: ${hint}`, "error");
  }
  const info = SLASH_COMMANDS.find((entry) => entry.name === command.name);
  if (context.busy && info && !info.duringTurn) return note(`/${command.name} waits for the turn to end (ctrl-c cancels the turn)`, "warn");
  try {
    switch (command.name) {
      case "help":
        return report({ kind: "report", report: helpReport() });
      case "context":
        return report({ kind: "report", report: contextReport(measureContext(context.agent, context.kernel, context.counter), context.reportedTokens, context.repairs) });
      case "gateways":
        return report({
          kind: "report",
          report: gatewaysReport(
            describeGateways({ gateways: context.gateways, environment: context.environment, plugins: [], builtinPlugins: new Set(), ...context.gatewayOrigins }),
            context.agent.gateway,
          ),
        });
      case "cost":
        return report({ kind: "report", report: costReport(context.totals, context.kernel.models) });
      case "plugins":
        return report({ kind: "report", report: pluginsReport(context.kernel.plugins) });
      case "mcp":
        return report({ kind: "report", report: mcpReport(context.kernel.toolSources.entries().flatMap((source) => source.entries)) });
      case "sessions":
        if (!context.listSessions) return note("listing sessions is not available in this build", "warn");
        return report({ kind: "report", report: sessionsReport(context.listSessions(), context.sessionId) });
      case "model": {
        if (command.args.length === 0) {
          const current = { model: context.agent.model.id, gateway: context.agent.gateway };
          return { type: "pick-model", picker: openModelPicker(modelChoices(context.kernel.models, context.gateways.usable(context.environment), current)) };
        }
        if (command.args.length > 2) return note("usage: /model <model> [gateway]", "error");
        const [model, gateway] = command.args as [string, string | undefined];
        const entries = await switchModel(context.agent, context.kernel, context.gateways, context.environment, model, gateway);
        return { type: "print", entries, contextChanged: true };
      }
      case "compact": {
        if (!context.compact) return note(COMPACTION_UNAVAILABLE, "error");
        const outcome = await context.compact({ focus: command.rest || undefined, signal: context.signal });
        const text = `compacted the context from ${formatTokens(outcome.tokensBefore)} to ${formatTokens(outcome.tokensAfter)} tokens${outcome.message ? `: ${outcome.message}` : ""}`;
        return { type: "print", entries: [{ kind: "note", tone: "info", text }], contextChanged: true };
      }
      case "exit":
        return { type: "exit" };
      default:
        return note(`/${command.name} is not available here`, "error");
    }
  } catch (error) {
    if (context.signal.aborted) return note(`/${command.name} cancelled`, "warn");
    return note(`/${command.name} failed: ${error instanceof Error ? error.message : String(error)}`, "error");
  }
}
