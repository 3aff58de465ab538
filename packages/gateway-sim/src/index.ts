export { startGatewaySim } from "./start-gateway-sim.js";
export type { GatewaySim, GatewaySimOptions } from "./start-gateway-sim.js";
export { runSimCommand, parseSimArgs } from "./run-sim-command.js";
export type { SimCommandOptions } from "./run-sim-command.js";
export { RecordedRequests } from "./recorded-requests.js";
export type { RecordedRequest, RequestOutcome } from "./recorded-requests.js";
export { fingerprintKey, redactHeaders } from "./redact-headers.js";
export { ScenarioPlayer } from "./scenario-player.js";
export type { StepChoice } from "./scenario-player.js";
export { parseScenario, parseScenarioStep, loadScenarioFile } from "./parse-scenario.js";
export { scenarioSchema, scenarioStepSchema, stepConditionSchema } from "./scenario-schema.js";
export type { Scenario, ScenarioInput, ScenarioStep, ScenarioStepInput, StepCondition, ScenarioToolCall } from "./scenario-schema.js";
export { builtinProfiles, builtinProfileNames } from "./builtin-profiles.js";
export { resolveGatewayProfile, profileOverridesSchema } from "./resolve-gateway-profile.js";
export type { ProfileOverrides, ProfileSpec } from "./resolve-gateway-profile.js";
export { defineGatewayProfile } from "./define-gateway-profile.js";
export type { GatewayProfileDefinition } from "./define-gateway-profile.js";
export type {
  AffinitySource,
  CachedTokensShape,
  GatewayErrorBodies,
  GatewayErrorResponse,
  GatewayProfile,
  MaxTokensParam,
  ModelFamily,
  OverflowContext,
  OverflowCounts,
  OverflowMode,
  RateLimitContext,
  ReasoningPlacement,
  ResponseContext,
  SimModel,
  ToolArgumentStreaming,
  ToolCallIdStyle,
  UsageNumbers,
  UsagePlacement,
} from "./gateway-profile.js";
export type { NodeCacheStats } from "./gateway-simulator.js";
export { TokenCounter } from "./token-counter.js";
export { createSeededRandom } from "./seeded-random.js";
export type { SeededRandom } from "./seeded-random.js";
