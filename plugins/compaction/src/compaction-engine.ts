import { type Calibration, calibrate } from "./calibration.js";
import { type CompactionOptions, compactionOptionsSchema } from "./compaction-options.js";

/**
 * What one loaded compaction plugin knows across sessions: its options and the calibration of
 * every model it has seen usage for (per canonical model: the same weights tokenize the same
 * through any gateway).
 */
export interface CompactionEngine {
  readonly options: CompactionOptions;
  readonly calibrations: Map<string, Calibration>;
}

/** An engine for the given options (all defaults when none are given). */
export function createCompactionEngine(options?: Partial<CompactionOptions>): CompactionEngine {
  return { options: compactionOptionsSchema.parse(options ?? {}), calibrations: new Map() };
}

/** The calibration to apply for a model, or `undefined` when calibration is off or unknown. */
export function calibrationOf(engine: CompactionEngine, model: string): Calibration | undefined {
  return engine.options.calibrate ? engine.calibrations.get(model) : undefined;
}

/** A local estimate corrected by the model's calibration. */
export function calibratedTokens(engine: CompactionEngine, model: string, tokens: number): number {
  return calibrate(tokens, calibrationOf(engine, model));
}

/** The model's calibration ratio, 1 when unknown. */
export function ratioOf(engine: CompactionEngine, model: string): number {
  return calibrationOf(engine, model)?.ratio ?? 1;
}
