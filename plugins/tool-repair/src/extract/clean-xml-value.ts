/**
 * Removes the layout a tag-per-line grammar wraps around a parameter value: the newline after the
 * opening tag, the newline and indentation before the closing tag, and that same indentation on
 * every value line when the whole block was indented. Indentation that belongs to the value itself
 * (code whose closing tag sits at column 0) is kept, so edits still match the file.
 */
export function cleanXmlValue(raw: string): string {
  let value = raw;
  if (value.startsWith("\r\n")) value = value.slice(2);
  else if (value.startsWith("\n")) value = value.slice(1);
  let closingIndent = "";
  const lastNewline = value.lastIndexOf("\n");
  if (lastNewline >= 0) {
    const tail = value.slice(lastNewline + 1);
    if (/^[ \t]*$/.test(tail)) {
      closingIndent = tail;
      value = value.slice(0, lastNewline);
      if (value.endsWith("\r")) value = value.slice(0, -1);
    }
  } else if (/^[ \t]+$/.test(value)) {
    return "";
  }
  if (closingIndent !== "") {
    const lines = value.split("\n");
    if (lines.every((line) => line.trim() === "" || line.startsWith(closingIndent))) {
      value = lines.map((line) => line.slice(Math.min(closingIndent.length, line.length))).join("\n");
    }
  }
  return value;
}
