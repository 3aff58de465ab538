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

/**
 * `bridle init`: writes `bridle.config.json` and its JSON Schema for editors. Without `--model`,
 * it asks which of the models the usable gateways serve to use (in a terminal), or takes the
 * first one it detects (without one), and writes that model and its gateway.
 */
export async function runInit(global: GlobalOptions, options: InitOptions): Promise<number> {
  const file = path.resolve("bridle.config.json");
  if (existsSync(file) && !options.force) {
    process.stderr.write(`bridle: ${file} already exists (use --force to overwrite)\n`);
    return ExitCode.USAGE;
  }
  let model = options.model ?? global.model;
  let gateway = options.gateway ?? global.gateway;
  let detected = "";
  if (!model) {
    const target = await chooseModel({ ...global, ...(gateway ? { gateway } : {}) });
    if (target === "interrupted") return ExitCode.INTERRUPTED;
    if (target) {
      model = target.model;
      gateway ??= target.gateway;
      detected = target.how;
    }
  }
  // Written once the choice is made: a question left with Ctrl-C leaves nothing behind.
  const schemaFile = path.resolve(".bridle", "config.schema.json");
  mkdirSync(path.dirname(schemaFile), { recursive: true });
  writeFileSync(schemaFile, `${JSON.stringify(buildConfigJsonSchema(defaultPreset.plugins, cliConfigSchema), null, 2)}\n`);
  const config: Record<string, unknown> = { $schema: "./.bridle/config.schema.json" };
  if (options.preset) config.extends = [options.preset];
  config.model = model ?? "";
  config.gateway = gateway ?? "";
  config.plugins = {};
  config.permissions = { mode: "ask", allow: [], deny: ["read(.env)", "read(**/.env)"] };
  if (!config.model) delete config.model;
  if (!config.gateway) delete config.gateway;
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  const next = model ? `${detected}model ${model} @ ${gateway ?? "the first gateway with a key"}; next: run \`bridle\`` : "no gateway answered with a model: set a gateway's key (or start a local server), then run `bridle init --force` or set \"model\"";
  process.stdout.write(`wrote ${file}\nwrote ${schemaFile} (for editor completion)\n${next}\n`);
  return ExitCode.OK;
}

/** Asks which served model to use, or (without a terminal) takes the first one detected. */
async function chooseModel(global: GlobalOptions): Promise<{ model: string; gateway: string; how: string } | "interrupted" | undefined> {
  const { askLine } = await import("../interactive/start-interactive.js");
  const { pickStartModel, servedChoices } = await import("../interactive/first-start.js");
  if (process.stdin.isTTY && process.stdout.isTTY) {
    const chosen = await pickStartModel(global, askLine, (text) => process.stderr.write(text), "config");
    return chosen === "interrupted" || chosen === undefined ? chosen : { ...chosen, how: "chosen: " };
  }
  const first = (await servedChoices(global))[0];
  return first ? { ...first, how: `detected (the first model ${first.gateway} serves; change it in the file): ` } : undefined;
}
