import type { ChatRequestView } from "./chat-request-view.js";
import { matchesCondition } from "./match-condition.js";
import { parseScenario, parseScenarioStep } from "./parse-scenario.js";
import type { Scenario, ScenarioInput, ScenarioStep, ScenarioStepInput } from "./scenario-schema.js";

/** The step chosen for a request; `step` is undefined when the digest fallback answers. */
export interface StepChoice {
  readonly step: ScenarioStep | undefined;
  /** Position of the step in the current scenario, or -1 for the fallback. */
  readonly index: number;
  /** The step's `id`, `"fallback"` for a fallback step, or `"digest"`. */
  readonly label: string;
}

interface StepSlot {
  readonly step: ScenarioStep;
  remaining: number;
}

/**
 * Plays a scenario. For each request the steps are scanned in order and the first one that still
 * has uses left and whose `when` matches answers it, using one of its uses (`repeat: true` never
 * runs out). With no matching step the scenario's fallback answers (the digest by default).
 * Steps without `when` therefore form a script consumed in order, and steps with `when` answer
 * the requests they describe wherever those come.
 */
export class ScenarioPlayer {
  private slots: StepSlot[] = [];
  private fallback: Scenario["fallback"] = "digest";

  constructor(scenario?: ScenarioInput) {
    if (scenario !== undefined) this.setScenario(scenario);
  }

  /** Replaces the whole scenario, forgetting which steps were used. */
  setScenario(input: ScenarioInput, where = "scenario"): void {
    const scenario = parseScenario(input, where);
    this.slots = scenario.steps.map((step) => ({ step, remaining: usesOf(step) }));
    this.fallback = scenario.fallback;
  }

  /** Appends steps after the current ones. */
  enqueue(...steps: ScenarioStepInput[]): void {
    steps.forEach((input, index) => {
      const step = parseScenarioStep(input, `enqueue step ${index}`);
      this.slots.push({ step, remaining: usesOf(step) });
    });
  }

  /** Steps that can still answer (unlimited steps count once). */
  get pendingSteps(): number {
    return this.slots.filter((slot) => slot.remaining > 0).length;
  }

  /** Picks and uses the step that answers `request`. */
  choose(request: ChatRequestView): StepChoice {
    for (let index = 0; index < this.slots.length; index += 1) {
      const slot = this.slots[index] as StepSlot;
      if (slot.remaining <= 0 || !matchesCondition(slot.step.when, request)) continue;
      slot.remaining -= 1;
      return { step: slot.step, index, label: slot.step.id ?? `step ${index}` };
    }
    if (this.fallback === "digest") return { step: undefined, index: -1, label: "digest" };
    return { step: this.fallback, index: -1, label: this.fallback.id ?? "fallback" };
  }
}

function usesOf(step: ScenarioStep): number {
  if (step.repeat === true) return Number.POSITIVE_INFINITY;
  if (typeof step.repeat === "number") return step.repeat;
  return 1;
}
