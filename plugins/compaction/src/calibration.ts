/**
 * How a model's real prompt size relates to the local estimate: the gateway's reported
 * `prompt_tokens` divided by the o200k count of the same request. Chat templates and other
 * tokenizers make the two drift apart by a few percent to tens of percent; the ratio corrects it.
 */
export interface Calibration {
  /** Reported over estimated prompt tokens. */
  ratio: number;
  /** Usage reports folded in so far. */
  samples: number;
}

/** The band a ratio is kept in: a usage report outside it says more about the gateway than the tokenizer. */
export const CALIBRATION_BOUNDS = { min: 0.5, max: 2 } as const;

/** How usage reports are folded into a calibration. */
export interface CalibrationSettings {
  /** Requests estimated below this are skipped: fixed template overhead dominates them. */
  minTokens: number;
  /** Weight of a new sample once a few are in (exponential moving average). */
  smoothing: number;
}

/** The default `minTokens`. */
export const CALIBRATION_MIN_TOKENS = 1000;

const DEFAULT_SETTINGS: CalibrationSettings = { minTokens: CALIBRATION_MIN_TOKENS, smoothing: 0.3 };

/**
 * Folds one usage report into a calibration. The first samples average plainly, then an
 * exponential moving average follows drift (a new template, a different upstream) without
 * jumping on one odd report. Returns `previous` unchanged when the sample says nothing.
 */
export function updateCalibration(
  previous: Calibration | undefined,
  sample: { estimated: number; reported: number },
  settings: Partial<CalibrationSettings> = {},
): Calibration | undefined {
  const { minTokens, smoothing } = { ...DEFAULT_SETTINGS, ...settings };
  if (!(sample.estimated >= minTokens) || !(sample.reported > 0) || !Number.isFinite(sample.reported)) return previous;
  const ratio = clampRatio(sample.reported / sample.estimated);
  if (!previous) return { ratio, samples: 1 };
  const weight = Math.max(smoothing, 1 / (previous.samples + 1));
  return { ratio: clampRatio(previous.ratio + weight * (ratio - previous.ratio)), samples: previous.samples + 1 };
}

/** An estimate corrected by the model's calibration (rounded up: underestimating is what overflows). */
export function calibrate(tokens: number, calibration: Calibration | undefined): number {
  return calibration ? Math.ceil(tokens * calibration.ratio) : tokens;
}

/**
 * Raises a calibration after the gateway said a request overflowed that the estimate said would
 * fit: the real size was at least the window, so the ratio is at least `window / estimated`.
 */
export function raiseCalibrationForOverflow(previous: Calibration | undefined, estimated: number, window: number): Calibration | undefined {
  if (!(estimated > 0)) return previous;
  const floor = clampRatio((window / estimated) * 1.02);
  if (previous && previous.ratio >= floor) return previous;
  return { ratio: floor, samples: previous?.samples ?? 0 };
}

function clampRatio(ratio: number): number {
  return Math.min(CALIBRATION_BOUNDS.max, Math.max(CALIBRATION_BOUNDS.min, ratio));
}
