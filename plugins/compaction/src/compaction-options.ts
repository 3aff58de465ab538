import { z } from "zod";

const fraction = (fallback: number, description: string) => z.number().gt(0).max(1).default(fallback).describe(description);

/**
 * Options of the compaction plugin, under `plugins.compaction` in a config file. Fractions are of
 * the window of the current model on the current gateway, which changes whenever the model does.
 */
export const compactionOptionsSchema = z
  .object({
    enabled: z.boolean().default(true).describe("Turn the context engine on (true) or off (false)."),
    tier1: fraction(0.5, "Past this share of the window, old tool outputs are replaced by stubs, when that gets the context down to the target."),
    tier2: fraction(0.75, "Past this share, pruning goes harder (all but the newest turn, long reasoning and arguments), when that gets below tier 1."),
    tier3: fraction(0.9, "Past this share, older turns are summarized by the model and the recent turns kept verbatim."),
    target: fraction(0.4, "Share of the window a summarizing compaction aims at; well below tier 1, so compactions stay rare."),
    keepRecentTurns: z.number().int().min(0).max(100).default(3).describe("User turns kept verbatim when older turns are summarized (fewer when they do not fit)."),
    reserveOutputTokens: z
      .number()
      .int()
      .min(0)
      .default(16_000)
      .describe("Output tokens kept free in the window; the request's own output limit when that is smaller."),
    pruneMinTokens: z.number().int().min(0).default(400).describe("Tool outputs smaller than this many tokens are left alone by a tier-1 prune."),
    summaryMaxTokens: z.number().int().min(256).default(12_000).describe("Output tokens a summary may take at most."),
    summaryWindowShare: fraction(0.1, "Share of the incoming window a summary may take at most."),
    summarizerClipChars: z.number().int().min(200).default(2000).describe("Characters of each old tool output the summarizer reads (head and tail)."),
    calibrate: z.boolean().default(true).describe("Correct token estimates per model from the usage gateways report."),
  })
  .superRefine((options, context) => {
    const order: Array<[keyof typeof options, keyof typeof options]> = [
      ["tier1", "tier2"],
      ["tier2", "tier3"],
      ["target", "tier1"],
    ];
    for (const [lower, higher] of order) {
      if ((options[lower] as number) > (options[higher] as number)) {
        context.addIssue({ code: "custom", path: [lower], message: `${lower} (${String(options[lower])}) must not be above ${higher} (${String(options[higher])})` });
      }
    }
  });

/** The parsed options. */
export type CompactionOptions = z.output<typeof compactionOptionsSchema>;
