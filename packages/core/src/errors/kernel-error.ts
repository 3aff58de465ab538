const marker = Symbol.for("bridle.kernel-error");

/** Base of every error Bridle throws on purpose; `code` is stable and documented. */
export class KernelError extends Error {
  readonly [marker] = true;
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "KernelError";
    this.code = code;
  }

  /** True for any Bridle error, even one from another copy of this package. */
  static isInstance(value: unknown): value is KernelError {
    return typeof value === "object" && value !== null && marker in value;
  }
}
