/**
 * Routing simulation (caching.md §(d) model; see routing-simulation.mjs): 8 nodes with LRU prefix
 * caches, agent sessions with growing prompts, think time and compactions, and the policies of
 * routing-policies.mjs, Bridle's among them. Two cases over the same session shapes:
 * - suite `routing`: an 8k-token shared system prompt;
 * - suite `routing-large-system-prompt`: a 20k-token one (system prompt plus many tool schemas,
 *   the top of the 5–20k range agent harnesses send).
 * Sessions: 400 over an hour, 40 turns on average, tool output of median 900 tokens with a heavy
 * tail, compaction above 192k tokens (a 256k-window model) to an 8k summary; 400k tokens of
 * prefix cache per node.
 * Rows per case: `cached-ratio:<policy>` (Σcached / Σprompt tokens) and `max-mean-load:<policy>`
 * (busiest node's busy time over the mean), and the acceptance checks for `bridle`
 * (`bridle-cached-vs-oracle`, `bridle-cached-vs-random`). The oracle routes on the true cache
 * state but also weighs load (Dynamo's cost), so a policy that keeps sessions home can beat it on
 * cached tokens while losing to it on balance.
 */
import { generateWorkload, simulate } from "./routing-simulation.mjs";
import { policies } from "./routing-policies.mjs";

export const name = "routing";

const BASE = {
  seed: 12,
  nodes: 8,
  slots: 16,
  prefillRate: 20_000,
  decodeRate: 60,
  blockTokens: 256,
  cacheTokens: 400_000,
  sessions: 400,
  arrivalWindowSeconds: 3600,
  meanTurns: 40,
  toolOutputMedianTokens: 900,
  maxToolOutputTokens: 30_000,
  outputMedianTokens: 250,
  meanThinkSeconds: 4,
  compactAboveTokens: 192_000,
  summaryTokens: 8_000,
};

const CASES = [
  { suite: "routing", systemTokens: 8_000 },
  { suite: "routing-large-system-prompt", systemTokens: 20_000 },
];

export async function run() {
  const rows = [];
  for (const { suite, systemTokens } of CASES) {
    const settings = { ...BASE, systemTokens };
    const workload = generateWorkload(settings);
    const results = {};
    for (const [policy, create] of Object.entries(policies(settings))) {
      const result = simulate(settings, workload, create);
      results[policy] = result;
      const details = { migrationsPerSession: Number(result.migrationsPerSession.toFixed(2)), compactions: result.compactions, nodes: settings.nodes, systemTokens };
      rows.push({ suite, name: `cached-ratio:${policy}`, value: result.cachedRatio, unit: "ratio", details });
      rows.push({ suite, name: `max-mean-load:${policy}`, value: result.maxMeanLoad, unit: "ratio", ...(policy === "bridle" ? { target: "≤ 1.25", pass: result.maxMeanLoad <= 1.25 } : {}) });
    }
    const bridle = results.bridle;
    const ofOracle = bridle.cachedTokens / results.oracle.cachedTokens;
    const ofRandom = bridle.cachedTokens / results.random.cachedTokens;
    rows.push({ suite, name: "bridle-cached-vs-oracle", value: ofOracle, unit: "ratio", target: "≥ 0.95", pass: ofOracle >= 0.95 });
    rows.push({ suite, name: "bridle-cached-vs-random", value: ofRandom, unit: "ratio", target: "≥ 2", pass: ofRandom >= 2 });
  }
  return rows;
}
