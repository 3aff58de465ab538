/**
 * A failure the model can act on. Its message is sent back as the tool result, so it says what
 * was wrong, where, and what to do instead.
 */
export class ToolError extends Error {
  override name = "ToolError";
}

/** A path argument that cannot be used: empty, malformed, or outside the workspace. */
export class WorkspacePathError extends ToolError {
  override name = "WorkspacePathError";

  /**
   * @param message what is wrong with the path, naming it
   * @param path the path as the caller gave it
   */
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}
