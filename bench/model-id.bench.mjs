/**
 * Model identity (@bridle/plugin-model-id): `canonicalize` throughput on repeated ids (memo hits)
 * and on distinct ids (memo cleared before every pass over the 1,803 corpus slugs, so every call
 * resolves from scratch), plus accuracy on the identity corpus and the held-out slugs.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { canonicalize, clearCanonicalizeCache, createCanonicalizer } from "@bridle/plugin-model-id";

export const name = "model-id";

const FIXTURES = new URL("../plugins/model-id/src/__fixtures__/", import.meta.url);

function readTsv(file) {
  const [header, ...lines] = readFileSync(new URL(file, FIXTURES), "utf8").trimEnd().split("\n");
  const columns = header.split("\t");
  return lines.map((line) => Object.fromEntries(line.split("\t").map((cell, index) => [columns[index], cell])));
}

/** Median seconds of `operation` over 21 batches sized to take a few milliseconds each. */
function medianSeconds(operation) {
  for (let index = 0; index < 5; index++) operation();
  let perBatch = 1;
  for (;;) {
    const start = performance.now();
    for (let index = 0; index < perBatch; index++) operation();
    if (performance.now() - start >= 20) break;
    perBatch *= 2;
  }
  const samples = [];
  for (let batch = 0; batch < 21; batch++) {
    const start = performance.now();
    for (let index = 0; index < perBatch; index++) operation();
    samples.push((performance.now() - start) / 1000 / perBatch);
  }
  samples.sort((a, b) => a - b);
  return samples[10];
}

function score(rows, resolve) {
  const expectedIds = new Set(rows.map((row) => row.expected));
  const expectedBySlug = new Map();
  for (const row of rows) {
    const set = expectedBySlug.get(row.slug.toLowerCase()) ?? new Set();
    set.add(row.expected);
    expectedBySlug.set(row.slug.toLowerCase(), set);
  }
  let scored = 0;
  let correct = 0;
  let ambiguous = 0;
  let ambiguousCorrect = 0;
  const failures = [];
  const collapses = [];
  for (const row of rows) {
    const got = resolve(row.slug, row.gateway).id;
    if (row.ambiguous) {
      ambiguous += 1;
      if (got === row.expected) ambiguousCorrect += 1;
      continue;
    }
    scored += 1;
    if (got === row.expected) {
      correct += 1;
      continue;
    }
    const line = `${row.gateway} ${row.slug}: expected ${row.expected}, got ${got}`;
    failures.push(line);
    if (expectedIds.has(got) && !expectedBySlug.get(row.slug.toLowerCase()).has(got)) collapses.push(line);
  }
  return { scored, correct, accuracy: correct / scored, ambiguous, ambiguousCorrect, failures, collapses };
}

export async function run() {
  const corpus = readTsv("model-identity.tsv").map((row) => ({
    gateway: row.provider,
    slug: row.provider_model_id,
    expected: row.canonical_id,
    ambiguous: /ambiguous/i.test(row.comments ?? ""),
  }));
  const heldOut = readTsv("held-out-slugs.tsv").map((row) => ({
    gateway: row.gateway,
    slug: row.slug,
    expected: row.canonical_id,
    ambiguous: false,
  }));
  const inputs = corpus.map((row) => [row.slug, { gateway: row.gateway }]);

  // Repeat ids: the same 20 slugs over and over (the hot path: every request re-resolves its model).
  const hot = inputs.slice(0, 20);
  let cursor = 0;
  const repeatSeconds = medianSeconds(() => {
    for (let index = 0; index < 1000; index++) {
      const [slug, options] = hot[cursor++ % hot.length];
      canonicalize(slug, options);
    }
  });
  const repeatPerSecond = 1000 / repeatSeconds;

  // Distinct ids: a full pass over the corpus with the memo emptied first, so no call hits it.
  const distinctSeconds = medianSeconds(() => {
    clearCanonicalizeCache();
    for (const [slug, options] of inputs) canonicalize(slug, options);
  });
  const distinctPerSecond = inputs.length / distinctSeconds;

  const withCatalog = score(corpus, (slug, gateway) => canonicalize(slug, { gateway }));
  const rulesOnly = createCanonicalizer({ knownIds: [] });
  const withoutCatalog = score(corpus, (slug, gateway) => rulesOnly.canonicalize(slug, { gateway }));
  const held = score(heldOut, (slug, gateway) => canonicalize(slug, { gateway }));

  return [
    {
      name: "canonicalize, repeated ids (memo hits)",
      value: repeatPerSecond,
      unit: "resolutions/s",
      target: ">= 1,000,000/s",
      pass: repeatPerSecond >= 1_000_000,
      details: { slugs: hot.length },
    },
    {
      name: "canonicalize, distinct ids (memo cleared)",
      value: distinctPerSecond,
      unit: "resolutions/s",
      target: ">= 100,000/s",
      pass: distinctPerSecond >= 100_000,
      details: { slugsPerPass: inputs.length },
    },
    {
      name: "corpus accuracy (model-identity.tsv, ambiguous rows excluded)",
      value: withCatalog.accuracy * 100,
      unit: "%",
      target: ">= 98 %, 0 collapses",
      pass: withCatalog.accuracy >= 0.98 && withCatalog.collapses.length === 0,
      details: {
        scored: withCatalog.scored,
        correct: withCatalog.correct,
        ambiguous: withCatalog.ambiguous,
        ambiguousMatchingNotes: withCatalog.ambiguousCorrect,
        collapses: withCatalog.collapses,
        failures: withCatalog.failures,
      },
    },
    {
      name: "corpus accuracy, rules only (empty catalog)",
      value: withoutCatalog.accuracy * 100,
      unit: "%",
      details: { correct: withoutCatalog.correct, scored: withoutCatalog.scored, collapses: withoutCatalog.collapses },
    },
    {
      name: "held-out slugs accuracy",
      value: held.accuracy * 100,
      unit: "%",
      target: ">= 98 %",
      pass: held.accuracy >= 0.98 && held.collapses.length === 0,
      details: { scored: held.scored, failures: held.failures },
    },
  ];
}
