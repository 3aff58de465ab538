import { KernelError } from "./kernel-error.js";

/** A tap threw: names the plugin and the hook so the user knows whom to blame. */
export class PluginError extends KernelError {
  readonly plugin: string;
  readonly hook: string;

  constructor(plugin: string, hook: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super("PLUGIN_ERROR", `plugin "${plugin}" failed in hook "${hook}": ${reason}`, { cause });
    this.name = "PluginError";
    this.plugin = plugin;
    this.hook = hook;
  }
}
