const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

/** `name="x" string='true' k=v` → `{ name: "x", string: "true", k: "v" }`; quotes optional. */
export function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) {
    const key = match[1];
    if (key !== undefined) attributes[key] = match[2] ?? match[3] ?? match[4] ?? "";
  }
  return attributes;
}
