import { defineGateway, type ErrorClassification, type WireError } from "@bridle/core";
import { classifyRateLimit } from "../classify-rate-limit.js";

/** Cloudflare API error codes that mean a retry can help: capacity (3040) and internal (3043). */
const RETRYABLE_CODES = new Set([3040, 3043]);

/**
 * Cloudflare's envelope `{"errors":[{"message","code"}],"success":false}` has no `error` key;
 * reads the first error's code so capacity errors are retried and 5021 reads as overflow.
 */
export function classifyCloudflareError(error: WireError): ErrorClassification | undefined {
  let code: number | undefined;
  try {
    const parsed = JSON.parse(error.body) as { errors?: Array<{ code?: unknown }> };
    const first = parsed.errors?.[0]?.code;
    code = typeof first === "number" ? first : undefined;
  } catch {
    code = undefined;
  }
  if (code === 5021) return { kind: "overflow" };
  if (code !== undefined && RETRYABLE_CODES.has(code)) return error.status === 429 ? (classifyRateLimit(error) ?? { kind: "rate-limit" }) : { kind: "retryable" };
  return classifyRateLimit(error);
}

/**
 * Cloudflare Workers AI: `@cf/org/model` slugs, the account id in the URL
 * (`CLOUDFLARE_ACCOUNT_ID`), prefix caching steered by the `x-session-affinity` header, and the
 * Cloudflare API error envelope with numeric codes.
 */
export const cloudflare = defineGateway({
  id: "cloudflare",
  name: "Cloudflare Workers AI",
  baseURL: "https://api.cloudflare.com/client/v4/accounts/{CLOUDFLARE_ACCOUNT_ID}/ai/v1",
  apiKeyEnv: "CLOUDFLARE_API_TOKEN",
  apiKeyEnvAlternatives: ["CLOUDFLARE_API_KEY"],
  slugs: {
    style: "lower",
    prefix: "@cf/",
    orgs: { deepseek: "deepseek-ai", kimi: "moonshotai", glm: "zai-org", qwen: "qwen", llama: "meta", mistral: "mistralai", "gpt-oss": "openai" },
  },
  overflow: { patterns: [/exceeded this model context window limit/i] },
  errors: { rateLimitPatterns: [/capacity temporarily exceeded/i] },
  affinity: { header: "x-session-affinity" },
  hooks: { classifyError: classifyCloudflareError },
  unverified: ["key variable names (they vary between tools)", "overflow text and code 5021", "capacity code 3040", "reasoning field"],
});
