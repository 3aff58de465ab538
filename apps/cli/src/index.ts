export { loadCliConfig } from "./cli-config.js";
export type { GlobalOptions } from "./cli-config.js";
export { ExitCode } from "./exit-codes.js";
export { createProgram, main } from "./main.js";
export { streamJsonEventSchema } from "./headless/stream-json-schema.js";
export type { StreamJsonEvent } from "./headless/stream-json-schema.js";
export { createRuntime } from "./runtime/create-runtime.js";
export type { Runtime, RuntimeOptions } from "./runtime/create-runtime.js";
