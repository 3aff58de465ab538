export type {
  AssistantMessage,
  ChatMessage,
  ChatRequest,
  ChatResponse,
  ContentPart,
  FinishReason,
  RequestPurpose,
  JsonSchema,
  SystemMessage,
  ToolCall,
  ToolDefinition,
  ToolMessage,
  Usage,
  UserMessage,
} from "./chat.js";
export type { CompactionInfo, ConversationAccess, SessionContext, SessionRoute, TurnContext } from "./context.js";
export { createKernel } from "./create-kernel.js";
export type { Kernel, KernelOptions, LoadedPlugin, PluginEntry } from "./create-kernel.js";
export { definePlugin, isPlugin } from "./define-plugin.js";
export type { BridlePlugin, PluginDefinition, PluginGateways, PluginKernel, PluginOptions } from "./define-plugin.js";
export { ConfigError, formatIssue } from "./errors/config-error.js";
export type { ConfigIssue } from "./errors/config-error.js";
export { HarnessError } from "./errors/harness-error.js";
export type { HarnessErrorDetails, HarnessErrorKind } from "./errors/harness-error.js";
export { KernelError } from "./errors/kernel-error.js";
export { PluginError } from "./errors/plugin-error.js";
export type { FeedEvent } from "./feed-event.js";
export { createHooks } from "./hooks.js";
export type { CompactRequest, CompactResult, HookName, KernelHooks, PluginHooks, TapAttribution, TapOnlyHook, TapOnlyHookMap } from "./hooks.js";
export type { ModelRef, ResolvedModel } from "./model-ref.js";
export { DEFAULT_LIMITS, ModelRegistry } from "./model-registry.js";
export type { SlugRule, SlugRuleOwner } from "./model-registry.js";
export type {
  CanonicalModelId,
  GatewayModelOverride,
  LimitSource,
  ModelInfo,
  ModelLimits,
  ModelPricing,
  ReasoningMode,
  ReasoningReplay,
} from "./model-registry.js";
export type { ModelSwitch, ModelTarget } from "./model-switch.js";
export type { Recovery } from "./recovery.js";
export { Stage } from "./stage.js";
export type { StageName } from "./stage.js";
export type { RunnableCall, ToolCallEvent } from "./tool-call-event.js";
export type { Tool, ToolKind, ToolProcess, ToolResult, ToolRunContext } from "./tool.js";
export type { ToolSource, ToolSourceContext, ToolSourceEntry } from "./tool-source.js";
export { ToolSourceRegistry } from "./tool-source-registry.js";
export type { TraceRecord, TraceSummaryRow } from "./trace.js";
export { buildConfigJsonSchema } from "./config/config-json-schema.js";
export { baseConfigSchema, gatewayConfigSchema } from "./config/config-schema.js";
export type { BaseConfig } from "./config/config-schema.js";
export { loadConfig } from "./config/load-config.js";
export type { LoadConfigOptions, PluginSummary, ProjectTrust, ResolvedConfig } from "./config/load-config.js";
export { findProjectConfigFile, PROJECT_CONFIG_NAMES, userConfigFile } from "./config/config-files.js";
export { restrictUntrustedConfig } from "./trust/restrict-untrusted-config.js";
export type { IgnoredSetting, RestrictOptions, UntrustedKeyRule } from "./trust/restrict-untrusted-config.js";
export { DECLINED_FOLDERS_KEY, isFolderListed, projectConfigFolder, readTrustLists, realFolder, recordTrust, TRUSTED_FOLDERS_KEY, trustListsOf } from "./trust/trusted-folders.js";
export type { TrustLists } from "./trust/trusted-folders.js";
export { collectKeyBindings, decideKey, originOf } from "./trust/key-binding.js";
export type { KeyBindings, KeyDecision, KeyedGateway, UserGatewayEntry } from "./trust/key-binding.js";
export { CrossOriginRedirectError, fetchSameOrigin } from "./trust/fetch-same-origin.js";
export type { FetchFunction } from "./trust/fetch-same-origin.js";
export { ensurePrivateDirectory, PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE, writePrivateFile } from "./files/write-private-file.js";
export { cacheDirectory } from "./files/cache-directory.js";
export type { ConfigLayer } from "./config/merge-layers.js";
export { definePreset, isPreset } from "./config/preset.js";
export type { Preset } from "./config/preset.js";
export { Agent, CUT_TOOL_CALL_RESULT } from "./agent/agent.js";
export type { AgentOptions, Authorization, ChatSender, SessionRecorder, SwitchOptions, TurnOptions, TurnResult } from "./agent/agent.js";
export type { AgentEvent, TurnEnd } from "./agent/agent-event.js";
export { DoomLoopGuard } from "./agent/doom-loop-guard.js";
export { buildSystemPrompt, readAgentsMd } from "./agent/system-prompt.js";
export type { SystemPromptOptions } from "./agent/system-prompt.js";
export { defineGateway, isGateway } from "./gateways/define-gateway.js";
export type {
  AffinityMechanism,
  DiscoveredModel,
  ErrorClassification,
  ErrorShape,
  GatewayCapabilities,
  GatewayDefaults,
  GatewayDefinition,
  GatewayEndpoint,
  GatewayHooks,
  GatewaySlugStyle,
  GatewaySource,
  NegotiatedCapabilities,
  OverflowShape,
  ReasoningShape,
  RequestShape,
  ResolvedGateway,
  ResponseShape,
  ToolCallIdPolicy,
  WireContext,
  WireError,
  WireRequest,
} from "./gateways/gateway-definition.js";
export { GatewayConflictError, GatewayRegistry } from "./gateways/gateway-registry.js";
export type { GatewaySettings, UserGateways } from "./gateways/gateway-registry.js";
export { GatewayTransport } from "./transport/gateway-transport.js";
export type { PreparedRequest, SendOptions, TransportOptions } from "./transport/gateway-transport.js";
export { StreamAssembler } from "./transport/stream-assembler.js";
export type { AssembledResponse, StreamDelta } from "./transport/stream-assembler.js";
export { toWireRequest } from "./gateways/to-wire-request.js";
export { normalizeToolCallIds } from "./gateways/normalize-tool-call-ids.js";
export type { ToolCallIdRule } from "./gateways/normalize-tool-call-ids.js";
export type { WireTarget } from "./gateways/to-wire-request.js";
export { classifyWireError } from "./gateways/classify-wire-error.js";
export type { EndpointHealth, EndpointHealthSource } from "./gateways/endpoint-health.js";
export type { StatedOverflow } from "./gateways/stated-overflow.js";
export { negotiate } from "./gateways/negotiate.js";
export type { Negotiation } from "./gateways/negotiate.js";
export { CapabilityStore, capabilitiesFile } from "./gateways/capability-store.js";
export { preloadTokenizer, TokenCounter, tokenizerLoaded } from "./tokens/token-counter.js";
export { formatCount, formatTokens } from "./tokens/format-tokens.js";
export { chainTextFilters, passThroughFilter } from "./text-stream-filter.js";
export type { TextStreamFilter } from "./text-stream-filter.js";
export { DEFAULT_OUTPUT_TOKENS, OUTPUT_WINDOW_SHARE, outputReserve } from "./tokens/output-reserve.js";
export type { ContextBreakdown } from "./tokens/token-counter.js";
export { collectSecrets } from "./session/collect-secrets.js";
export { createStreamRedactor } from "./session/create-stream-redactor.js";
export type { StreamRedactor } from "./session/create-stream-redactor.js";
export type { CollectSecretsOptions } from "./session/collect-secrets.js";
export { isSecretValue, isSecretVariable, KNOWN_SECRET_VARIABLES } from "./session/is-secret-variable.js";
export { createRedactor, MIN_SECRET_LENGTH } from "./session/create-redactor.js";
export type { Redactor, RedactorOptions } from "./session/create-redactor.js";
export { createSessionId } from "./session/create-session-id.js";
export { didYouMean, suggestNames } from "./suggest-names.js";
export { latestSession, listSessions } from "./session/list-sessions.js";
export type { SessionSummary } from "./session/list-sessions.js";
export { readSessionFile, readSessionLines } from "./session/read-session-file.js";
export type { SessionFileContents, SessionLines, SkippedLine } from "./session/read-session-file.js";
export { INTERRUPTED_TOOL_RESULT, NOT_RUN_TOOL_RESULT, replaySession } from "./session/replay-session.js";
export type { PendingToolCall, ReplayedSession, ReplayOptions } from "./session/replay-session.js";
export { REDACTED } from "./session/secret-patterns.js";
export { SessionFileError } from "./session/session-file-error.js";
export type { SessionFileErrorCode } from "./session/session-file-error.js";
export { SessionLockedError } from "./session/session-locked-error.js";
export { SessionLog } from "./session/session-log.js";
export type { CreateSessionOptions, ForkedSession, ForkSessionOptions, OpenedSession, OpenSessionOptions } from "./session/session-log.js";
export type {
  CompactionRecordInput,
  FeedRecordInput,
  InterruptedAnswerRecordInput,
  InterruptedRecordInput,
  MessageRecordInput,
  ModelSwitchRecordInput,
  RecordStamp,
  SessionEntryInput,
  SessionHeader,
  SessionHeaderInput,
  SessionModel,
  SessionRecord,
  SessionRecordInput,
  ToolProcessRecordInput,
  ToolStartRecordInput,
  UsageRecordInput,
} from "./session/session-record.js";
export { sessionsDirectory } from "./session/sessions-directory.js";
