import { fetchSameOrigin } from "@bridle/core";
import type { GlobalOptions } from "../cli-config.js";
import { catalogPath, readCatalog, writeCatalog, type CatalogFile } from "../catalog/catalog-file.js";
import { parseModelList } from "../catalog/parse-model-list.js";
import { ExitCode } from "../exit-codes.js";
import { reportStartupError } from "../report-startup-error.js";
import { loadKernel } from "../runtime/load-kernel.js";

/** How long one gateway's model list may take. */
const FETCH_TIMEOUT_MS = 15_000;

/**
 * `bridle models refresh`: asks gateways for their model lists (`GET /models`, with each
 * gateway's own key) and caches what they say. Optional: Bridle works from its shipped snapshot
 * without it; a gateway that cannot be reached keeps its earlier entry.
 */
export async function refreshModels(global: GlobalOptions, options: { gateway?: string[] }): Promise<number> {
  let loaded;
  try {
    loaded = await loadKernel(global, process.cwd(), process.env);
  } catch (error) {
    return reportStartupError(error);
  }
  const { gateways } = loaded;
  const targets = options.gateway?.length ? options.gateway : gateways.usable(process.env).map((gateway) => gateway.id);
  if (targets.length === 0) {
    process.stderr.write("bridle: no gateway to ask: set a gateway's key, or name one with --gateway\n");
    return ExitCode.USAGE;
  }
  const file = catalogPath(process.env);
  const catalog: CatalogFile = readCatalog(file) ?? { version: 1, gateways: {} };
  let failures = 0;
  for (const id of targets) {
    const gateway = gateways.get(id);
    if (!gateway) {
      process.stderr.write(`bridle: unknown gateway "${id}"\n`);
      failures += 1;
      continue;
    }
    const key = gateways.apiKey(id, process.env);
    try {
      const response = await fetchSameOrigin()(`${gateway.baseURL.replace(/\/$/, "")}/models`, {
        headers: key ? { authorization: `Bearer ${key}` } : {},
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const models = parseModelList(await response.json());
      catalog.gateways[id] = { fetchedAt: new Date().toISOString(), models };
      const windows = models.filter((model) => model.contextWindow !== undefined).length;
      process.stdout.write(`${id}: ${models.length} models (${windows} with a window)\n`);
    } catch (error) {
      failures += 1;
      process.stderr.write(`bridle: ${id}: could not read its model list (${error instanceof Error ? error.message : String(error)}); kept the earlier entry\n`);
    }
  }
  writeCatalog(file, catalog);
  process.stdout.write(`wrote ${file}\n`);
  return failures === targets.length ? ExitCode.FAILURE : ExitCode.OK;
}
