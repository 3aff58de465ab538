/** The prompt's text, cursor and history. */
export interface InputLine {
  text: string;
  /** Cursor position in UTF-16 code units, 0 ≤ cursor ≤ text.length. */
  cursor: number;
  /** Earlier submissions, oldest first. */
  history: readonly string[];
  /** The history entry being shown, or undefined while editing a fresh line. */
  historyIndex: number | undefined;
  /** What was typed before browsing history, restored when browsing past the newest entry. */
  draft: string;
}

/** A key as the input line understands it (a subset of Ink's `Key`). */
export interface LineKey {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  home?: boolean;
  end?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  tab?: boolean;
  escape?: boolean;
  return?: boolean;
}

/** Entries kept in history; older ones are dropped. */
const HISTORY_LIMIT = 500;

/** An empty line with the given history. */
export function createInputLine(history: readonly string[] = []): InputLine {
  return { text: "", cursor: 0, history: history.slice(-HISTORY_LIMIT), historyIndex: undefined, draft: "" };
}

/** Clears the line, keeping history. */
export function clearInputLine(line: InputLine): InputLine {
  return { ...line, text: "", cursor: 0, historyIndex: undefined, draft: "" };
}

/** Records a submission in history (no repeats of the newest entry) and empties the line. */
export function submitInputLine(line: InputLine): InputLine {
  const text = line.text;
  const history = text.trim() === "" || line.history.at(-1) === text ? line.history : [...line.history, text].slice(-HISTORY_LIMIT);
  return { text: "", cursor: 0, history, historyIndex: undefined, draft: "" };
}

/**
 * Applies one keypress: printable text (a paste arrives whole) is inserted at the cursor;
 * arrows, Home/End, Ctrl-A/E/B/F move; Backspace, Delete, Ctrl-D/H/U/K/W delete; Up/Down browse
 * history. Enter, Tab, Escape and Ctrl-C are the caller's business and leave the line as is.
 */
export function editInputLine(line: InputLine, input: string, key: LineKey): InputLine {
  if (key.return || key.tab || key.escape) return line;
  if (key.upArrow) return browse(line, -1);
  if (key.downArrow) return browse(line, 1);
  if (key.leftArrow) return { ...line, cursor: key.ctrl || key.meta ? wordStart(line.text, line.cursor) : Math.max(0, line.cursor - 1) };
  if (key.rightArrow) return { ...line, cursor: key.ctrl || key.meta ? wordEnd(line.text, line.cursor) : Math.min(line.text.length, line.cursor + 1) };
  if (key.home) return { ...line, cursor: 0 };
  if (key.end) return { ...line, cursor: line.text.length };
  // Most terminals send DEL (0x7f) for the Backspace key, which Ink reports as `delete`.
  if (key.backspace || key.delete) return deleteBackward(line, key.meta ? line.cursor - wordStart(line.text, line.cursor) : 1);
  if (key.ctrl) {
    switch (input) {
      case "a":
        return { ...line, cursor: 0 };
      case "e":
        return { ...line, cursor: line.text.length };
      case "b":
        return { ...line, cursor: Math.max(0, line.cursor - 1) };
      case "f":
        return { ...line, cursor: Math.min(line.text.length, line.cursor + 1) };
      case "h":
        return deleteBackward(line, 1);
      case "d":
        return edited(line, line.text.slice(0, line.cursor) + line.text.slice(line.cursor + 1), line.cursor);
      case "u":
        return edited(line, line.text.slice(line.cursor), 0);
      case "k":
        return edited(line, line.text.slice(0, line.cursor), line.cursor);
      case "w":
        return deleteBackward(line, line.cursor - wordStart(line.text, line.cursor));
      default:
        return line;
    }
  }
  if (key.meta && input.length <= 1) return line;
  const text = normalizeTyped(input);
  if (text === "") return line;
  return edited(line, line.text.slice(0, line.cursor) + text + line.text.slice(line.cursor), line.cursor + text.length);
}

function edited(line: InputLine, text: string, cursor: number): InputLine {
  return { ...line, text, cursor, historyIndex: undefined };
}

function deleteBackward(line: InputLine, count: number): InputLine {
  if (count <= 0 || line.cursor === 0) return line;
  const from = Math.max(0, line.cursor - count);
  return edited(line, line.text.slice(0, from) + line.text.slice(line.cursor), from);
}

function browse(line: InputLine, step: -1 | 1): InputLine {
  if (line.history.length === 0) return line;
  const current = line.historyIndex ?? line.history.length;
  const next = Math.min(line.history.length, Math.max(0, current + step));
  if (next === current) return line;
  const draft = line.historyIndex === undefined ? line.text : line.draft;
  const text = next === line.history.length ? draft : line.history[next]!;
  return { ...line, text, cursor: text.length, historyIndex: next === line.history.length ? undefined : next, draft };
}

/** Pasted line breaks become `\n`; other control characters and stray escapes are dropped. */
function normalizeTyped(input: string): string {
  return input
    .replace(/\u001B\[20[01]~/g, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "  ")
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, "");
}

function wordStart(text: string, cursor: number): number {
  let index = cursor;
  while (index > 0 && /\s/.test(text[index - 1]!)) index -= 1;
  while (index > 0 && !/\s/.test(text[index - 1]!)) index -= 1;
  return index;
}

function wordEnd(text: string, cursor: number): number {
  let index = cursor;
  while (index < text.length && /\s/.test(text[index]!)) index += 1;
  while (index < text.length && !/\s/.test(text[index]!)) index += 1;
  return index;
}
