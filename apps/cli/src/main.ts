import { Command, CommanderError } from "commander";
import { registerConfigCommand } from "./commands/config-command.js";
import { registerDemoCommand } from "./commands/demo-command.js";
import { registerDoctorCommand } from "./commands/doctor-command.js";
import { registerGatewaysCommand } from "./commands/gateways-command.js";
import { registerInteractiveCommand } from "./commands/interactive-command.js";
import { registerInitCommand } from "./commands/init-command.js";
import { registerMcpCommand } from "./commands/mcp-command.js";
import { registerModelsCommand } from "./commands/models-command.js";
import { registerSimCommand } from "./commands/sim-command.js";
import { registerPluginsCommand } from "./commands/plugins-command.js";
import { registerRunCommand } from "./commands/run-command.js";
import { registerTrustCommand } from "./commands/trust-command.js";
import { ExitCode } from "./exit-codes.js";
import { packageVersion } from "./package-version.js";

/** Builds the `bridle` command line. Commands report their exit code through `setExitCode`. */
export function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command("bridle")
    .description("A coding agent whose harness makes open-weight models dependable across gateways.")
    .version(packageVersion, "-v, --version", "print the version")
    .option("--config <file>", "use this config file instead of the project's bridle.config.json")
    .option("-m, --model <model>", "model to use, in any gateway's spelling")
    .option("-g, --gateway <gateway>", "gateway to send requests to")
    .option("--trace", "time every plugin tap and print a summary at exit")
    .option("--trust", "apply this folder's bridle.config.json in full for this run (see `bridle trust`)")
    .showHelpAfterError()
    .exitOverride();
  registerRunCommand(program, setExitCode);
  registerDemoCommand(program, setExitCode);
  registerModelsCommand(program, setExitCode);
  registerGatewaysCommand(program, setExitCode);
  registerDoctorCommand(program, setExitCode);
  registerInitCommand(program, setExitCode);
  registerSimCommand(program);
  registerPluginsCommand(program, setExitCode);
  registerConfigCommand(program, setExitCode);
  registerTrustCommand(program, setExitCode);
  registerMcpCommand(program, setExitCode);
  // Last: it lets the root take excess arguments, which commands created after it would inherit.
  registerInteractiveCommand(program, setExitCode);
  return program;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.OK;
  const program = createProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    process.stderr.write(`bridle: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.FAILURE;
  }
  return exitCode;
}
