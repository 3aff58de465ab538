import { existsSync } from "node:fs";
import { findProjectConfigFile, projectConfigFolder, readTrustLists, realFolder, recordTrust, userConfigFile } from "@bridle/core";
import type { TrustOptions } from "../commands/trust-command.js";
import type { GlobalOptions } from "../cli-config.js";
import { ExitCode } from "../exit-codes.js";

/** Runs `bridle trust`; returns the exit code. */
export function runTrust(directory: string | undefined, options: TrustOptions, _global: GlobalOptions, cwd = process.cwd(), environment = process.env): number {
  const file = userConfigFile(environment);
  if (options.list) {
    const lists = readTrustLists(file);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(lists.trusted.length > 0 ? `trusted folders (${file}):` : `no trusted folders (${file})`);
    for (const folder of lists.trusted) out(`  ${folder}`);
    if (lists.declined.length > 0) {
      out("declined folders:");
      for (const folder of lists.declined) out(`  ${folder}`);
    }
    return ExitCode.OK;
  }
  const target = directory ? realFolder(directory) : defaultFolder(cwd);
  if (!existsSync(target)) {
    process.stderr.write(`bridle: ${target} does not exist\n`);
    return ExitCode.USAGE;
  }
  recordTrust(file, target, options.revoke ? "revoke" : "trust");
  process.stdout.write(
    options.revoke
      ? `${target} is no longer trusted: its project config applies only in part (recorded in ${file})\n`
      : `trusted ${target}: its project config now applies in full (recorded in ${file}; undo with \`bridle trust --revoke\`)\n`,
  );
  return ExitCode.OK;
}

/** The folder of the project config found from `cwd`, else `cwd` itself. */
function defaultFolder(cwd: string): string {
  const found = findProjectConfigFile(cwd);
  return realFolder(found ? projectConfigFolder(found) : cwd);
}
