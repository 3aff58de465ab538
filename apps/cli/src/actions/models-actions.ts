import { describeModel, formatModelDescription } from "@bridle/plugin-model-id";
import type { GlobalOptions } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";
import { formatTable } from "../format-table.js";
import { formatTokens } from "@bridle/core";
import { reportStartupError } from "../report-startup-error.js";
import { loadKernel } from "../runtime/load-kernel.js";

/** `bridle models`: canonical models, who serves them, at which window. */
export async function listModels(global: GlobalOptions, options: { json?: boolean; gateway?: string }): Promise<number> {
  let loaded;
  try {
    loaded = await loadKernel(global, process.cwd(), process.env);
  } catch (error) {
    return reportStartupError(error);
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
    return ExitCode.OK;
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
  return ExitCode.OK;
}

/** `bridle models resolve <model>`: exit 1 when the registry does not know the model. */
export async function resolveModel(global: GlobalOptions, input: string, options: { gateway?: string; json?: boolean }): Promise<number> {
  let loaded;
  try {
    loaded = await loadKernel(global, process.cwd(), process.env);
  } catch (error) {
    return reportStartupError(error);
  }
  const { kernel, gateways } = loaded;
  const resolved = kernel.resolveModel(input, options.gateway);
  // A model the funnel does not recognise is still known once a refreshed catalog described it.
  const model = { ...resolved, known: resolved.known || kernel.models.has(resolved.id) };
  const description = describeModel(model, kernel.models, gateways.list().map((gateway) => gateway.id));
  const json = options.json === true;
  process.stdout.write(json ? `${JSON.stringify(description, null, 2)}\n` : `${formatModelDescription(description)}\n`);
  return model.known ? ExitCode.OK : ExitCode.FAILURE;
}
