import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildConfigJsonSchema } from "@bridle/core";
import { defaultPreset } from "@bridle/preset-default";
import { cliConfigSchema, type GlobalOptions } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";

/** Options of `bridle init`. */
export interface InitOptions {
  preset?: string;
  model?: string;
  gateway?: string;
  force?: boolean;
}

/** `bridle init`: writes `bridle.config.json` and its JSON Schema for editors. */
export function runInit(global: GlobalOptions, options: InitOptions): number {
  const file = path.resolve("bridle.config.json");
  if (existsSync(file) && !options.force) {
    process.stderr.write(`bridle: ${file} already exists (use --force to overwrite)\n`);
    return ExitCode.USAGE;
  }
  const schemaFile = path.resolve(".bridle", "config.schema.json");
  mkdirSync(path.dirname(schemaFile), { recursive: true });
  writeFileSync(schemaFile, `${JSON.stringify(buildConfigJsonSchema(defaultPreset.plugins, cliConfigSchema), null, 2)}\n`);
  const config: Record<string, unknown> = { $schema: "./.bridle/config.schema.json" };
  if (options.preset) config.extends = [options.preset];
  config.model = options.model ?? global.model ?? "";
  config.gateway = options.gateway ?? global.gateway ?? "";
  config.plugins = {};
  config.permissions = { mode: "ask", allow: [], deny: ["read(.env)", "read(**/.env)"] };
  if (!config.model) delete config.model;
  if (!config.gateway) delete config.gateway;
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\nwrote ${schemaFile} (for editor completion)\nnext: set a model and a gateway key, then run \`bridle config check\`\n`);
  return ExitCode.OK;
}
