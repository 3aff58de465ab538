/**
 * Named stages order taps across plugins. Within a hook, lower stages run first; registration
 * order only breaks ties inside one stage, so no plugin depends on being loaded first.
 */
export const Stage = {
  /** Make data canonical: model ids, reasoning fields, usage numbers. */
  NORMALIZE: -300,
  /** Fit the conversation to the window. */
  COMPACT: -200,
  /** Repair and validate what the model produced. */
  REPAIR: -100,
  /** Everything without an opinion about order. */
  DEFAULT: 0,
  /** Pick the endpoint and affinity keys. */
  ROUTE: 100,
  /** Translate to the gateway's wire shape; last to touch a request. */
  GATEWAY: 200,
  /** Watch what happened: telemetry, logs, feed. Never changes the value. */
  OBSERVE: 1000,
} as const;

export type StageName = keyof typeof Stage;
