import { HarnessError } from "@bridle/core";

/** Raised before sending: every endpoint of the gateway has an open circuit breaker. */
export class BreakerOpenError extends HarnessError {
  readonly retryAt: number;

  constructor(gateway: string, model: string, retryAt: number, detail: string) {
    super(`${gateway} is not used until ${new Date(retryAt).toISOString()}: its circuit breaker is open (${detail})`, { kind: "http", gateway, model, retryable: true });
    this.name = "BreakerOpenError";
    this.retryAt = retryAt;
  }
}

/** Raised on a complete answer that the output limit cut inside a tool call, to ask again with more room. */
export class CutAnswerError extends HarnessError {
  readonly maxOutputTokens: number;

  constructor(gateway: string, model: string, used: number, maxOutputTokens: number) {
    super(`the answer hit the ${used}-token output limit inside a tool call; asking again with room for ${maxOutputTokens}`, { kind: "stream", gateway, model, retryable: true });
    this.name = "CutAnswerError";
    this.maxOutputTokens = maxOutputTokens;
  }
}
