/**
 * A session to continue whose first line is not a session header. The file is left as it is;
 * the message says what is wrong, how many records are readable, and how to continue from a copy.
 */
export class DamagedSessionError extends Error {
  constructor(
    /** The damaged file, never written. */
    readonly file: string,
    /** What the reader found (file, line 1, what was expected). */
    readonly problem: string,
    /** Records after line 1 that a copy would hold. */
    readonly readable: number,
    /** The command line that continues from a copy (`bridle -c --fork-session`). */
    readonly forkCommand: string,
  ) {
    super(
      readable > 0
        ? `${problem}\nTo continue from a copy with the readable records (a new session; this file is never written): ${forkCommand}`
        : `${problem}\nNo record in it is readable: there is nothing to continue.`,
    );
    this.name = "DamagedSessionError";
  }
}
