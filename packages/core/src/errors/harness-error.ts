import type { ErrorClassification } from "../gateways/gateway-definition.js";
import { KernelError } from "./kernel-error.js";

/** Why a request to a model failed, as far as the harness can tell. */
export type HarnessErrorKind =
  | "http"
  | "overflow"
  | "rate-limit"
  | "network"
  | "stream"
  | "timeout"
  | "aborted"
  | "auth";

export interface HarnessErrorDetails {
  kind: HarnessErrorKind;
  gateway: string;
  /** Canonical model id. */
  model: string;
  status?: number;
  requestId?: string;
  retryable: boolean;
  /** Milliseconds the gateway asked us to wait (`retry-after-ms` / `retry-after`). */
  retryAfterMs?: number;
  /** The error body text, with keys redacted. */
  body?: string;
  /** What the gateway's classify step made of an error answer. */
  classification?: ErrorClassification;
  /** Answer text that streamed before the failure: shown and logged as an interrupted answer. */
  partial?: string;
  cause?: unknown;
}

/** A failed model request, typed so `onError` taps can classify and recover. */
export class HarnessError extends KernelError {
  readonly kind: HarnessErrorKind;
  readonly gateway: string;
  readonly model: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly body: string | undefined;
  readonly classification: ErrorClassification | undefined;
  readonly partial: string | undefined;

  constructor(message: string, details: HarnessErrorDetails) {
    super(`HARNESS_${details.kind.toUpperCase().replace("-", "_")}`, message, { cause: details.cause });
    this.name = "HarnessError";
    this.kind = details.kind;
    this.gateway = details.gateway;
    this.model = details.model;
    this.status = details.status;
    this.requestId = details.requestId;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
    this.body = details.body;
    this.classification = details.classification;
    this.partial = details.partial;
  }

  /** True when the gateway said the prompt does not fit the model's window. */
  get overflow(): boolean {
    return this.kind === "overflow";
  }
}
