import { execFile, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readlinkSync, statSync } from "node:fs";
import path from "node:path";
import { writePrivateFile } from "@bridle/core";

/** Whether commands can run in the operating system's sandbox here, and with what. */
export type SandboxStatus =
  | { available: true; kind: "bubblewrap" | "sandbox-exec"; executable: string }
  | { available: false; reason: string };

/** Options of `detectSandbox` and `probeSandbox`, for tests and unusual installs. */
export interface DetectSandboxOptions {
  platform?: NodeJS.Platform;
  /** Where to look for `bwrap` and `sandbox-exec`. Default: `PATH`. */
  searchPath?: string;
}

/** Options of `probeSandbox`. */
export interface ProbeSandboxOptions extends DetectSandboxOptions {
  /**
   * Keeps the answer of the bubblewrap check between processes ({@link checkConditions}): the
   * check runs again only when what decides it may have changed.
   */
  cacheFile?: string;
}

/** How bubblewrap is checked: the namespaces Bridle uses, around a command that does nothing. */
const CHECK_ARGUMENTS = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-net", "--unshare-pid", "--die-with-parent", "true"];
const CHECK_TIMEOUT_MS = 5000;

const cache = new Map<string, SandboxStatus | Promise<SandboxStatus>>();

/**
 * Finds the sandbox this system offers: bubblewrap (`bwrap`) on Linux, checked by running it once
 * with the namespaces Bridle uses, since a container or a kernel setting can forbid them;
 * `sandbox-exec` on macOS. Anything else, or a check that fails, is unavailable with the reason.
 * The answer is remembered per platform and search path (shared with {@link probeSandbox}).
 */
export function detectSandbox(options: DetectSandboxOptions = {}): SandboxStatus {
  const { key, platform, searchPath } = settings(options);
  const known = cache.get(key);
  if (known && !(known instanceof Promise)) return known;
  const found = locate(platform, searchPath);
  const status = "check" in found ? readCheck(found.check, spawnSync(found.check, CHECK_ARGUMENTS, { encoding: "utf8", timeout: CHECK_TIMEOUT_MS, stdio: ["ignore", "ignore", "pipe"] })) : found;
  cache.set(key, status);
  return status;
}

/**
 * {@link detectSandbox} without waiting: the check runs as a child process while the caller goes
 * on (running bubblewrap takes tens of milliseconds, and starting the process blocks for a few,
 * which a start should not pay). With a `cacheFile`, an answer found under the same conditions
 * (same boot, same namespaces, same bubblewrap, same kernel settings) is reused instead. Never
 * rejects; a check that cannot run is an unavailable sandbox with the reason.
 */
export function probeSandbox(options: ProbeSandboxOptions = {}): Promise<SandboxStatus> {
  const { key, platform, searchPath } = settings(options);
  const known = cache.get(key);
  if (known) return Promise.resolve(known);
  const found = locate(platform, searchPath);
  if (!("check" in found)) {
    cache.set(key, found);
    return Promise.resolve(found);
  }
  const conditions = options.cacheFile ? checkConditions(found.check) : undefined;
  const kept = options.cacheFile && conditions ? readKept(options.cacheFile, conditions) : undefined;
  if (kept) {
    cache.set(key, kept);
    return Promise.resolve(kept);
  }
  const status = new Promise<SandboxStatus>((resolve) => {
    execFile(found.check, CHECK_ARGUMENTS, { encoding: "utf8", timeout: CHECK_TIMEOUT_MS }, (error, _stdout, stderr) => {
      const failure = error as (Error & { code?: number | string; signal?: NodeJS.Signals | null }) | null;
      const exit = typeof failure?.code === "number" ? failure.code : failure ? null : 0;
      // A spawn failure has a string code (ENOENT, EACCES) and is the error itself.
      const spawnError = failure && typeof failure.code === "string" ? failure : undefined;
      resolve(readCheck(found.check, { status: exit, signal: failure?.signal ?? null, stderr, ...(spawnError ? { error: spawnError } : {}) }));
    });
  }).then((result) => {
    cache.set(key, result);
    if (options.cacheFile && conditions) keep(options.cacheFile, conditions, result);
    return result;
  });
  cache.set(key, status);
  return status;
}

/**
 * What decides whether bubblewrap can create its namespaces, as one string: the boot, this
 * process's user, mount and pid namespaces (another container, or the same one started again,
 * has others), the user, the executable, and the kernel settings that allow or forbid user
 * namespaces. `undefined` where they cannot be read (not Linux): the check then always runs.
 */
function checkConditions(executable: string): string | undefined {
  try {
    const binary = statSync(executable);
    const settings = ["/proc/sys/kernel/unprivileged_userns_clone", "/proc/sys/user/max_user_namespaces", "/proc/sys/kernel/apparmor_restrict_unprivileged_userns"].map((file) => {
      try {
        return readFileSync(file, "utf8").trim();
      } catch {
        return "-";
      }
    });
    return [
      readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim(),
      ...["user", "mnt", "pid"].map((namespace) => readlinkSync(`/proc/self/ns/${namespace}`)),
      String(process.getuid?.() ?? ""),
      executable,
      `${binary.ino}:${binary.size}:${binary.mtimeMs}`,
      ...settings,
    ].join("\u0000");
  } catch {
    return undefined;
  }
}

function readKept(file: string, conditions: string): SandboxStatus | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, "utf8")) as { conditions?: unknown; status?: SandboxStatus };
    return kept.conditions === conditions && typeof kept.status?.available === "boolean" ? kept.status : undefined;
  } catch {
    return undefined;
  }
}

function keep(file: string, conditions: string, status: SandboxStatus): void {
  try {
    writePrivateFile(file, `${JSON.stringify({ conditions, status })}\n`);
  } catch {
    // Only a cache: the check runs again next time.
  }
}

function settings(options: DetectSandboxOptions) {
  const platform = options.platform ?? process.platform;
  const searchPath = options.searchPath ?? process.env.PATH ?? "";
  return { key: `${platform}\u0000${searchPath}`, platform, searchPath };
}

/** The answer where no check is needed, or the bubblewrap executable to check. */
function locate(platform: NodeJS.Platform, searchPath: string): SandboxStatus | { check: string } {
  if (platform === "darwin") {
    const executable = findExecutable("sandbox-exec", searchPath) ?? (existsSync("/usr/bin/sandbox-exec") ? "/usr/bin/sandbox-exec" : undefined);
    return executable ? { available: true, kind: "sandbox-exec", executable } : { available: false, reason: "sandbox-exec was not found" };
  }
  if (platform !== "linux") return { available: false, reason: `no sandbox is supported on ${platform}` };
  const executable = findExecutable("bwrap", searchPath);
  if (!executable) return { available: false, reason: "bubblewrap (bwrap) is not installed; install it (apt-get install bubblewrap) to sandbox commands" };
  return { check: executable };
}

/** What the check run of bubblewrap says about it. */
function readCheck(executable: string, check: { status: number | null; signal: NodeJS.Signals | null; stderr?: string | null; error?: Error }): SandboxStatus {
  if (check.status === 0) return { available: true, kind: "bubblewrap", executable };
  const why = (check.error?.message ?? check.stderr ?? "").trim().split("\n")[0] || `exit ${check.status ?? check.signal}`;
  return { available: false, reason: `bubblewrap cannot create its namespaces here (${why}); user namespaces may be disabled in this kernel or container` };
}

function findExecutable(name: string, searchPath: string): string | undefined {
  for (const directory of searchPath.split(path.delimiter)) {
    if (!directory) continue;
    const candidate = path.join(directory, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
