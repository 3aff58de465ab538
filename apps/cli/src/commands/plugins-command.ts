import { formatIssue } from "@bridle/core";
import type { Command } from "commander";
import { type GlobalOptions, loadCliConfig } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";

/** `bridle plugins`: each plugin, on or off, and which config source decided it. */
export function registerPluginsCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("plugins")
    .description("List plugins, whether each is enabled, and which config file decided it.")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const resolved = await loadCliConfig(program.opts<GlobalOptions>());
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ plugins: resolved.summaries, issues: resolved.issues }, null, 2)}\n`);
      } else {
        const rows = resolved.summaries.map((summary) => [summary.name, summary.enabled ? "enabled" : "disabled", summary.decidedBy, summary.description]);
        process.stdout.write(formatTable(["plugin", "state", "decided by", "what it does"], rows));
        for (const issue of resolved.issues) process.stderr.write(`bridle: ${formatIssue(issue)}\n`);
      }
      if (resolved.issues.length > 0) setExitCode(ExitCode.USAGE);
    });
}

/** A plain left-aligned text table. */
export function formatTable(header: string[], rows: string[][]): string {
  if (rows.length === 0) return `${header.join("  ")}\n(none)\n`;
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join("  ");
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}
