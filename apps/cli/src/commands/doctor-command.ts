import type { Command } from "commander";
import type { GlobalOptions } from "../cli-config.js";

/** `bridle doctor`: config valid, which keys are present, whether each usable gateway answers. */
export function registerDoctorCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("doctor")
    .description("Check the configuration, which gateway keys are set, and whether each gateway answers.")
    .option("--offline", "skip the network checks")
    .action(async (options: { offline?: boolean }) => {
      const { runDoctor } = await import("../actions/doctor-action.js");
      setExitCode(await runDoctor(program.opts<GlobalOptions>(), options));
    });
}
