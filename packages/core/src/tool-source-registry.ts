import type { Tool } from "./tool.js";
import type { ToolSource, ToolSourceContext, ToolSourceEntry } from "./tool-source.js";

/**
 * The tool sources plugins register, started together when a session starts. Tools come out
 * sorted by name so the offered list, and with it the cached prompt prefix, never depends on
 * which source answered first.
 */
export class ToolSourceRegistry {
  readonly #sources: ToolSource[] = [];

  register(source: ToolSource): void {
    if (this.#sources.some((known) => known.name === source.name)) throw new TypeError(`tool source "${source.name}" is registered twice`);
    this.#sources.push(source);
  }

  /** Whether any source has something to start under this config. Asks every source, so each can report what it will leave out. */
  configured(context: ToolSourceContext): boolean {
    return this.#sources.map((source) => source.configured(context)).some(Boolean);
  }

  /** Starts every configured source in parallel; resolves with all their tools, sorted by name. */
  async start(context: ToolSourceContext): Promise<readonly Tool[]> {
    const started = await Promise.all(this.#sources.filter((source) => source.configured(context)).map((source) => source.start(context)));
    return started.flat().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Every source's entries, keyed by source name. */
  entries(): Array<{ source: string; entries: readonly ToolSourceEntry[] }> {
    return this.#sources.map((source) => ({ source: source.name, entries: source.entries() }));
  }

  /** Closes every source; one that fails to close does not stop the others. */
  async close(): Promise<void> {
    await Promise.allSettled(this.#sources.map((source) => source.close()));
  }
}
