import type { GatewayProfile } from "./gateway-profile.js";
import { dashscopeProfile } from "./profiles/dashscope.js";
import { deepinfraProfile } from "./profiles/deepinfra.js";
import { deepseekProfile } from "./profiles/deepseek.js";
import { fireworksProfile } from "./profiles/fireworks.js";
import { groqProfile } from "./profiles/groq.js";
import { llamacppProfile } from "./profiles/llamacpp.js";
import { minimaxProfile } from "./profiles/minimax.js";
import { moonshotProfile } from "./profiles/moonshot.js";
import { ollamaProfile } from "./profiles/ollama.js";
import { openrouterProfile } from "./profiles/openrouter.js";
import { togetherProfile } from "./profiles/together.js";
import { vllmProfile } from "./profiles/vllm.js";
import { zaiProfile } from "./profiles/zai.js";

/** Every built-in gateway profile, by name. */
export const builtinProfiles: Readonly<Record<string, GatewayProfile>> = Object.freeze({
  openrouter: openrouterProfile,
  together: togetherProfile,
  fireworks: fireworksProfile,
  groq: groqProfile,
  deepinfra: deepinfraProfile,
  moonshot: moonshotProfile,
  deepseek: deepseekProfile,
  zai: zaiProfile,
  dashscope: dashscopeProfile,
  minimax: minimaxProfile,
  ollama: ollamaProfile,
  vllm: vllmProfile,
  llamacpp: llamacppProfile,
});

/** Names of the built-in profiles, in a stable order. */
export const builtinProfileNames: readonly string[] = Object.freeze(Object.keys(builtinProfiles));
