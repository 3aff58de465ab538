import type { SessionContext } from "@bridle/core";
import { CALIBRATION_BOUNDS, type Calibration } from "./calibration.js";
import type { CompactionEngine } from "./compaction-engine.js";

/** What the plugin keeps in the session log (`SessionContext.save`) so a resumed session starts where it left off. */
export interface SavedCompactionState {
  /** Calibration per canonical model. */
  calibrations: Record<string, Calibration>;
  /** Compactions done in the session so far. */
  compactions: number;
}

/** The saved form of the engine's calibrations and the session's compaction count. */
export function toSavedState(engine: CompactionEngine, compactions: number): SavedCompactionState {
  return { calibrations: Object.fromEntries(engine.calibrations), compactions };
}

/** Writes the plugin's current calibrations and count to the session log under `key`. */
export function saveState(context: Pick<SessionContext, "save">, key: string, engine: CompactionEngine, compactions: number): void {
  context.save(key, toSavedState(engine, compactions));
}

/**
 * Reads what a resumed session saved, keeping only well-formed entries (the log is a file anyone
 * could edit): calibrations inside the ratio bounds, a whole non-negative count. Calibrations go
 * into the engine for models it has not calibrated itself yet; the count is returned.
 */
export function restoreSavedState(saved: unknown, engine: CompactionEngine): { compactions: number } {
  if (typeof saved !== "object" || saved === null) return { compactions: 0 };
  const { calibrations, compactions } = saved as Partial<Record<keyof SavedCompactionState, unknown>>;
  if (typeof calibrations === "object" && calibrations !== null) {
    for (const [model, value] of Object.entries(calibrations)) {
      const calibration = value as Partial<Calibration> | null;
      const ratio = calibration?.ratio;
      const samples = calibration?.samples;
      if (typeof ratio !== "number" || !(ratio >= CALIBRATION_BOUNDS.min && ratio <= CALIBRATION_BOUNDS.max)) continue;
      if (typeof samples !== "number" || !Number.isSafeInteger(samples) || samples < 0) continue;
      if (!engine.calibrations.has(model)) engine.calibrations.set(model, { ratio, samples });
    }
  }
  return { compactions: typeof compactions === "number" && Number.isSafeInteger(compactions) && compactions >= 0 ? compactions : 0 };
}
