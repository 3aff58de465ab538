import type { RepairProblem } from "./repair-problem.js";

/** Collects the rules that fired (each name once, in firing order) and problems found on the way. */
export class RepairRecorder {
  readonly rules: string[] = [];
  readonly problems: RepairProblem[] = [];

  fire(rule: string): void {
    if (!this.rules.includes(rule)) this.rules.push(rule);
  }

  /** Takes over what a tentative attempt recorded, once the attempt is kept. */
  merge(other: RepairRecorder): void {
    for (const rule of other.rules) this.fire(rule);
    this.problems.push(...other.problems);
  }
}
