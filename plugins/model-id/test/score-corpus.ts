import type { ModelIdentity } from "../src/model-identity.js";

/** One corpus row: a slug on a gateway and the canonical id it should resolve to. */
export interface CorpusRow {
  gateway: string;
  slug: string;
  expected: string;
  ambiguous: boolean;
}

/** The outcome of resolving a whole corpus. */
export interface CorpusScore {
  scored: number;
  correct: number;
  accuracy: number;
  ambiguous: number;
  ambiguousCorrect: number;
  failures: Array<CorpusRow & { got: string }>;
  /** Wrong answers that land on the id of *other* weights in the corpus. */
  collapses: Array<CorpusRow & { got: string }>;
  /** Wrong answers on a slug that names those other weights on another gateway too (context-only cases). */
  slugConflicts: Array<CorpusRow & { got: string }>;
}

/**
 * Resolves every row and scores it. Ambiguous rows are counted separately. A collapse is a wrong
 * answer equal to another row's expected id, i.e. two different weights merged onto one id;
 * when the very same slug is expected to name those other weights on another gateway, the row is
 * reported as a slug conflict instead (only the served window tells such rows apart).
 */
export function scoreCorpus(rows: readonly CorpusRow[], resolve: (slug: string, gateway: string) => ModelIdentity): CorpusScore {
  const expectedIds = new Set(rows.map((row) => row.expected));
  const expectedBySlug = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = row.slug.toLowerCase();
    const set = expectedBySlug.get(key) ?? new Set<string>();
    set.add(row.expected);
    expectedBySlug.set(key, set);
  }
  const score: CorpusScore = {
    scored: 0,
    correct: 0,
    accuracy: 0,
    ambiguous: 0,
    ambiguousCorrect: 0,
    failures: [],
    collapses: [],
    slugConflicts: [],
  };
  for (const row of rows) {
    const got = resolve(row.slug, row.gateway).id;
    if (row.ambiguous) {
      score.ambiguous += 1;
      if (got === row.expected) score.ambiguousCorrect += 1;
      continue;
    }
    score.scored += 1;
    if (got === row.expected) {
      score.correct += 1;
      continue;
    }
    score.failures.push({ ...row, got });
    if (!expectedIds.has(got)) continue;
    if (expectedBySlug.get(row.slug.toLowerCase())?.has(got)) score.slugConflicts.push({ ...row, got });
    else score.collapses.push({ ...row, got });
  }
  score.accuracy = score.scored === 0 ? 0 : score.correct / score.scored;
  return score;
}

/** A printable report of a score: the figures, then every failure. */
export function formatCorpusScore(title: string, score: CorpusScore): string {
  const percent = (value: number) => `${(value * 100).toFixed(2)} %`;
  const lines = [
    `${title}`,
    `  scored rows         ${score.scored}`,
    `  resolved correctly  ${score.correct} (${percent(score.accuracy)})`,
    `  ambiguous rows      ${score.ambiguous} (excluded; ${score.ambiguousCorrect} match the notes' judgement)`,
    `  collapses           ${score.collapses.length}`,
    `  slug conflicts      ${score.slugConflicts.length}`,
  ];
  if (score.failures.length > 0) {
    lines.push("  failures (gateway, slug, expected => got):");
    for (const failure of score.failures) lines.push(`    ${failure.gateway}\t${failure.slug}\t${failure.expected} => ${failure.got}`);
  }
  return lines.join("\n");
}
