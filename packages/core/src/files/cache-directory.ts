import { homedir } from "node:os";
import path from "node:path";

/** Where Bridle keeps what it can learn again: `$XDG_CACHE_HOME/bridle`, else `~/.cache/bridle`. */
export function cacheDirectory(environment: NodeJS.ProcessEnv): string {
  const base = environment.XDG_CACHE_HOME && path.isAbsolute(environment.XDG_CACHE_HOME) ? environment.XDG_CACHE_HOME : path.join(environment.HOME ?? homedir(), ".cache");
  return path.join(base, "bridle");
}
