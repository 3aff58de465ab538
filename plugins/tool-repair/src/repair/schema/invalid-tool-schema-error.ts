/** Thrown when a tool's parameters are not a JSON Schema this package can validate against. */
export class InvalidToolSchemaError extends Error {
  /** Where in the schema the problem is, as a JSON pointer (`#/properties/path/type`). */
  readonly pointer: string;

  constructor(pointer: string, problem: string) {
    super(`Invalid tool schema at ${pointer}: ${problem}`);
    this.name = "InvalidToolSchemaError";
    this.pointer = pointer;
  }
}
