import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** Whether commands can run in the operating system's sandbox here, and with what. */
export type SandboxStatus =
  | { available: true; kind: "bubblewrap" | "sandbox-exec"; executable: string }
  | { available: false; reason: string };

/** Options of `detectSandbox`, for tests and unusual installs. */
export interface DetectSandboxOptions {
  platform?: NodeJS.Platform;
  /** Where to look for `bwrap` and `sandbox-exec`. Default: `PATH`. */
  searchPath?: string;
}

const cache = new Map<string, SandboxStatus>();

/**
 * Finds the sandbox this system offers: bubblewrap (`bwrap`) on Linux, checked by running it once
 * with the namespaces Bridle uses, since a container or a kernel setting can forbid them;
 * `sandbox-exec` on macOS. Anything else, or a check that fails, is unavailable with the reason.
 * The answer is remembered per platform and search path.
 */
export function detectSandbox(options: DetectSandboxOptions = {}): SandboxStatus {
  const platform = options.platform ?? process.platform;
  const searchPath = options.searchPath ?? process.env.PATH ?? "";
  const key = `${platform}\u0000${searchPath}`;
  let status = cache.get(key);
  if (!status) {
    status = probe(platform, searchPath);
    cache.set(key, status);
  }
  return status;
}

function probe(platform: NodeJS.Platform, searchPath: string): SandboxStatus {
  if (platform === "darwin") {
    const executable = findExecutable("sandbox-exec", searchPath) ?? (existsSync("/usr/bin/sandbox-exec") ? "/usr/bin/sandbox-exec" : undefined);
    return executable ? { available: true, kind: "sandbox-exec", executable } : { available: false, reason: "sandbox-exec was not found" };
  }
  if (platform !== "linux") return { available: false, reason: `no sandbox is supported on ${platform}` };
  const executable = findExecutable("bwrap", searchPath);
  if (!executable) return { available: false, reason: "bubblewrap (bwrap) is not installed; install it (apt-get install bubblewrap) to sandbox commands" };
  const check = spawnSync(executable, ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-net", "--unshare-pid", "--die-with-parent", "true"], {
    encoding: "utf8",
    timeout: 5000,
    stdio: ["ignore", "ignore", "pipe"],
  });
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
