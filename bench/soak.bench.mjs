/**
 * The fault soak (reliability.md §7, requirement 40; see soak/run-soak.mjs): 1,000 turns through
 * the real kernel with the default preset over the loopback simulator, each turn meeting seeded
 * random faults and malformations from the corpora and doing real tool calls in a temporary
 * workspace; after every turn the session log must replay to the live conversation and hold every
 * record written, in order. Rows: `turns`, `faults`, `recoveries`, `records-lost` (0),
 * `crashes` (0), and `unhandled-faults` (0: every fault ends in a recovery or a clear message).
 * `SOAK_SEED` and `SOAK_TURNS` draw another run; the seed is printed.
 */
import { runSoak } from "./soak/run-soak.mjs";

export const name = "soak";

export async function run() {
  const seed = Number(process.env.SOAK_SEED ?? 20_261_208);
  const turns = Number(process.env.SOAK_TURNS ?? 1_000);
  process.stderr.write(`bench: soak seed ${seed}, ${turns} turns (SOAK_SEED=${seed} draws it again)\n`);
  const result = await runSoak({ turns, seed, log: (line) => process.stderr.write(`bench: ${line}\n`) });
  const { figures } = result;
  for (const problem of result.problems) process.stderr.write(`bench: soak problem at turn ${problem.turn} (${problem.kinds.join(", ") || "no fault"}): ${problem.problem}${problem.message ? `: ${problem.message}` : ""}\n`);
  const details = {
    seed,
    seconds: Number(result.seconds.toFixed(1)),
    faultsByKind: figures.faultsByKind,
    clearMessages: figures.clearMessages,
    retries: figures.retries,
    fallbacks: figures.fallbacks,
    compactions: figures.compactions,
    toolRuns: figures.toolRuns,
    replayMismatches: figures.replayMismatches,
    skippedLines: figures.skippedLines,
    endings: result.endings,
    secondsByKind: Object.fromEntries(Object.entries(result.secondsByKind).map(([kind, seconds]) => [kind, Number(seconds.toFixed(2))])),
  };
  const rows = [
    { name: "turns", value: figures.turns, unit: "turns", target: `= ${turns}`, pass: figures.turns === turns, details },
    { name: "faults", value: figures.faults, unit: "faults", details: { byKind: figures.faultsByKind } },
    { name: "recoveries", value: figures.recoveries, unit: "faults", details: { clearMessages: figures.clearMessages } },
    { name: "unhandled-faults", value: figures.unhandledFaults, unit: "faults", target: "= 0", pass: figures.unhandledFaults === 0, details: { problems: result.problems.slice(0, 20) } },
    { name: "records-lost", value: figures.recordsLost, unit: "records", target: "= 0", pass: figures.recordsLost === 0 && figures.replayMismatches === 0 && figures.skippedLines === 0, details: { replayMismatches: figures.replayMismatches, skippedLines: figures.skippedLines } },
    { name: "crashes", value: figures.crashes, unit: "crashes", target: "= 0", pass: figures.crashes === 0, details: { crashes: result.crashes.slice(0, 5) } },
    { name: "running-time", value: result.seconds, unit: "s", target: "< 180 (2 cores)" },
  ];
  const failed = rows.filter((row) => row.pass === false).map((row) => row.name);
  if (failed.length > 0) {
    // The rows still go into the report; the run fails.
    process.stderr.write(`bench: soak (seed ${seed}) FAILED: ${failed.join(", ")}\n`);
    process.exitCode = 1;
  }
  return rows;
}
