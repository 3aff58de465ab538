import type { ScanSettings } from "./tool-call-scanner.js";
import { createToolIndex } from "./tool-index.js";
import { GRAMMAR_NAMES, type ExtractOptions, type GrammarName, type OfferedTool } from "./types.js";

const ALL_GRAMMARS: ReadonlySet<GrammarName> = new Set(GRAMMAR_NAMES);

/** Validates the public arguments once and turns them into scanner settings. */
export function resolveSettings(tools: readonly OfferedTool[] | undefined, options: ExtractOptions | undefined, caller: string): ScanSettings {
  let enabled = ALL_GRAMMARS;
  if (options?.grammars !== undefined) {
    if (!Array.isArray(options.grammars)) throw new TypeError(`${caller}: options.grammars must be an array of grammar names`);
    options.grammars.forEach((grammar, index) => {
      if (!ALL_GRAMMARS.has(grammar)) {
        throw new TypeError(`${caller}: options.grammars[${index}] is ${JSON.stringify(grammar)}, expected one of ${GRAMMAR_NAMES.join(", ")}`);
      }
    });
    enabled = new Set(options.grammars);
  }
  return {
    tools: createToolIndex(tools, caller),
    enabled,
    dropUnknownTools: options?.dropUnknownTools === true,
  };
}
