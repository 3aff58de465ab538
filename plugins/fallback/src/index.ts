export { createFallbackPlugin, fallbackPlugin } from "./fallback-plugin.js";
export type { FallbackPluginSeams } from "./fallback-plugin.js";
export { fallbackOptionsSchema } from "./fallback-options.js";
export type { FallbackOptions } from "./fallback-options.js";
export { BreakerOpenError, CutAnswerError } from "./fallback-errors.js";
