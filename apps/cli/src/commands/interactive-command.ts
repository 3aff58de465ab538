import type { Command } from "commander";
import type { GlobalOptions } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";
import { drawStartingScreen } from "../interactive/starting-screen.js";
import type { InteractiveFlags } from "../interactive/start-interactive.js";

/** Root options that subcommands declare too (`bridle run -y …`); see {@link registerInteractiveCommand}. */
const SHARED_OPTIONS = ["continue", "resume", "forkSession", "yes", "allowEdits", "output"] as const;

/**
 * `bridle` with no subcommand: the interactive screen. Adds `-c/--continue`, `--resume <id>`, `--fork-session`,
 * `-y/--yes` and `--allow-edits` to the root command. Call it after registering the
 * subcommands: it lets the root take excess arguments (to report `bridle frobnicate` as an
 * unknown command rather than as too many arguments), a setting commands created later inherit.
 *
 * Commander reads root options even after a subcommand's name and keeps their values on the
 * root, so `bridle run -y` would lose its `-y`; a pre-subcommand hook hands such values to the
 * subcommand when it declares the option, and rejects them when it does not.
 */
export function registerInteractiveCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .option("-c, --continue", "continue the latest session in this directory")
    .option("--resume <id>", "continue a session by id")
    .option("--fork-session", "with -c or --resume: continue in a new session copied from the readable records (the original is only read; the way to continue a session whose header is damaged)")
    .option("-y, --yes", "allow every tool call without asking (permission mode allow-all)")
    .option("--allow-edits", "allow file edits without asking (permission mode allow-edits)")
    .option("-p, --print", 'run the task given as arguments headless and exit, like `bridle run` (`bridle -p "fix the tests"`)')
    .option("-o, --output <format>", "with -p or a task: text, json or stream-json")
    .hook("preSubcommand", (root, subcommand) => {
      for (const key of SHARED_OPTIONS) {
        const value: unknown = root.getOptionValue(key);
        if (value === undefined) continue;
        const option = root.options.find((entry) => entry.attributeName() === key)!;
        if (!subcommand.options.some((entry) => entry.attributeName() === key)) {
          root.error(`error: option '${option.long}' does not apply to \`${subcommand.name()}\``, { code: "commander.unknownOption", exitCode: ExitCode.USAGE });
        }
        subcommand.setOptionValueWithSource(key, value, "cli");
        root.setOptionValueWithSource(key, undefined, "default");
      }
    })
    .allowExcessArguments()
    .action(async () => {
      const options = program.opts<GlobalOptions & InteractiveFlags & { print?: boolean; output?: string }>();
      // `bridle "fix the tests"` and `bridle -p "…"` are the headless one-shot; one bare word that
      // is not a task is a mistyped command.
      const task = program.args.join(" ").trim();
      if (options.print || /\s/.test(task)) {
        if (task === "") program.error('error: -p needs a task: bridle -p "what to do"', { code: "commander.missingArgument", exitCode: ExitCode.USAGE });
        const output = options.output ?? "text";
        if (!["text", "json", "stream-json"].includes(output)) {
          program.error(`error: --output must be text, json or stream-json, not "${output}"`, { code: "commander.invalidArgument", exitCode: ExitCode.USAGE });
        }
        const { runHeadless } = await import("../actions/run-headless.js");
        setExitCode(await runHeadless(task, options, { ...options, output: output as "text" | "json" | "stream-json" }));
        return;
      }
      if (program.args.length > 0) {
        const names = program.commands.map((command) => command.name());
        const { unknownCommandMessage } = await import("./unknown-command-message.js");
        program.error(`${await unknownCommandMessage(program.args[0]!, names)} (commands: ${names.join(", ")}; a task in quotes runs it: bridle "fix the tests")`, {
          code: "commander.unknownCommand",
          exitCode: ExitCode.USAGE,
        });
      }
      // The prompt is on the screen before the screen's code and the session load.
      const starting = process.stdin.isTTY && process.stdout.isTTY ? drawStartingScreen(process.stdout, process.stdin) : undefined;
      const { startInteractive } = await import("../interactive/start-interactive.js");
      setExitCode(await startInteractive(options, starting));
    });
}
