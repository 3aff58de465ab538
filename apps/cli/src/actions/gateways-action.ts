import { CapabilityStore, capabilitiesFile } from "@bridle/core";
import { defaultPreset } from "@bridle/preset-default";
import type { GlobalOptions } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";
import { formatTable } from "../format-table.js";
import { describeGateways, GATEWAY_COLUMNS, gatewayCells } from "../gateways/describe-gateways.js";
import { probeGateway, type ProbeResult } from "../gateways/probe-gateway.js";
import { reportStartupError } from "../report-startup-error.js";
import { loadKernel } from "../runtime/load-kernel.js";

/**
 * `bridle gateways [--check] [--json]`: every gateway, where it was defined, whether its key
 * variable is set (never the value), its base URL and what negotiation remembered. `--check`
 * asks each usable gateway for its model list; the exit code is 1 when any probe failed.
 */
export async function listGateways(global: GlobalOptions, options: { json?: boolean; check?: boolean }): Promise<number> {
  let loaded;
  try {
    loaded = await loadKernel(global, process.cwd(), process.env);
  } catch (error) {
    return reportStartupError(error);
  }
  const environment = process.env;
  const overview = describeGateways({
    gateways: loaded.gateways,
    environment,
    capabilities: new CapabilityStore(capabilitiesFile(environment)),
    plugins: loaded.config.summaries,
    builtinPlugins: new Set(defaultPreset.plugins.map((plugin) => plugin.name)),
  });
  const probes = new Map<string, ProbeResult>();
  if (options.check) {
    const results = await Promise.all(overview.map(async (gateway) => [gateway.id, await probeGateway(loaded.gateways, gateway.id, environment)] as const));
    for (const [id, result] of results) probes.set(id, result);
  }
  if (options.json) {
    const data = overview.map((gateway) => ({ ...gateway, ...(probes.has(gateway.id) ? { check: probes.get(gateway.id) } : {}) }));
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  } else {
    const rows = overview.map((gateway) => [...gatewayCells(gateway), ...(options.check ? [probes.get(gateway.id)?.summary ?? "-"] : [])]);
    process.stdout.write(formatTable([...GATEWAY_COLUMNS, ...(options.check ? ["check"] : [])], rows));
  }
  const failed = [...probes.values()].some((probe) => !probe.ok && !probe.summary.startsWith("not probed"));
  return failed ? ExitCode.FAILURE : ExitCode.OK;
}
