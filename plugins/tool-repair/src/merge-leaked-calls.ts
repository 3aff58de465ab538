import type { AssistantMessage } from "@bridle/core";

/**
 * Reconciles calls parsed out of the text with the calls the gateway already structured. Models
 * often emit both for one call (the gateway parsed it but left the markup in the text): a leaked
 * call naming the same tool as a structured one is the same call, so it is not run twice; when
 * the structured call arrived without arguments, the leaked one supplies them.
 */
export function mergeLeakedCalls(original: AssistantMessage, extracted: AssistantMessage): AssistantMessage {
  const structured = original.toolCalls ?? [];
  if (structured.length === 0) return extracted;
  const calls = structured.map((call) => ({ ...call }));
  const leaked = (extracted.toolCalls ?? []).slice(structured.length);
  const distinct = [];
  for (const call of leaked) {
    const twin = calls.find((candidate) => candidate.name.toLowerCase() === call.name.toLowerCase());
    if (!twin) {
      distinct.push(call);
      continue;
    }
    const twinArguments = twin.arguments.trim();
    if (twinArguments === "" || twinArguments === "{}" || twinArguments === "null") twin.arguments = call.arguments;
  }
  return { ...extracted, toolCalls: [...calls, ...distinct] };
}
