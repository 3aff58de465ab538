import type { GlobalOptions } from "../cli-config.js";
import { loadKernel } from "../runtime/load-kernel.js";
import { probeGateways, runningLocalGateways } from "../runtime/probe-gateways.js";

/** A model on a gateway found at start, when the config did not name one that can be used. */
export interface StartTarget {
  model: string;
  gateway: string;
}

/**
 * With no key set: a local server (Ollama, LM Studio, vLLM, llama.cpp, SGLang) answering on its
 * usual address, or where the config points it, and the model to start on: the configured one
 * when the server lists it, else the first it lists. Says what it found on `write`.
 */
export async function findLocalServer(options: GlobalOptions, write: (text: string) => void): Promise<StartTarget | undefined> {
  const { settings, gateways } = await loadKernel(options, process.cwd(), process.env);
  const running = (await runningLocalGateways(gateways, process.env)).filter((entry) => (entry.listed?.length ?? 0) > 0);
  const locals = gateways.list().filter((gateway) => gateway.local);
  if (running.length === 0) {
    write(`Local servers need no key: ${locals.map((gateway) => `${gateway.name} (${gateway.baseURL})`).join(", ")}. None is answering now; start one and run bridle again, or set a gateway's key.\n`);
    return undefined;
  }
  const wanted = options.model ?? settings.model;
  const server = running[0]!;
  const slugs = server.listed!.map((entry) => entry.slug);
  const model = wanted && slugs.includes(wanted) ? wanted : slugs[0]!;
  write(`No key is set, and none is needed for local servers: found ${server.definition.name} at ${server.definition.baseURL} serving ${slugs.length} model${slugs.length === 1 ? "" : "s"}; starting on ${model}.\n`);
  return { model, gateway: server.definition.id };
}

/**
 * The models the gateways usable now serve (keyed remote gateways, running local servers), as
 * each lists them, or as the registry records when a list cannot be read.
 */
export async function servedChoices(options: GlobalOptions): Promise<StartTarget[]> {
  const { kernel, gateways } = await loadKernel(options, process.cwd(), process.env);
  const available = await probeGateways(gateways, process.env);
  const choices: StartTarget[] = [];
  for (const { definition, listed } of available) {
    if (options.gateway && definition.id !== options.gateway) continue;
    const slugs = listed?.map((entry) => entry.slug) ?? kernel.models.list().filter((info) => info.gateways?.[definition.id] !== undefined).map((info) => info.id);
    for (const slug of slugs) choices.push({ model: slug, gateway: definition.id });
  }
  return choices;
}

/** What {@link pickStartModel} asks for: the model to start on, or the one `bridle init` writes. */
export type PickPurpose = "start" | "config";

const PICK_WORDS: Readonly<Record<PickPurpose, { intro: string; question: string; chosen: string }>> = {
  start: { intro: "No model is configured.", question: "Start on which?", chosen: "Starting on" },
  config: { intro: "Which model should bridle.config.json name?", question: "Use which?", chosen: "Using" },
};

/**
 * A key is set (or a local server runs) but no model is configured: lists what the usable
 * gateways serve and asks for a number, again after one that is not on the list. Undefined when
 * nothing is served or no answer is given; "interrupted" on Ctrl-C.
 */
export async function pickStartModel(
  options: GlobalOptions,
  ask: (question: string) => Promise<string | undefined>,
  write: (text: string) => void,
  purpose: PickPurpose = "start",
): Promise<StartTarget | "interrupted" | undefined> {
  const choices = await servedChoices(options);
  if (choices.length === 0) return undefined;
  const words = PICK_WORDS[purpose];
  const shown = choices.slice(0, 30);
  write(`${words.intro} Models the gateways you can use serve:\n${shown.map((choice, index) => `  ${String(index + 1).padStart(2)}. ${choice.model} @ ${choice.gateway}`).join("\n")}\n`);
  if (choices.length > shown.length) write(`  (${choices.length - shown.length} more: pass --model <model>)\n`);
  for (;;) {
    const answer = (await ask(`${words.question} [1-${shown.length}] `))?.trim();
    if (answer === "interrupted") return answer;
    // End of input or an empty line: nothing chosen.
    if (answer === undefined || answer === "") return undefined;
    const chosen = /^\d+$/.test(answer) ? shown[Number(answer) - 1] : undefined;
    if (chosen) {
      write(`${words.chosen} ${chosen.model} @ ${chosen.gateway}.\n`);
      return chosen;
    }
    write(`"${answer}" is not one of them: type a number from 1 to ${shown.length}, or press Enter to stop.\n`);
  }
}
