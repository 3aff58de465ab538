import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildConfigJsonSchema } from "@bridle/core";
import { defaultPreset } from "@bridle/preset-default";
import type { Command } from "commander";
import { cliConfigSchema } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";

/** `bridle init`: writes a project config (and its JSON Schema for editors). */
export function registerInitCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("init")
    .description("Write bridle.config.json in this directory, optionally extending a preset.")
    .option("--preset <preset>", "a preset to extend: an npm package name or a relative path")
    .option("--model <model>", "the model to use")
    .option("--gateway <gateway>", "the gateway to use")
    .option("--force", "overwrite an existing bridle.config.json")
    .action((options: { preset?: string; model?: string; gateway?: string; force?: boolean }) => {
      const file = path.resolve("bridle.config.json");
      if (existsSync(file) && !options.force) {
        process.stderr.write(`bridle: ${file} already exists (use --force to overwrite)\n`);
        setExitCode(ExitCode.USAGE);
        return;
      }
      const schemaFile = path.resolve(".bridle", "config.schema.json");
      mkdirSync(path.dirname(schemaFile), { recursive: true });
      writeFileSync(schemaFile, `${JSON.stringify(buildConfigJsonSchema(defaultPreset.plugins, cliConfigSchema), null, 2)}\n`);
      const config: Record<string, unknown> = { $schema: "./.bridle/config.schema.json" };
      if (options.preset) config.extends = [options.preset];
      config.model = options.model ?? program.opts<{ model?: string }>().model ?? "";
      config.gateway = options.gateway ?? program.opts<{ gateway?: string }>().gateway ?? "";
      config.plugins = {};
      config.permissions = { mode: "ask", allow: [], deny: ["read(.env)", "read(**/.env)"] };
      if (!config.model) delete config.model;
      if (!config.gateway) delete config.gateway;
      writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
      process.stdout.write(`wrote ${file}\nwrote ${schemaFile} (for editor completion)\nnext: set a model and a gateway key, then run \`bridle config check\`\n`);
    });
}
