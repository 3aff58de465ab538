import { describeModel, formatModelDescription } from "@bridle/plugin-model-id";
import type { Command } from "commander";
import type { GlobalOptions } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";
import { reportStartupError } from "../report-startup-error.js";
import { loadKernel } from "../runtime/load-kernel.js";
import { formatTable } from "./plugins-command.js";

/** `bridle models` and `bridle models resolve <slug>`. */
export function registerModelsCommand(program: Command, setExitCode: (code: number) => void): void {
  const models = program
    .command("models")
    .description("List canonical models, the gateways that serve them and their windows.")
    .option("--json", "print JSON")
    .option("--gateway <gateway>", "only models this gateway serves")
    .action(async (options: { json?: boolean; gateway?: string }) => {
      let loaded;
      try {
        loaded = await loadKernel(program.opts<GlobalOptions>(), process.cwd(), process.env);
      } catch (error) {
        setExitCode(reportStartupError(error));
        return;
      }
      const { kernel, gateways } = loaded;
      const keyed = new Set(gateways.usable(process.env).map((gateway) => gateway.id));
      const rows = kernel.models
        .list()
        .map((info) => {
          const served = Object.keys(info.gateways ?? {}).filter((gateway) => gateways.get(gateway));
          return { info, served };
        })
        .filter(({ served }) => !options.gateway || served.includes(options.gateway))
        .sort((a, b) => a.info.id.localeCompare(b.info.id));
      if (options.json) {
        const data = rows.map(({ info, served }) => ({
          id: info.id,
          family: info.family,
          contextWindow: info.contextWindow,
          maxOutputTokens: info.maxOutputTokens,
          gateways: served.map((gateway) => ({ gateway, keyPresent: keyed.has(gateway), ...kernel.models.limits(info.id as never, gateway) })),
        }));
        process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        return;
      }
      const table = rows.map(({ info, served }) => [
        info.id,
        formatTokens(info.contextWindow),
        formatTokens(info.maxOutputTokens),
        served
          .map((gateway) => {
            const window = kernel.models.limits(info.id as never, gateway).contextWindow;
            return `${gateway}${keyed.has(gateway) ? "*" : ""}${window !== info.contextWindow ? ` (${formatTokens(window)})` : ""}`;
          })
          .join(", "),
      ]);
      process.stdout.write(formatTable(["model", "window", "max out", "gateways (* = key set; smaller window in brackets)"], table));
    });

  models
    .command("resolve")
    .description("Show how a model string resolves: canonical id, registry facts, and its slug on each gateway.")
    .argument("<model>", "a model id in any gateway's spelling")
    .option("--gateway <gateway>", "the gateway the string comes from")
    .option("--json", "print JSON")
    .action(async (input: string, options: { gateway?: string; json?: boolean }) => {
      let loaded;
      try {
        loaded = await loadKernel(program.opts<GlobalOptions>(), process.cwd(), process.env);
      } catch (error) {
        setExitCode(reportStartupError(error));
        return;
      }
      const { kernel, gateways } = loaded;
      const model = kernel.resolveModel(input, options.gateway);
      const description = describeModel(model, kernel.models, gateways.list().map((gateway) => gateway.id));
      // `--json` after the subcommand may be parsed as the parent's option: accept either.
      const json = options.json === true || models.opts<{ json?: boolean }>().json === true;
      process.stdout.write(json ? `${JSON.stringify(description, null, 2)}\n` : `${formatModelDescription(description)}\n`);
      if (!model.known) setExitCode(ExitCode.FAILURE);
    });
}

export function formatTokens(tokens: number): string {
  if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(2))}M`;
  if (tokens >= 1_000) return `${Math.round(tokens / 1_000)}k`;
  return String(tokens);
}
