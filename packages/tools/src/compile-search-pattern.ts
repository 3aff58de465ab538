import { ToolError } from "./tool-error.js";

/**
 * A regular expression from a model's search pattern. A leading inline flag group such as
 * `(?i)` (ripgrep and PCRE syntax, which JavaScript lacks) is turned into flags.
 *
 * @throws ToolError naming the pattern and the syntax error
 */
export function compileSearchPattern(pattern: string, ignoreCase: boolean): RegExp {
  let source = pattern;
  const flags = new Set<string>(ignoreCase ? ["i"] : []);
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline) {
    for (const flag of inline[1] ?? "") flags.add(flag);
    source = source.slice(inline[0].length);
  }
  try {
    return new RegExp(source, [...flags].join(""));
  } catch (error) {
    throw new ToolError(
      `Invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}. ` +
        "Use JavaScript syntax and escape literal ( ) [ ] { } . * + ? | with a backslash.",
    );
  }
}
