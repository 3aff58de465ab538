/**
 * One line of the feed: what the harness did on the user's behalf ("switched models, compacted
 * 612k to 84k to fit", a repaired tool call, a retry, a fallback). Shown by the CLI and logged.
 */
export interface FeedEvent {
  /** Dotted event type, e.g. `compaction.done`, `model.unknown`, `retry.scheduled`. */
  type: string;
  level: "info" | "warn" | "error";
  /** One human sentence. */
  message: string;
  /** The plugin that emitted it. */
  source?: string;
  data?: Record<string, unknown>;
}
