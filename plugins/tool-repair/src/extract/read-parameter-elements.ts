import { parseAttributes } from "./parse-attributes.js";

/** One `<parameter …>text</parameter>` element of an XML-style invoke. */
export interface ParameterElement {
  attributes: Record<string, string>;
  /** The raw text between the opening and the closing tag. */
  text: string;
}

/**
 * The parameter elements of an invoke body, in order, for grammars whose parameters are
 * attribute-tagged elements (MiniMax `<parameter name="k">`, DeepSeek DSML
 * `<｜DSML｜parameter name="k" string="true">`). Scanning stops at the first element that is not
 * closed: what follows is not a whole parameter.
 */
export function readParameterElements(body: string, open: string, close: string): ParameterElement[] {
  const elements: ParameterElement[] = [];
  let index = body.indexOf(open);
  while (index >= 0) {
    const headerEnd = body.indexOf(">", index);
    if (headerEnd < 0) break;
    const closeAt = body.indexOf(close, headerEnd);
    if (closeAt < 0) break;
    elements.push({ attributes: parseAttributes(body.slice(index + open.length, headerEnd)), text: body.slice(headerEnd + 1, closeAt) });
    index = body.indexOf(open, closeAt + close.length);
  }
  return elements;
}
