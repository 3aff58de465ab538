import { buildConfigJsonSchema, type ConfigIssue, formatIssue, type GatewayRegistry } from "@bridle/core";
import { defaultPreset } from "@bridle/preset-default";
import { cliConfigSchema, type GlobalOptions, loadCliConfig } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";
import { formatTable } from "../format-table.js";
import { buildKernel } from "../runtime/load-kernel.js";
import { checkSettings } from "./check-settings.js";
import { ignoredSettingLines } from "../trust/trust-notice.js";

/** `bridle config check`: every problem with file and key path; exit 2 when there is one. */
export async function checkConfig(global: GlobalOptions): Promise<number> {
  const resolved = await loadCliConfig(global);
  const files = resolved.layers.filter((layer) => layer.kind !== "environment").map((layer) => layer.source);
  // What exists (gateways, tools) is checked too, except where the schema already found a problem.
  const reported = new Set(resolved.issues.map((issue) => issue.keyPath));
  // The gateways that exist are the ones the config's plugins define and its `gateways` add.
  const built: ConfigIssue[] = [];
  let gateways: GatewayRegistry | undefined;
  if (resolved.issues.length === 0) {
    try {
      gateways = buildKernel(resolved, process.env).gateways;
    } catch (error) {
      built.push({ file: resolved.layers.findLast((layer) => layer.value.gateways !== undefined)?.source ?? "config", keyPath: "gateways", message: (error as Error).message });
    }
  }
  const issues = [...resolved.issues, ...built, ...checkSettings(resolved.settings, resolved.layers, gateways).filter((issue) => !reported.has(issue.keyPath))];
  if (issues.length > 0) {
    process.stderr.write(`bridle: invalid configuration (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n`);
    for (const issue of issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
    return ExitCode.USAGE;
  }
  process.stdout.write(`configuration is valid\nsources, lowest precedence first:\n${files.map((file) => `  ${file}`).join("\n")}\n`);
  const trust = resolved.trust;
  if (trust.state === "trusted") {
    process.stdout.write(`${trust.file}: trusted (${trust.via === "--trust" ? "--trust" : `${trust.folder} is in trustedFolders`}), applied in full\n`);
  } else if (trust.state !== "none") {
    const ignored = ignoredSettingLines(trust);
    process.stdout.write(
      `${trust.file}: ${trust.folder} is ${trust.state === "declined" ? "declined" : "not trusted"}; ${ignored.length === 0 ? "every setting in it applies anyway" : "these settings in it were not applied, and nothing it names was loaded or run:"}\n`,
    );
    for (const line of ignored) process.stdout.write(`  ${line}\n`);
    if (ignored.length > 0) process.stdout.write(`Run \`bridle trust ${trust.folder}\` (or pass --trust) to apply them.\n`);
  }
  return ExitCode.OK;
}

/** `bridle config schema`. */
export function printConfigSchema(): number {
  process.stdout.write(`${JSON.stringify(buildConfigJsonSchema(defaultPreset.plugins, cliConfigSchema), null, 2)}\n`);
  return ExitCode.OK;
}

/** `bridle plugins`: each plugin, on or off, and which config source decided it. */
export async function listPlugins(global: GlobalOptions, options: { json?: boolean }): Promise<number> {
  const resolved = await loadCliConfig(global);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ plugins: resolved.summaries, issues: resolved.issues }, null, 2)}\n`);
  } else {
    const rows = resolved.summaries.map((summary) => [summary.name, summary.enabled ? "enabled" : "disabled", summary.decidedBy, summary.description]);
    process.stdout.write(formatTable(["plugin", "state", "decided by", "what it does"], rows));
    for (const issue of resolved.issues) process.stderr.write(`bridle: ${formatIssue(issue)}\n`);
  }
  return resolved.issues.length > 0 ? ExitCode.USAGE : ExitCode.OK;
}
