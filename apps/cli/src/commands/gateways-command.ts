import type { Command } from "commander";
import type { GlobalOptions } from "../cli-config.js";

/** `bridle gateways [--check]`: every gateway, where it was defined, its key variable, base URL and negotiated capabilities. */
export function registerGatewaysCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("gateways")
    .description("List gateways: where each was defined, whether its key is set, its base URL and what negotiation remembered.")
    .option("--check", "ask each usable gateway for its model list (exit 1 when one fails)")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean; check?: boolean }) => {
      const { listGateways } = await import("../actions/gateways-action.js");
      setExitCode(await listGateways(program.opts<GlobalOptions>(), options));
    });
}
