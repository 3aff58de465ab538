import { buildConfigJsonSchema, formatIssue } from "@bridle/core";
import { defaultPreset } from "@bridle/preset-default";
import type { Command } from "commander";
import { cliConfigSchema, type GlobalOptions, loadCliConfig } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";

/** `bridle config check` and `bridle config schema`. */
export function registerConfigCommand(program: Command, setExitCode: (code: number) => void): void {
  const config = program.command("config").description("Check the configuration or print its JSON Schema.");

  config
    .command("check")
    .description("Validate every config file, preset and plugin option; exit 2 when something is wrong.")
    .action(async () => {
      const resolved = await loadCliConfig(program.opts<GlobalOptions>());
      const files = resolved.layers.filter((layer) => layer.kind !== "environment").map((layer) => layer.source);
      if (resolved.issues.length > 0) {
        process.stderr.write(`bridle: invalid configuration (${resolved.issues.length} problem${resolved.issues.length === 1 ? "" : "s"}):\n`);
        for (const issue of resolved.issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
        setExitCode(ExitCode.USAGE);
        return;
      }
      process.stdout.write(`configuration is valid\nsources, lowest precedence first:\n${files.map((file) => `  ${file}`).join("\n")}\n`);
    });

  config
    .command("schema")
    .description("Print the JSON Schema of the config file, for editors.")
    .action(() => {
      process.stdout.write(`${JSON.stringify(buildConfigJsonSchema(defaultPreset.plugins, cliConfigSchema), null, 2)}\n`);
    });
}
