/** What a sandboxed command may do beyond reading. */
export interface SandboxPolicy {
  /** The one tree the command may write (the workspace, as a real path). */
  workspace: string;
  /** Whether the command may open network sockets. */
  network: boolean;
}

/** A command line to spawn instead of `<shell> -c <command>`. */
export interface WrappedCommand {
  file: string;
  args: string[];
}

/**
 * The bubblewrap command line: the whole file system read-only, a private `/tmp`, `/dev` and
 * `/proc`, the workspace mounted writable over it, no network namespace unless allowed, its own
 * pid namespace that dies with Bridle. Processes keep Bridle's process group, so ending the group
 * ends everything inside.
 */
export function bubblewrapCommand(executable: string, shell: string, command: string, policy: SandboxPolicy): WrappedCommand {
  return {
    file: executable,
    args: [
      "--ro-bind", "/", "/",
      "--dev", "/dev",
      "--proc", "/proc",
      "--tmpfs", "/tmp",
      "--bind", policy.workspace, policy.workspace,
      ...(policy.network ? [] : ["--unshare-net"]),
      "--unshare-pid",
      "--die-with-parent",
      "--chdir", policy.workspace,
      "--",
      shell, "-c", command,
    ],
  };
}

/**
 * The macOS Seatbelt profile for `sandbox-exec -p`: everything allowed but writes outside the
 * workspace and the temp folders, and, unless allowed, network access other than local sockets.
 */
export function seatbeltProfile(policy: SandboxPolicy): string {
  const quote = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return [
    "(version 1)",
    "(allow default)",
    "(deny file-write*)",
    `(allow file-write* (subpath ${quote(policy.workspace)}) (subpath "/private/tmp") (subpath "/private/var/folders") (literal "/dev/null") (literal "/dev/zero") (regex #"^/dev/tty") (regex #"^/dev/fd/"))`,
    ...(policy.network ? [] : ["(deny network*)", '(allow network* (remote unix-socket))']),
    "",
  ].join("\n");
}

/** The `sandbox-exec` command line with {@link seatbeltProfile}. */
export function sandboxExecCommand(executable: string, shell: string, command: string, policy: SandboxPolicy): WrappedCommand {
  return { file: executable, args: ["-p", seatbeltProfile(policy), shell, "-c", command] };
}
