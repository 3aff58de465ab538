import { KernelError } from "./kernel-error.js";

/** One problem in a configuration: where it is, and what was expected there. */
export interface ConfigIssue {
  /** The file that set the value, or a description such as "environment" or "command line". */
  file: string;
  /** Dotted key path, e.g. `plugins.compaction.tier3`. Empty for the whole file. */
  keyPath: string;
  message: string;
}

/** Invalid configuration. The message lists every issue with file and key path. */
export class ConfigError extends KernelError {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super("CONFIG_INVALID", formatIssues(issues));
    this.name = "ConfigError";
    this.issues = issues;
  }
}

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.keyPath ? `${issue.file}: ${issue.keyPath}` : issue.file;
  return `${where}: ${issue.message}`;
}

function formatIssues(issues: ConfigIssue[]): string {
  if (issues.length === 1) return `invalid configuration: ${formatIssue(issues[0]!)}`;
  return `invalid configuration (${issues.length} problems):\n${issues.map((issue) => `  - ${formatIssue(issue)}`).join("\n")}`;
}
