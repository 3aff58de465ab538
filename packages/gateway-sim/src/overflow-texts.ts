import type { OverflowContext } from "./gateway-profile.js";

/**
 * Overflow wordings shared by several engines, each written once: OpenAI's (also DeepSeek's and
 * many hosts'), vLLM's since 0.11, and SGLang's when a completion length was asked for.
 */
export function openAiOverflowText(context: OverflowContext): string {
  return `This model's maximum context length is ${context.contextWindow} tokens. However, you requested ${context.promptTokens + context.outputTokens} tokens (${context.promptTokens} in the messages, ${context.outputTokens} in the completion). Please reduce the length of the messages or completion.`;
}

export function vllmOverflowText(context: OverflowContext): string {
  return context.outputTokens > 0
    ? `This model's maximum context length is ${context.contextWindow} tokens. However, you requested ${context.outputTokens} output tokens and your prompt contains at least ${context.promptTokens} input tokens, for a total of at least ${context.promptTokens + context.outputTokens} tokens. Please reduce the length of the input prompt or the number of requested output tokens.`
    : `This model's maximum context length is ${context.contextWindow} tokens. However, your request has ${context.promptTokens} input tokens. Please reduce the length of the input messages.`;
}

export function sglangRequestedTokensText(context: OverflowContext): string {
  return `Requested token count exceeds the model's maximum context length of ${context.contextWindow} tokens. You requested a total of ${context.promptTokens + context.outputTokens} tokens: ${context.promptTokens} tokens from the input messages and ${context.outputTokens} tokens for the completion. Please reduce the number of tokens in the input messages or the completion to fit within the limit.`;
}
