import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { findProjectConfigFile, isFolderListed, projectConfigFolder, readTrustLists, recordTrust, userConfigFile } from "@bridle/core";
import { type GlobalOptions, loadCliConfig } from "../cli-config.js";
import { ignoredSettingLines } from "../trust/trust-notice.js";
import { runDemo } from "../demo/run-demo.js";
import { ExitCode } from "../exit-codes.js";
import { reportStartupError } from "../report-startup-error.js";
import { createRuntime } from "../runtime/create-runtime.js";
import { DamagedSessionError } from "../runtime/damaged-session-error.js";
import { loadKernel } from "../runtime/load-kernel.js";
import { NoModelError, selectTarget } from "../runtime/select-target.js";
import type { PermissionMode } from "@bridle/tools";
import { findLocalServer, pickStartModel } from "./first-start.js";
import { createPermissionBridge } from "./permission-bridge.js";
import { runInteractive } from "./run-interactive.js";
import type { StartingScreen } from "./starting-screen.js";

/** Flags of `bridle` with no subcommand. */
export interface InteractiveFlags {
  continue?: boolean;
  resume?: string;
  forkSession?: boolean;
  yes?: boolean;
  allowEdits?: boolean;
}

/**
 * Starts the screen, or explains why it cannot (no terminal, no key, bad config). `starting` is
 * the prompt drawn while this loaded; it gives way to the screen, or to the explanation.
 */
export async function startInteractive(options: GlobalOptions & InteractiveFlags, starting?: StartingScreen): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const missingKey = await missingKeyReason(options);
    if (missingKey) {
      // Nobody to ask: the offer of the demo is taken, and it runs to the end unattended.
      process.stderr.write(`bridle: ${missingKey}\nNo terminal to ask in: running the offline demo (\`bridle demo\`).\n\n`);
      return runDemo({ output: "text", stdout: process.stdout, stderr: process.stdout });
    }
    process.stderr.write('bridle: the interactive screen needs a terminal; for scripts and pipes use `bridle run "<task>"`\n');
    return ExitCode.USAGE;
  }
  if ((await askAboutTrust(options, starting)) === "interrupted") return ExitCode.INTERRUPTED;
  const permissions = createPermissionBridge();
  const open = (overrides: { resume?: string | true; forkSession?: boolean; permissionMode?: PermissionMode; model?: string; gateway?: string } = {}) =>
    createRuntime({
      global: { config: options.config, model: overrides.model ?? options.model, gateway: overrides.gateway ?? options.gateway, trace: options.trace, trust: options.trust },
      cwd: process.cwd(),
      environment: process.env,
      ask: permissions.ask,
      ...(overrides.resume !== undefined ? { resume: overrides.resume } : {}),
      ...(overrides.forkSession ? { forkSession: true } : {}),
      ...(overrides.permissionMode ? { permissionMode: overrides.permissionMode } : {}),
    });
  const first = {
    ...(options.resume ? { resume: options.resume } : options.continue ? { resume: true as const } : {}),
    ...(options.forkSession ? { forkSession: true } : {}),
    ...(options.yes ? { permissionMode: "allow-all" as const } : options.allowEdits ? { permissionMode: "allow-edits" as const } : {}),
  };
  const write = (text: string) => process.stderr.write(text);
  let runtime;
  try {
    runtime = await open(first);
  } catch (error) {
    starting?.close();
    try {
      if (error instanceof DamagedSessionError) {
        const answer = await askAboutCopy(error);
        if (answer !== "copy") return answer;
        runtime = await open({ ...first, forkSession: true });
      } else {
        // First start: a local server needs no key; a key without a model gets a choice, not an error.
        const target =
          error instanceof NoModelError && error.reason === "no-key"
            ? await findLocalServer(options, write)
            : error instanceof NoModelError && error.reason === "no-model"
              ? await pickStartModel(options, askLine, write)
              : undefined;
        if (target === "interrupted") return ExitCode.INTERRUPTED;
        if (!target) {
          if (error instanceof NoModelError && error.reason === "no-key") return offerDemo(error, options);
          return reportStartupError(error);
        }
        runtime = await open({ ...first, ...target });
      }
    } catch (fallbackError) {
      return reportStartupError(fallbackError);
    }
  }
  starting?.clear();
  return runInteractive(runtime, {
    permissions,
    environment: process.env,
    // A new session keeps the model in use; a resumed one continues on its own.
    reopen: (request) => open({ permissionMode: request.permissionMode, ...(request.resume ? { resume: request.resume } : { model: request.model, gateway: request.gateway }) }),
  });
}

/**
 * Someone is at the terminal: a session whose header is damaged gets the offer to continue from
 * a copy with its readable records, instead of only a refusal. `"copy"`, or the exit code.
 */
async function askAboutCopy(error: DamagedSessionError): Promise<"copy" | number> {
  if (error.readable === 0) return reportStartupError(error);
  process.stderr.write(`bridle: ${error.problem}\n`);
  const answer = await askLine(`Continue from a copy with the ${error.readable} readable record${error.readable === 1 ? "" : "s"}? The copy is a new session; ${error.file} is never written. [y/N] `);
  if (answer === "interrupted") return ExitCode.INTERRUPTED;
  if (answer !== undefined && /^\s*(y|yes)\s*$/i.test(answer)) return "copy";
  process.stderr.write(`Left ${error.file} as it is. To continue from a copy later: ${error.forkCommand}\n`);
  return ExitCode.FAILURE;
}

/**
 * The first time a folder's config asks for settings that need trust, asks once whether to trust
 * the folder and remembers the answer (yes or no) in the user's config.
 */
async function askAboutTrust(options: GlobalOptions, starting: StartingScreen | undefined): Promise<"interrupted" | undefined> {
  if (options.trust) return undefined;
  const cwd = process.cwd();
  const file = options.config ? path.resolve(cwd, options.config) : findProjectConfigFile(cwd);
  if (!file || !existsSync(file)) return undefined;
  const folder = projectConfigFolder(file);
  const userFile = userConfigFile(process.env);
  const lists = readTrustLists(userFile);
  if (isFolderListed(folder, lists.trusted) || isFolderListed(folder, lists.declined)) return undefined;
  const { trust } = await loadCliConfig(options, cwd, process.env);
  if (trust.state !== "untrusted" || trust.ignored.length === 0) return undefined;
  // The question takes the place of the prompt drawn while starting; the screen draws its own after.
  starting?.close();
  process.stderr.write(`bridle: ${file} has settings that apply only in a folder you trust:\n`);
  for (const line of ignoredSettingLines(trust)) process.stderr.write(`  ${line}\n`);
  process.stderr.write("Trusting the folder lets its config point gateways at other hosts, load plugins and presets (code) and widen permissions.\n");
  const answer = await askLine(`Trust ${folder}? [y/N] `);
  if (answer === "interrupted") return "interrupted";
  const yes = answer !== undefined && /^\s*(y|yes)\s*$/i.test(answer);
  recordTrust(userFile, folder, yes ? "trust" : "decline");
  process.stderr.write(yes ? `Trusted ${folder} (undo with \`bridle trust --revoke\`).\n\n` : `Not trusted; its other settings apply. Trust it later with \`bridle trust ${folder}\`.\n\n`);
  return undefined;
}

/** Why no gateway can be used for lack of a key, or `undefined` when one can (or config is broken). */
async function missingKeyReason(options: GlobalOptions): Promise<string | undefined> {
  try {
    const { settings, gateways } = await loadKernel(options, process.cwd(), process.env);
    selectTarget({ ...settings, ...(options.model ? { model: options.model } : {}), ...(options.gateway ? { gateway: options.gateway } : {}) }, gateways, process.env);
    return undefined;
  } catch (error) {
    return error instanceof NoModelError && error.reason === "no-key" ? error.message : undefined;
  }
}

/** No key is set: say which variables would do, and offer the offline demo instead. */
async function offerDemo(error: NoModelError, options: GlobalOptions): Promise<number> {
  const { gateways } = await loadKernel(options, process.cwd(), process.env).catch(() => ({ gateways: undefined }));
  const variables = (gateways?.list() ?? [])
    .filter((gateway) => !gateway.local && gateway.apiKeyEnv)
    .map((gateway) => gateway.apiKeyEnv!);
  process.stderr.write(`bridle: ${error.message}\n`);
  process.stderr.write(`Set the key of the gateway you use (one of ${variables.join(", ")}) and start bridle again.\n\n`);
  const answer = await askLine("Run the offline demo now? [Y/n] ");
  if (answer === "interrupted") return ExitCode.INTERRUPTED;
  if (answer === undefined || !/^\s*(y|yes)?\s*$/i.test(answer)) return ExitCode.USAGE;
  // In a terminal the demo runs on the interactive screen, as a real session would.
  return runDemo({ output: "text", interactive: true, stdout: process.stdout, stderr: process.stdout });
}

/** One line from the terminal: the text, `undefined` at end of input (Ctrl-D), or "interrupted" (Ctrl-C). */
export function askLine(question: string): Promise<string | undefined> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  return new Promise<string | undefined>((resolve) => {
    let settled = false;
    const settle = (value: string | undefined) => {
      if (settled) return;
      settled = true;
      prompt.close();
      // Closing pauses stdin, and Node stops reading the terminal one tick later. Whoever reads
      // next (the screen) must start after that, or its reads are stopped with it and the
      // process ends as if the input had closed.
      setImmediate(() => resolve(value));
    };
    prompt.on("SIGINT", () => {
      process.stderr.write("\n");
      settle("interrupted");
    });
    prompt.on("close", () => {
      if (!settled) process.stderr.write("\n");
      settle(undefined);
    });
    prompt.question(question).then(settle, () => settle(undefined));
  });
}
