import { realpathSync } from "node:fs";
import { fetchSameOrigin, formatIssue, sessionsDirectory } from "@bridle/core";
import { detectSandbox, permissionsConfigSchema } from "@bridle/tools";
import { type GlobalOptions, loadCliConfig } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";
import { formatTable } from "../format-table.js";
import { loadKernel } from "../runtime/load-kernel.js";
import { formatRepairTally } from "../telemetry/repair-tally.js";
import { sessionRepairs } from "../telemetry/session-repairs.js";

/** How long a reachability check may take per gateway. */
const PROBE_TIMEOUT_MS = 5_000;

/** `bridle doctor`: config valid, which keys are present, whether each usable gateway answers. */
export async function runDoctor(global: GlobalOptions, options: { offline?: boolean }): Promise<number> {
  const config = await loadCliConfig(global);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (config.issues.length > 0) {
    out(`✗ configuration: ${config.issues.length} problem(s)`);
    for (const issue of config.issues) out(`    ${formatIssue(issue)}`);
    return ExitCode.USAGE;
  }
  out(`✓ configuration: ${config.layers.filter((layer) => layer.kind === "user" || layer.kind === "project").map((layer) => layer.source).join(", ") || "defaults only"}`);
  const { gateways, kernel, settings } = await loadKernel(global, process.cwd(), process.env);
  out(`✓ plugins: ${kernel.plugins.map((plugin) => `${plugin.name}${plugin.enabled ? "" : " (off)"}`).join(", ") || "none"}`);
  if (settings.model) {
    const model = kernel.resolveModel(settings.model, settings.gateway);
    out(`${model.known ? "✓" : "!"} model: ${settings.model} → ${model.id}${model.known ? "" : " (unknown to the registry: conservative limits)"}`);
  } else {
    out("! model: none configured (set \"model\" in bridle.config.json or pass --model)");
  }
  const sandboxMode = permissionsConfigSchema.parse(settings.permissions ?? {}).sandbox;
  const sandbox = sandboxMode === "auto" ? detectSandbox() : undefined;
  out(
    sandbox === undefined
      ? '! sandbox: off (permissions.sandbox is "off"): bash commands can write anywhere and use the network'
      : sandbox.available
        ? `✓ sandbox: ${sandbox.kind} (${sandbox.executable}): bash writes only in the workspace, no network unless a "network" allow rule grants it`
        : `! sandbox: unavailable, bash runs unsandboxed: ${sandbox.reason}`,
  );
  const rows: string[][] = [];
  let reachable = 0;
  let failed = 0;
  for (const gateway of gateways.list()) {
    const key = gateways.apiKey(gateway.id, process.env);
    const keyState = gateway.local ? "not needed" : key ? `set (${gateway.apiKeyEnv})` : `missing (${gateway.apiKeyEnv ?? "no variable"})`;
    let status = "skipped";
    if (!options.offline && (key || (gateway.local && gateway.id === settings.gateway))) {
      status = await probe(gateway.baseURL, key);
      if (status.startsWith("ok")) reachable += 1;
      else failed += 1;
    }
    if (key || gateway.local || gateway.id === settings.gateway) rows.push([gateway.id, keyState, gateway.baseURL, status]);
  }
  out("");
  process.stdout.write(formatTable(["gateway", "key", "base URL", "reachable"], rows));
  if (rows.length === 0) out("No gateway key is set. Run `bridle demo` to see Bridle work offline.");
  const { tally, sessions } = sessionRepairs(sessionsDirectory(process.env, realpathSync(process.cwd())));
  const repaired = formatRepairTally(tally);
  out("");
  out(repaired.length > 0 ? `tool-call repairs in this workspace's last ${sessions} session(s):` : `no tool-call repairs recorded in this workspace's sessions (${sessions} read)`);
  for (const line of repaired.slice(0, 20)) out(`  ${line}`);
  return failed > 0 && reachable === 0 ? ExitCode.FAILURE : ExitCode.OK;
}

/** GET /models with the gateway's own key; reports status, never the key. */
async function probe(baseURL: string, key: string | undefined): Promise<string> {
  const started = Date.now();
  try {
    const response = await fetchSameOrigin()(`${baseURL.replace(/\/$/, "")}/models`, {
      headers: key ? { authorization: `Bearer ${key}` } : {},
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await response.body?.cancel();
    const elapsed = Date.now() - started;
    if (response.ok) return `ok (${elapsed} ms)`;
    return `HTTP ${response.status}${response.status === 401 || response.status === 403 ? " (key rejected)" : ""}`;
  } catch (error) {
    return `unreachable (${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)})`;
  }
}
