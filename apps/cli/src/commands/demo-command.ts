import type { Command } from "commander";
import { ExitCode } from "../exit-codes.js";

/** `bridle demo`: the offline demo against the built-in gateway simulator. */
export function registerDemoCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("demo")
    .description("Watch Bridle fix a small project offline, against a simulated gateway and a scripted open model.")
    .option("-y, --yes", "run to the end without asking anything")
    .option("-o, --output <format>", "text or stream-json", "text")
    .action(async (options: { output: string; yes?: boolean }) => {
      if (options.output !== "text" && options.output !== "stream-json") {
        process.stderr.write(`bridle: --output must be text or stream-json, not "${options.output}"\n`);
        setExitCode(ExitCode.USAGE);
        return;
      }
      // One stream, so the answer and the harness's notes interleave in order.
      const { runDemo } = await import("../demo/run-demo.js");
      const interactive = options.output === "text" && !options.yes && process.stdin.isTTY === true && process.stdout.isTTY === true;
      setExitCode(await runDemo({ output: options.output, interactive, stdout: process.stdout, stderr: options.output === "text" ? process.stdout : process.stderr }));
    });
}
