import { describe, expect, it } from "vitest";
import { canonicalize } from "./canonicalize.js";
import { createCanonicalizer } from "./create-canonicalizer.js";
import { readTsvFixture } from "../test/read-fixture.js";
import { type CorpusRow, formatCorpusScore, scoreCorpus } from "../test/score-corpus.js";

// shared/corpora/model-identity.tsv: 1,803 slugs over 80 providers (models.dev snapshot).
const corpus: CorpusRow[] = readTsvFixture("model-identity.tsv").map((row) => ({
  gateway: row.provider ?? "",
  slug: row.provider_model_id ?? "",
  expected: row.canonical_id ?? "",
  ambiguous: /ambiguous/i.test(row.comments ?? ""),
}));

// Written before the rules were tuned: slugs styled like gateways that are not in the corpus.
const heldOut: CorpusRow[] = readTsvFixture("held-out-slugs.tsv").map((row) => ({
  gateway: row.gateway ?? "",
  slug: row.slug ?? "",
  expected: row.canonical_id ?? "",
  ambiguous: false,
}));

describe("canonicalize on the model-identity corpus", () => {
  const score = scoreCorpus(corpus, (slug, gateway) => canonicalize(slug, { gateway }));
  console.log(formatCorpusScore("model-identity.tsv (gateway hint = provider)", score));

  it("reads the whole corpus", () => {
    expect(corpus).toHaveLength(1803);
    expect(score.scored + score.ambiguous).toBe(1803);
  });

  it("resolves at least 98 % of the non-ambiguous rows to the row's canonical id", () => {
    expect(score.accuracy).toBeGreaterThanOrEqual(0.98);
  });

  it("never merges two different weights onto one id", () => {
    expect(score.collapses).toEqual([]);
  });
});

describe("canonicalize on the held-out slugs", () => {
  const score = scoreCorpus(heldOut, (slug, gateway) => canonicalize(slug, { gateway }));
  console.log(formatCorpusScore("held-out-slugs.tsv", score));

  it("resolves at least 98 % of them, with no collapse", () => {
    expect(score.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(score.collapses).toEqual([]);
  });
});

describe("the rules alone, with an empty catalog", () => {
  // Without the snapshot nothing can be expanded (`meta/llama-3.3-70b` stays without -instruct),
  // so accuracy drops; what must hold is that rules never merge different weights.
  const rulesOnly = createCanonicalizer({ knownIds: [] });
  const score = scoreCorpus(corpus, (slug, gateway) => rulesOnly.canonicalize(slug, { gateway }));
  console.log(
    `rules only (no catalog): ${score.correct}/${score.scored} (${(score.accuracy * 100).toFixed(2)} %), ` +
      `${score.collapses.length} collapses`,
  );

  it("still resolves most rows and merges distinct weights only where a lab reused a tier word", () => {
    expect(score.accuracy).toBeGreaterThan(0.8);
    // glm-5-turbo and glm-5v-turbo are distinct Z.ai products named with a serving-tier word;
    // only the catalog can tell, so without it they are the only permitted merges.
    const merged = new Set(score.collapses.map((row) => row.expected));
    for (const id of merged) expect(["glm-5-turbo", "glm-5v-turbo"]).toContain(id);
  });
});
