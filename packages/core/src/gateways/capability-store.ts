import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { cacheDirectory } from "../files/cache-directory.js";
import type { NegotiatedCapabilities } from "./gateway-definition.js";
import { NO_CAPABILITIES } from "./negotiate.js";

interface CapabilityFile {
  version: 1;
  /** gateway id → canonical model id → what negotiation learned. */
  gateways: Record<string, Record<string, NegotiatedCapabilities & { learnedAt?: string }>>;
}

/** `$XDG_CACHE_HOME/bridle/capabilities.json`, else `~/.cache/bridle/capabilities.json`. */
export function capabilitiesFile(environment: NodeJS.ProcessEnv): string {
  return path.join(cacheDirectory(environment), "capabilities.json");
}

/**
 * What run-time negotiation learned, per gateway and canonical model: kept for the session and,
 * with a file, for later processes. The file is only a cache: unreadable means empty, and each
 * write re-reads it, merges, and replaces it atomically, so two processes never corrupt it.
 */
export class CapabilityStore {
  readonly #file: string | undefined;
  readonly #entries = new Map<string, NegotiatedCapabilities>();

  constructor(file?: string) {
    this.#file = file;
    if (file) {
      for (const [gateway, models] of Object.entries(readFile(file).gateways)) {
        for (const [model, capabilities] of Object.entries(models)) this.#entries.set(key(gateway, model), clean(capabilities));
      }
    }
  }

  get(gateway: string, model: string): NegotiatedCapabilities {
    return this.#entries.get(key(gateway, model)) ?? NO_CAPABILITIES;
  }

  /** Everything learned for one gateway, by model. */
  forGateway(gateway: string): Array<{ model: string; capabilities: NegotiatedCapabilities }> {
    const prefix = key(gateway, "");
    return [...this.#entries]
      .filter(([entry]) => entry.startsWith(prefix))
      .map(([entry, capabilities]) => ({ model: entry.slice(prefix.length), capabilities }));
  }

  /** Records what a negotiation learned; written through to the file when there is one. */
  set(gateway: string, model: string, capabilities: NegotiatedCapabilities): void {
    this.#entries.set(key(gateway, model), capabilities);
    if (!this.#file) return;
    const stored = readFile(this.#file);
    stored.gateways[gateway] = { ...stored.gateways[gateway], [model]: { ...capabilities, learnedAt: new Date().toISOString() } };
    writeAtomic(this.#file, `${JSON.stringify(stored, null, 2)}\n`);
  }
}

function key(gateway: string, model: string): string {
  return `${gateway}\u0000${model}`;
}

function clean(value: Partial<NegotiatedCapabilities>): NegotiatedCapabilities {
  const dropped = Array.isArray(value.dropped) ? value.dropped.filter((field): field is string => typeof field === "string") : [];
  const renamed =
    typeof value.renamed === "object" && value.renamed !== null
      ? Object.fromEntries(Object.entries(value.renamed).filter(([, to]) => typeof to === "string"))
      : {};
  const field = value.replay && typeof value.replay.field === "string" ? value.replay.field : undefined;
  return { dropped, renamed, ...(field ? { replay: { field } } : {}) };
}

function readFile(file: string): CapabilityFile {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as CapabilityFile;
    if (parsed.version === 1 && typeof parsed.gateways === "object" && parsed.gateways !== null) return parsed;
  } catch {
    // Missing or damaged: a cache starts over.
  }
  return { version: 1, gateways: {} };
}

/** Temp file in the same directory, flushed, renamed over the target: old or new, never half. */
function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = openSync(temporary, "w", 0o600);
  try {
    writeSync(handle, text);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
  try {
    renameSync(temporary, file);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}
