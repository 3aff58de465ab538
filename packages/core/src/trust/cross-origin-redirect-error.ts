/** A redirect to another origin: refused, so the key (and the conversation) stay where they were sent. */
export class CrossOriginRedirectError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly status: number,
  ) {
    super(`${new URL(from).origin} answered ${status} redirecting to ${new URL(to).origin}; a redirect to another origin is not followed (the key goes only to its own gateway's host)`);
    this.name = "CrossOriginRedirectError";
  }
}
