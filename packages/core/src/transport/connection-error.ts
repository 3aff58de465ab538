/** A request that got no answer: the connection failed (refused, reset, DNS) before any headers. */
export class ConnectionError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "ConnectionError";
  }
}

/** A request whose answer did not start within the time allowed. */
export class ConnectionTimeoutError extends Error {
  constructor(milliseconds: number) {
    super(`no answer within ${milliseconds} ms`);
    this.name = "ConnectionTimeoutError";
  }
}
