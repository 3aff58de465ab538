import { isToolName } from "./is-tool-name.js";
import { parseAttributes } from "./parse-attributes.js";
import { readParameterElements } from "./read-parameter-elements.js";

/** One `<invoke …>body</invoke>` element: the text of its opening tag after the tag name, and its body. */
export interface InvokeElement {
  header: string;
  body: string;
}

/**
 * The closed invoke elements between `from` and `limit`, in order, for grammars that wrap each
 * call in an invoke tag (MiniMax `<invoke name="f">`, DeepSeek DSML `<｜DSML｜invoke name="f">`).
 * Scanning stops at the first invoke that is not closed before `limit`: it is not a whole call.
 */
export function readInvokeElements(text: string, from: number, limit: number, open: string, close: string): InvokeElement[] {
  const elements: InvokeElement[] = [];
  let index = text.indexOf(open, from);
  while (index >= 0 && index < limit) {
    const headerEnd = text.indexOf(">", index);
    const closeAt = headerEnd < 0 ? -1 : text.indexOf(close, headerEnd);
    if (headerEnd < 0 || closeAt < 0 || closeAt > limit) break;
    elements.push({ header: text.slice(index + open.length, headerEnd), body: text.slice(headerEnd + 1, closeAt) });
    index = text.indexOf(open, closeAt + close.length);
  }
  return elements;
}

/** How a grammar's invoke body holds its parameters, and how a parameter's text becomes its value. */
export interface InvokeGrammar {
  parameterOpen: string;
  parameterClose: string;
  /** The value of parameter `key` of tool `name`, from its raw text and its tag's attributes. */
  readValue(text: string, attributes: Record<string, string>, name: string, key: string): unknown;
}

/**
 * One invoke element as a call: the tool name from its `name` attribute, the arguments from its
 * parameter elements (a parameter without a name is skipped). `undefined` when the name is not a
 * tool name.
 */
export function readInvokeCall(element: InvokeElement, grammar: InvokeGrammar): { name: string; arguments: Record<string, unknown> } | undefined {
  const name = (parseAttributes(element.header)["name"] ?? "").trim();
  if (!isToolName(name)) return undefined;
  const argumentsObject: Record<string, unknown> = {};
  for (const { attributes, text } of readParameterElements(element.body, grammar.parameterOpen, grammar.parameterClose)) {
    const key = attributes["name"];
    if (!key) continue;
    argumentsObject[key] = grammar.readValue(text, attributes, name, key);
  }
  return { name, arguments: argumentsObject };
}
