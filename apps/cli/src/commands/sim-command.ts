import type { Command } from "commander";

/** `bridle sim`: the gateway simulator, for pointing any OpenAI-compatible client at. */
export function registerSimCommand(program: Command): void {
  program
    .command("sim")
    .description("Serve the loopback gateway simulator (OpenAI-compatible) until Ctrl-C.")
    .option("--profile <names>", "gateway profiles to serve, comma-separated (default: all)")
    .option("--scenario <file>", "a JSON scenario scripting the model's answers")
    .option("--port <port>", "port to listen on (default: a free one)", (value) => Number.parseInt(value, 10))
    .option("--seed <seed>", "seed for node placement and ids", (value) => Number.parseInt(value, 10))
    .action(async (options: { profile?: string; scenario?: string; port?: number; seed?: number }) => {
      const { runSimCommand } = await import("@bridle/gateway-sim");
      await runSimCommand({
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.scenario ? { scenarioPath: options.scenario } : {}),
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
      });
    });
}
