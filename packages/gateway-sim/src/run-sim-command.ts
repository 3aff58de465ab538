import { builtinProfileNames } from "./builtin-profiles.js";
import { loadScenarioFile } from "./parse-scenario.js";
import { startGatewaySim, type GatewaySim } from "./start-gateway-sim.js";

/** Options of the `bridle sim` command. */
export interface SimCommandOptions {
  /** One profile name, several, or a comma-separated list. Defaults to every built-in profile. */
  readonly profile?: string | readonly string[];
  /** A JSON scenario file. */
  readonly scenarioPath?: string;
  readonly port?: number;
  readonly host?: string;
  readonly seed?: number;
  /** Where lines are printed (defaults to stdout). */
  readonly print?: (line: string) => void;
  /** Stops the server when aborted (besides SIGINT and SIGTERM). */
  readonly signal?: AbortSignal;
  /** Called once the server listens, with the running simulator. */
  readonly onReady?: (sim: GatewaySim) => void;
}

/**
 * Runs `bridle sim`: starts the simulator, prints the URL, each profile's base URL and key, and
 * keeps serving until SIGINT, SIGTERM or the abort signal. Resolves once the server has closed.
 */
export async function runSimCommand(options: SimCommandOptions = {}): Promise<void> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const profiles = toProfileList(options.profile);
  const scenario = options.scenarioPath === undefined ? undefined : await loadScenarioFile(options.scenarioPath);
  const sim = await startGatewaySim({ profiles, scenario, port: options.port, host: options.host, seed: options.seed });
  print(`gateway-sim listening on ${sim.url}`);
  const width = Math.max(...sim.profiles.map((name) => name.length));
  for (const name of sim.profiles) {
    const key = sim.keys[name];
    print(`  ${name.padEnd(width)}  ${sim.urls[name] as string}  key: ${key ?? "(any)"}`);
  }
  if (sim.profiles.length === 1) print(`  (also at ${sim.url}/v1)`);
  print(options.scenarioPath === undefined ? "scenario: none (answers are conversation digests)" : `scenario: ${options.scenarioPath}`);
  print("Press Ctrl+C to stop.");
  options.onReady?.(sim);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      options.signal?.removeEventListener("abort", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    if (options.signal?.aborted === true) stop();
    else options.signal?.addEventListener("abort", stop);
  });
  await sim.close();
  print("gateway-sim stopped.");
}

/**
 * Parses `bridle sim` arguments: `--profile <name[,name]>` (repeatable), `--scenario <file>`,
 * `--port <n>`, `--host <addr>`, `--seed <n>`. Throws an Error naming the bad argument.
 */
export function parseSimArgs(args: readonly string[]): SimCommandOptions {
  const profiles: string[] = [];
  let scenarioPath: string | undefined;
  let port: number | undefined;
  let host: string | undefined;
  let seed: number | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[(index += 1)];
      if (next === undefined || next === "") throw new Error(`bridle sim: ${flag} needs a value`);
      return next;
    };
    const integer = (text: string, min: number): number => {
      const number = Number(text);
      if (!Number.isInteger(number) || number < min) throw new Error(`bridle sim: ${flag} must be an integer ≥ ${min}, got "${text}"`);
      return number;
    };
    switch (flag) {
      case "--profile":
        profiles.push(...value().split(",").map((name) => name.trim()).filter((name) => name !== ""));
        break;
      case "--scenario":
        scenarioPath = value();
        break;
      case "--port":
        port = integer(value(), 0);
        break;
      case "--host":
        host = value();
        break;
      case "--seed":
        seed = integer(value(), 0);
        break;
      default:
        throw new Error(`bridle sim: unknown argument "${arg}"; use --profile, --scenario, --port, --host or --seed`);
    }
  }
  for (const name of profiles) {
    if (!builtinProfileNames.includes(name)) throw new Error(`bridle sim: unknown profile "${name}"; known profiles: ${builtinProfileNames.join(", ")}`);
  }
  return { profile: profiles.length === 0 ? undefined : profiles, scenarioPath, port, host, seed };
}

function toProfileList(profile: string | readonly string[] | undefined): string[] | undefined {
  if (profile === undefined) return undefined;
  const list = (typeof profile === "string" ? [profile] : [...profile]).flatMap((entry) => entry.split(",")).map((name) => name.trim()).filter((name) => name !== "");
  return list.length === 0 ? undefined : list;
}
