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
