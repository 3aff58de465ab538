/**
 * Provider and gateway key variables removed from every child environment by name, including the
 * ones the name patterns below would also catch, so the list documents intent.
 */
export const KNOWN_SECRET_VARIABLES: readonly string[] = [
  "OPENAI_API_KEY",
  "ANTHROPIC_API_KEY",
  "ANTHROPIC_AUTH_TOKEN",
  "OPENROUTER_API_KEY",
  "TOGETHER_API_KEY",
  "TOGETHER_AI_API_KEY",
  "FIREWORKS_API_KEY",
  "GROQ_API_KEY",
  "DEEPINFRA_API_KEY",
  "DEEPINFRA_TOKEN",
  "CEREBRAS_API_KEY",
  "MOONSHOT_API_KEY",
  "KIMI_API_KEY",
  "DEEPSEEK_API_KEY",
  "ZAI_API_KEY",
  "ZHIPUAI_API_KEY",
  "DASHSCOPE_API_KEY",
  "MINIMAX_API_KEY",
  "BASETEN_API_KEY",
  "CHUTES_API_KEY",
  "NOVITA_API_KEY",
  "SILICONFLOW_API_KEY",
  "NEBIUS_API_KEY",
  "AI_GATEWAY_API_KEY",
  "VERCEL_OIDC_TOKEN",
  "CLOUDFLARE_API_TOKEN",
  "CLOUDFLARE_API_KEY",
  "GEMINI_API_KEY",
  "GOOGLE_API_KEY",
  "MISTRAL_API_KEY",
  "XAI_API_KEY",
  "AZURE_OPENAI_API_KEY",
  "HF_TOKEN",
  "HUGGING_FACE_HUB_TOKEN",
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "NPM_TOKEN",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
];

// Names with any of these words are secrets by convention (Codex strips *KEY*, *SECRET*, *TOKEN*).
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE|COOKIE|AUTHORIZATION|(^|_)AUTH$|(^|_)PAT$/i;

// Values shaped like well-known key formats, whatever the variable is called.
const SECRET_VALUE =
  /^(sk-|sk_live_|sk_test_|rk_live_|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abprs]-|AKIA|ASIA|AIza|hf_|gsk_|fw_|nvapi-|r8_|pplx-|csk-|tgp_v1_|eyJ)[A-Za-z0-9._\-]{12,}$/;
const PEM_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
// scheme://user:password@host — a connection string with its password inline.
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i;

/** Options of `scrubEnvironment`. */
export interface ScrubEnvironmentOptions {
  /** Variable names to pass through even though they look secret (an explicit user choice). */
  keep?: readonly string[];
}

/** Whether a variable looks like an API key, token, password or other secret, by name or value. */
export function isSecretVariable(name: string, value: string | undefined): boolean {
  if (KNOWN_SECRET_VARIABLES.includes(name.toUpperCase())) return true;
  if (SECRET_NAME.test(name)) return true;
  if (value === undefined) return false;
  const trimmed = value.trim();
  return SECRET_VALUE.test(trimmed) || PEM_BLOCK.test(trimmed) || URL_WITH_PASSWORD.test(trimmed);
}

/**
 * The environment for a child process: a copy of `env` without API keys and secrets — every
 * variable whose name contains KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL, … and every value shaped
 * like a known key format, a private key, or a URL with an inline password. A model can print its
 * environment with one command, so no key the harness holds may reach it.
 */
export function scrubEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  options: ScrubEnvironmentOptions = {},
): Record<string, string> {
  const keep = new Set(options.keep ?? []);
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (!keep.has(name) && isSecretVariable(name, value)) continue;
    result[name] = value;
  }
  return result;
}
