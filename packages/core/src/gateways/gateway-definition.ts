/** What Bridle needs to know to talk to one OpenAI-compatible endpoint. */
export interface GatewayDefinition {
  /** Stable id used in config (`gateway: "groq"`) and in the registry's per-gateway overrides. */
  id: string;
  /** Display name. */
  name: string;
  baseURL: string;
  /** Environment variable holding the key; absent for local servers that need none. */
  apiKeyEnv?: string;
  /** Which name the output-token limit goes under. */
  maxTokensParameter: "max_tokens" | "max_completion_tokens";
  /** Whether the endpoint accepts `stream_options: { include_usage: true }`. */
  streamUsage: boolean;
  /** Runs on the user's machine (no key needed, loopback URL). */
  local: boolean;
}
