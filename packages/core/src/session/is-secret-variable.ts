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
  "OPENAI_KEY",
  "GITHUB_PAT",
  "GH_PAT",
  "HUGGINGFACEHUB_API_TOKEN",
  "AZURE_CLIENT_SECRET",
];

// Names with any of these words are secrets by convention (Codex strips *KEY*, *SECRET*, *TOKEN*).
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CRED|PRIVATE|COOKIE|AUTHORIZATION|SIGNATURE|(^|_)AUTH$|(^|_)PAT$/i;

// Values shaped like well-known key formats, whatever the variable is called.
const SECRET_VALUE =
  /^(sk-|sk_live_|sk_test_|rk_live_|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abprs]-|AKIA|ASIA|AIza|hf_|gsk_|fw_|nvapi-|r8_|pplx-|csk-|tgp_v1_|llx-|eyJ)[A-Za-z0-9._\-]{12,}$/;
const PEM_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
// scheme://user:password@host — a connection string with its password inline.
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i;
/** Characters of tokens; a value with spaces, quotes or `;` is prose, a list or a command. */
const TOKEN_CHARACTERS = /^[A-Za-z0-9+/=_.~:-]+$/;

/**
 * Whether a variable looks like an API key, token, password or other secret, by its name (it
 * contains KEY, TOKEN, SECRET, PASSWORD, CRED, …), by a known key shape of its value, or because
 * its value reads as random: a run of 16 or more token characters mixing letters and digits with
 * high entropy, the way prefix-less keys (several gateways', AWS secrets) look.
 */
export function isSecretVariable(name: string, value: string | undefined): boolean {
  if (KNOWN_SECRET_VARIABLES.includes(name.toUpperCase())) return true;
  if (SECRET_NAME.test(name)) return true;
  if (value === undefined) return false;
  return isSecretValue(value);
}

/** Whether a value by itself looks like a secret (see {@link isSecretVariable}). */
export function isSecretValue(value: string): boolean {
  const trimmed = value.trim();
  return SECRET_VALUE.test(trimmed) || PEM_BLOCK.test(trimmed) || URL_WITH_PASSWORD.test(trimmed) || looksRandom(trimmed);
}

function looksRandom(value: string): boolean {
  if (value.length < 16 || value.length > 8192 || !TOKEN_CHARACTERS.test(value) || /^[/~.]/.test(value) || value.includes("://")) return false;
  // Words and numbers joined by separators (versions, names, UUIDs) are not random: look at the longest part.
  const longest = value.split(/[-_.:~]/).reduce((best, part) => (part.length > best.length ? part : best), "");
  if (longest.length < 16 || !/[0-9]/.test(longest) || !/[A-Za-z]/.test(longest)) return false;
  return entropyBitsPerCharacter(longest) >= 3;
}

function entropyBitsPerCharacter(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const share = count / text.length;
    bits -= share * Math.log2(share);
  }
  return bits;
}
