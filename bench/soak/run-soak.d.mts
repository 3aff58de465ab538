/** Figures of one soak run. */
export interface SoakFigures {
  turns: number;
  faults: number;
  faultsByKind: Record<string, number>;
  /** Faults in turns that ended with the scripted answer and the work done. */
  recoveries: number;
  /** Faults in turns that ended with a message saying what went wrong. */
  clearMessages: number;
  /** Faults that ended in neither: a failure of the run. */
  unhandledFaults: number;
  recordsLost: number;
  replayMismatches: number;
  skippedLines: number;
  compactions: number;
  fallbacks: number;
  retries: number;
  toolRuns: number;
  crashes: number;
}

export interface SoakProblem {
  turn: number;
  kinds: string[];
  problem: string;
  message?: string;
  last?: unknown;
}

export interface SoakResult {
  seed: number;
  figures: SoakFigures;
  /** The first message a turn ended with, per combination of faults. */
  endings: Record<string, string>;
  secondsByKind: Record<string, number>;
  problems: SoakProblem[];
  crashes: Array<{ turn: number; error: string }>;
  seconds: number;
}

export function runSoak(options?: { turns?: number; seed?: number; log?: (line: string) => void }): Promise<SoakResult>;

/** A message that says what went wrong: not empty, not an internal error. */
export function isClearMessage(message: unknown): boolean;
