import type { Command } from "commander";
import type { RunOptions } from "../actions/run-headless.js";
import type { GlobalOptions } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";

/** `bridle run "<task>"`: one headless turn, for scripts and CI. */
export function registerRunCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("run")
    .description("Run one task without the interactive screen and exit (see the README for exit codes).")
    .argument("<task...>", "what to do")
    .option("-o, --output <format>", "text, json (one object at the end) or stream-json (one event per line)", "text")
    .option("-y, --yes", "allow every tool call without asking (permission mode allow-all)")
    .option("--allow-edits", "allow file edits without asking (permission mode allow-edits)")
    .option("-c, --continue", "continue the latest session in this directory")
    .option("--resume <id>", "continue a session by id")
    .option("--fork-session", "with -c or --resume: continue in a new session copied from the readable records (the original is only read; the way to continue a session whose header is damaged)")
    .action(async (words: string[], options: RunOptions) => {
      if (!["text", "json", "stream-json"].includes(options.output)) {
        process.stderr.write(`bridle: --output must be text, json or stream-json, not "${options.output}"\n`);
        setExitCode(ExitCode.USAGE);
        return;
      }
      const { runHeadless } = await import("../actions/run-headless.js");
      setExitCode(await runHeadless(words.join(" "), program.opts<GlobalOptions>(), options));
    });
}
