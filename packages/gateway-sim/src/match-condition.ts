import type { ChatRequestView } from "./chat-request-view.js";
import type { StepCondition } from "./scenario-schema.js";

/** Whether `request` meets every condition given in `condition` (an absent condition matches). */
export function matchesCondition(condition: StepCondition | undefined, request: ChatRequestView): boolean {
  if (condition === undefined) return true;
  if (condition.hasTools !== undefined && condition.hasTools !== request.tools.length > 0) return false;
  if (condition.stream !== undefined && condition.stream !== request.stream) return false;
  if (condition.lastRole !== undefined && condition.lastRole !== request.lastRole) return false;
  if (condition.profile !== undefined && !oneOf(condition.profile, request.profile)) return false;
  if (condition.model !== undefined && !oneOf(condition.model, request.slug)) return false;
  if (condition.minMessages !== undefined && request.messages.length < condition.minMessages) return false;
  if (condition.maxMessages !== undefined && request.messages.length > condition.maxMessages) return false;
  if (condition.lastUserContains !== undefined && !request.lastUserText.includes(condition.lastUserContains)) return false;
  if (condition.systemContains !== undefined && !request.systemText.includes(condition.systemContains)) return false;
  if (condition.anyMessageContains !== undefined && !request.anyMessageContains(condition.anyMessageContains)) return false;
  return true;
}

function oneOf(expected: string | readonly string[], actual: string): boolean {
  return typeof expected === "string" ? expected === actual : expected.includes(actual);
}
