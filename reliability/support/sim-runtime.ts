/**
 * The real runtime (config, kernel with the default preset, tools, permissions, session log,
 * agent) in a temp project whose gateway is the loopback simulator, and the CLI's process-test
 * project: one copy of each, kept beside the CLI tests that use them too.
 */
export { START_MODEL, startSimRuntime, type SimRuntime } from "../../apps/cli/test/interactive-runtime.js";
export {
  disposeSimProject,
  readRecords,
  runCliToEnd,
  runningInGroup,
  startCli,
  startSimProject,
  until,
  type SimProject,
} from "../../apps/cli/test/sim-project.js";
export { PLANTED_ENVIRONMENT, PLANTED_PATTERNS, PLANTED_PEM } from "../../apps/cli/test/planted-secrets.js";
export { scanWrittenFiles } from "../../apps/cli/test/scan-written-files.js";
