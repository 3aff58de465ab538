import type { GatewayDefinition } from "@bridle/core";
import { baseten } from "./definitions/baseten.js";
import { cerebras } from "./definitions/cerebras.js";
import { chutes } from "./definitions/chutes.js";
import { cloudflare } from "./definitions/cloudflare.js";
import { dashscope } from "./definitions/dashscope.js";
import { deepinfra } from "./definitions/deepinfra.js";
import { deepseek } from "./definitions/deepseek.js";
import { fireworks } from "./definitions/fireworks.js";
import { groq } from "./definitions/groq.js";
import { huggingface } from "./definitions/huggingface.js";
import { hyperbolic } from "./definitions/hyperbolic.js";
import { llamacpp } from "./definitions/llamacpp.js";
import { lmstudio } from "./definitions/lmstudio.js";
import { minimax } from "./definitions/minimax.js";
import { moonshot } from "./definitions/moonshot.js";
import { nebius } from "./definitions/nebius.js";
import { novita } from "./definitions/novita.js";
import { ollama } from "./definitions/ollama.js";
import { openrouter } from "./definitions/openrouter.js";
import { sglang } from "./definitions/sglang.js";
import { siliconflow } from "./definitions/siliconflow.js";
import { together } from "./definitions/together.js";
import { vercel } from "./definitions/vercel.js";
import { vllm } from "./definitions/vllm.js";
import { zai, zaiCoding } from "./definitions/zai.js";

/** Every gateway this package defines: hosted gateways first, then local servers. */
export const builtinGateways: readonly GatewayDefinition[] = [
  openrouter, together, fireworks, groq, deepinfra, cerebras, novita, siliconflow, moonshot, deepseek, zai, zaiCoding, dashscope, minimax, baseten, chutes, nebius, vercel, cloudflare, huggingface, hyperbolic, ollama, lmstudio, vllm, sglang, llamacpp,
];
