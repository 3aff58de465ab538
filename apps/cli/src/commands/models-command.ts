import type { Command } from "commander";
import type { GlobalOptions } from "../cli-config.js";

/** `bridle models` and `bridle models resolve <slug>`. */
export function registerModelsCommand(program: Command, setExitCode: (code: number) => void): void {
  const models = program
    .command("models")
    .description("List canonical models, the gateways that serve them and their windows.")
    .option("--json", "print JSON")
    .option("--gateway <gateway>", "only models this gateway serves")
    .action(async (options: { json?: boolean; gateway?: string }) => {
      const { listModels } = await import("../actions/models-actions.js");
      setExitCode(await listModels(program.opts<GlobalOptions>(), options));
    });

  models
    .command("resolve")
    .description("Show how a model string resolves: canonical id, registry facts, and its slug on each gateway.")
    .argument("<model>", "a model id in any gateway's spelling")
    .option("--gateway <gateway>", "the gateway the string comes from")
    .option("--json", "print JSON")
    .action(async (input: string, options: { gateway?: string; json?: boolean }) => {
      const { resolveModel } = await import("../actions/models-actions.js");
      // `--json` after the subcommand may be parsed as the parent's option: accept either.
      const json = options.json === true || models.opts<{ json?: boolean }>().json === true;
      setExitCode(await resolveModel(program.opts<GlobalOptions>(), input, { ...options, json }));
    });
}
