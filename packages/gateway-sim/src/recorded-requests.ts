/** How a request ended. */
export type RequestOutcome =
  | "reply"
  | "fault"
  | "overflow"
  | "truncated"
  | "unauthorized"
  | "unknown_model"
  | "rejected"
  | "bad_request"
  | "models"
  | "server"
  | "not_found";

/** One request as the simulator received it, with credentials redacted. */
export interface RecordedRequest {
  /** 1-based arrival number across the whole simulator. */
  readonly sequence: number;
  /** The profile whose path the request reached ("" for unknown routes). */
  readonly profile: string;
  readonly method: string;
  readonly path: string;
  /** Lowercase request headers; credentials replaced by fingerprints. */
  readonly headers: Readonly<Record<string, string>>;
  /** Fingerprint of the key sent (`[redacted:groq]`), or null when none was sent. */
  readonly keyFingerprint: string | null;
  /** The profile that owns the key sent, or null when it is no profile's key. */
  readonly keyOwner: string | null;
  /** The parsed JSON body (the raw text when it was not JSON; undefined for GET). */
  readonly body: unknown;
  /** The model slug the request asked for. */
  readonly model: string | undefined;
  readonly stream: boolean;
  /** The node that served it (after routing). */
  readonly node: number | undefined;
  readonly nodeName: string | undefined;
  /** The affinity key the gateway honoured, and where it came from (`body:session_id`). */
  readonly affinityKey: { readonly source: string; readonly value: string } | undefined;
  readonly promptTokens: number | undefined;
  readonly cachedTokens: number | undefined;
  readonly completionTokens: number | undefined;
  /** The output limit the gateway read (under its own parameter name). */
  readonly maxTokens: number | undefined;
  readonly status: number;
  readonly outcome: RequestOutcome;
  /** The scenario step that answered (its id, `step N`, `digest` or `fallback`). */
  readonly step: string | undefined;
  /** Epoch milliseconds when the request arrived. */
  readonly receivedAt: number;
  /** Milliseconds the simulator spent deciding the response (no scripted delays). */
  readonly handleMs: number;
}

/**
 * The requests a simulator received, oldest first, so tests can assert what was sent: which key
 * went to which gateway, which slug, which affinity key. Keeps the newest `capacity` requests.
 */
export class RecordedRequests implements Iterable<RecordedRequest> {
  private readonly entries: RecordedRequest[] = [];

  constructor(private readonly capacity = 1000) {}

  /** Adds a request (used by the simulator). */
  add(request: RecordedRequest): void {
    if (this.capacity <= 0) return;
    this.entries.push(request);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Every kept request. */
  all(): readonly RecordedRequest[] {
    return [...this.entries];
  }

  /** Requests that reached `profile`. */
  forProfile(profile: string): readonly RecordedRequest[] {
    return this.entries.filter((request) => request.profile === profile);
  }

  /** Chat-completion requests (GET /models and unknown routes left out), optionally of one profile. */
  completions(profile?: string): readonly RecordedRequest[] {
    return this.entries.filter((request) => request.method === "POST" && request.path.endsWith("/chat/completions") && (profile === undefined || request.profile === profile));
  }

  /** The newest request, optionally of one profile. */
  last(profile?: string): RecordedRequest | undefined {
    for (let index = this.entries.length - 1; index >= 0; index -= 1) {
      const request = this.entries[index] as RecordedRequest;
      if (profile === undefined || request.profile === profile) return request;
    }
    return undefined;
  }

  /** Number of kept requests. */
  get count(): number {
    return this.entries.length;
  }

  /** Forgets every request. */
  clear(): void {
    this.entries.length = 0;
  }

  [Symbol.iterator](): Iterator<RecordedRequest> {
    return this.all()[Symbol.iterator]();
  }
}
