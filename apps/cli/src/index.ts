export { loadCliConfig } from "./cli-config.js";
export type { GlobalOptions } from "./cli-config.js";
export { ExitCode } from "./exit-codes.js";
export { createProgram, main } from "./main.js";
