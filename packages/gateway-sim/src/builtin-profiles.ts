import type { GatewayProfile } from "./gateway-profile.js";
import { basetenProfile } from "./profiles/baseten.js";
import { cerebrasProfile } from "./profiles/cerebras.js";
import { chutesProfile } from "./profiles/chutes.js";
import { cloudflareProfile } from "./profiles/cloudflare.js";
import { dashscopeProfile } from "./profiles/dashscope.js";
import { deepinfraProfile } from "./profiles/deepinfra.js";
import { deepseekProfile } from "./profiles/deepseek.js";
import { fireworksProfile } from "./profiles/fireworks.js";
import { groqProfile } from "./profiles/groq.js";
import { huggingfaceProfile } from "./profiles/huggingface.js";
import { hyperbolicProfile } from "./profiles/hyperbolic.js";
import { llamacppProfile } from "./profiles/llamacpp.js";
import { lmstudioProfile } from "./profiles/lmstudio.js";
import { minimaxProfile } from "./profiles/minimax.js";
import { moonshotProfile } from "./profiles/moonshot.js";
import { nebiusProfile } from "./profiles/nebius.js";
import { novitaProfile } from "./profiles/novita.js";
import { ollamaProfile } from "./profiles/ollama.js";
import { openrouterProfile } from "./profiles/openrouter.js";
import { sglangProfile } from "./profiles/sglang.js";
import { siliconflowProfile } from "./profiles/siliconflow.js";
import { togetherProfile } from "./profiles/together.js";
import { vercelProfile } from "./profiles/vercel.js";
import { vllmProfile } from "./profiles/vllm.js";
import { zaiCodingProfile, zaiProfile } from "./profiles/zai.js";

/** Every built-in gateway profile, by name. */
export const builtinProfiles: Readonly<Record<string, GatewayProfile>> = Object.freeze({
  openrouter: openrouterProfile,
  together: togetherProfile,
  fireworks: fireworksProfile,
  groq: groqProfile,
  deepinfra: deepinfraProfile,
  cerebras: cerebrasProfile,
  novita: novitaProfile,
  siliconflow: siliconflowProfile,
  moonshot: moonshotProfile,
  deepseek: deepseekProfile,
  zai: zaiProfile,
  "zai-coding": zaiCodingProfile,
  dashscope: dashscopeProfile,
  minimax: minimaxProfile,
  baseten: basetenProfile,
  chutes: chutesProfile,
  nebius: nebiusProfile,
  vercel: vercelProfile,
  cloudflare: cloudflareProfile,
  huggingface: huggingfaceProfile,
  hyperbolic: hyperbolicProfile,
  ollama: ollamaProfile,
  lmstudio: lmstudioProfile,
  vllm: vllmProfile,
  sglang: sglangProfile,
  llamacpp: llamacppProfile,
});

/** Names of the built-in profiles, in a stable order. */
export const builtinProfileNames: readonly string[] = Object.freeze(Object.keys(builtinProfiles));
