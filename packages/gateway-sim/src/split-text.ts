/**
 * Splits `text` into pieces of at most `size` code points, never inside a surrogate pair, so
 * streaming a string piece by piece and joining the pieces gives back the exact string.
 */
export function splitText(text: string, size: number): string[] {
  if (text.length === 0) return [];
  const pieces: string[] = [];
  let start = 0;
  let codePoints = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    // A high surrogate followed by a low one is one code point: step over both.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index += 1;
    }
    codePoints += 1;
    if (codePoints === size) {
      pieces.push(text.slice(start, index + 1));
      start = index + 1;
      codePoints = 0;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}
