export { createTempWorkspace, resultText } from "./temp-workspace.js";
export type { TempWorkspace } from "./temp-workspace.js";
