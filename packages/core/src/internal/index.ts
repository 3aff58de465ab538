/**
 * `@bridle/core/internal`: building blocks Bridle's own packages share but that are not part of
 * the documented contract. They may change in any release.
 */
export { callFingerprint, DOOM_LOOP_LIMIT } from "../agent/doom-loop-guard.js";
export { isRetryableStatus } from "../gateways/classify-wire-error.js";
export { findRejectedFields, findReplayDemand } from "../gateways/find-rejected-fields.js";
export { describeSource } from "../gateways/gateway-registry.js";
export { createSessionId } from "../session/create-session-id.js";
export { parseSessionText } from "../session/read-session-file.js";
export { SESSION_FORMAT_VERSION, SESSION_RECORD_TYPES } from "../session/session-record.js";
export { workspaceSlug } from "../session/sessions-directory.js";
export { TraceRecorder } from "../trace.js";
export { normalizeUsage } from "../transport/normalize-usage.js";
export { isOverflowError, OVERFLOW_PATTERNS } from "../transport/overflow-patterns.js";
export { retryAfterMilliseconds } from "../transport/retry-after.js";
export { ThinkSplitter } from "../transport/think-splitter.js";
