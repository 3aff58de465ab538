import { realpathSync } from "node:fs";
import type { GlobalOptions } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";
import { formatReportTable } from "../interactive/report.js";
import { mcpReport } from "../interactive/mcp-report.js";
import { reportStartupError } from "../report-startup-error.js";
import { toolSourceContext } from "../runtime/create-runtime.js";
import { loadKernel } from "../runtime/load-kernel.js";

/** `bridle mcp list`. Exits 1 when a server that should start did not. */
export async function listMcpServers(global: GlobalOptions, options: { json?: boolean }): Promise<number> {
  let loaded;
  try {
    loaded = await loadKernel(global, process.cwd(), process.env);
  } catch (error) {
    return reportStartupError(error, options.json ? "json" : "text");
  }
  const { kernel, config } = loaded;
  const context = toolSourceContext(config, process.env, realpathSync(process.cwd()));
  try {
    if (kernel.toolSources.configured(context)) await kernel.toolSources.start(context);
    const servers = kernel.toolSources.entries().flatMap((source) => source.entries);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ servers: servers.map(({ calls: _calls, ...server }) => server) }, null, 2)}\n`);
    } else {
      const report = mcpReport(servers);
      const lines = [report.title, ...formatReportTable(report).map((line) => line.text), ...(report.notes ?? [])];
      process.stdout.write(`${lines.join("\n")}\n`);
    }
    return servers.some((server) => server.state === "failed") ? ExitCode.FAILURE : ExitCode.OK;
  } finally {
    await kernel.toolSources.close();
  }
}
