/** What {@link drawStartingScreen} drew, to take it away again. */
export interface StartingScreen {
  /**
   * Erases the drawn lines for the screen to draw in their place; the terminal stays raw for it,
   * and what was typed so far is handed back to the input for the screen to read.
   */
  clear(): void;
  /** Erases the drawn lines and gives the terminal back its normal mode (nothing follows). */
  close(): void;
}

const CYAN_BOLD = "\u001b[1;36m";
const DIM = "\u001b[2m";
const INVERSE = "\u001b[7m";
const RESET = "\u001b[0m";
const HINT = `${DIM} ask anything · /help${RESET}`;
const CTRL_C = "\u0003";

/**
 * Draws the prompt and a status line at once, with plain escape codes, while the screen's code,
 * the session, the gateway registry and the plugins load behind it. The terminal is put in raw
 * mode and the prompt takes keys at once: what is typed shows on its line, and is handed to the
 * screen when it takes over ({@link typedText}), so nothing typed meanwhile is lost or sent
 * twice. Ctrl-C gives the terminal back and interrupts the start (`onInterrupt`, by default
 * SIGINT to this process, which ends it as Ctrl-C ends any program).
 */
export function drawStartingScreen(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream, onInterrupt: () => void = () => process.kill(process.pid, "SIGINT")): StartingScreen {
  const promptLine = (typed: string) => `${CYAN_BOLD}› ${RESET}${typed}${INVERSE} ${RESET}${typed === "" ? HINT : ""}`;
  const lines = ["", promptLine(""), `${DIM}ctx … · starting${RESET}`];
  stdout.write(lines.join("\n"));
  stdin.setRawMode?.(true);
  let keys = "";
  const onKeys = (chunk: Buffer | string) => {
    const text = typeof chunk === "string" ? chunk : chunk.toString("utf8");
    if (text.includes(CTRL_C)) {
      // What was typed goes nowhere: the start is being left.
      keys = "";
      screen.close();
      onInterrupt();
      return;
    }
    keys += text;
    // Only the line being typed shows, and only its end, so that it never wraps.
    const line = typedText(keys).split("\r").at(-1) ?? "";
    const shown = Array.from(line).slice(-Math.max(1, (stdout.columns || 80) - 4)).join("");
    // Up to the prompt line, rewrite it, and back down to the status line.
    stdout.write(`\u001b[1A\r\u001b[2K${promptLine(shown)}\u001b[1B\r`);
  };
  // Read as the screen reads (`readable`, not `data`): the input stays in paused mode, so keys
  // that arrive after this reader is gone wait in the stream for the next one.
  const onReadable = () => {
    for (let chunk = stdin.read() as Buffer | string | null; chunk !== null; chunk = drawn ? (stdin.read() as Buffer | string | null) : null) onKeys(chunk);
  };
  stdin.on("readable", onReadable);
  let drawn = true;
  const clear = () => {
    if (!drawn) return;
    drawn = false;
    stdin.off("readable", onReadable);
    // Read by the screen as one paste of what was typed: edits already applied, Enter sending.
    const typed = typedText(keys);
    if (typed !== "") stdin.unshift(Buffer.from(typed, "utf8"));
    // Back to the start of the first line drawn, then erase to the end of the screen.
    stdout.write(`\r\u001b[${lines.length - 1}A\u001b[0J`);
  };
  const screen: StartingScreen = {
    clear,
    close() {
      clear();
      stdin.setRawMode?.(false);
    },
  };
  return screen;
}

/**
 * What a run of raw keys typed on an input line leaves: printable characters, backspace taking
 * the last one of the line off, Enter (`\r`) kept to end a line. Escape sequences (arrows,
 * function keys) and other control keys leave nothing.
 */
export function typedText(keys: string): string {
  const lines: string[] = [];
  let line = "";
  for (let index = 0; index < keys.length; index++) {
    const character = keys[index]!;
    if (character === "\u001b") {
      // CSI (`ESC [ … final`) and SS3 (`ESC O x`) sequences; a lone ESC is the key itself.
      if (keys[index + 1] === "[") {
        index += 2;
        while (index < keys.length && !/[@-~]/.test(keys[index]!)) index++;
      } else if (keys[index + 1] === "O") index += 2;
      continue;
    }
    if (character === "\u007f" || character === "\b") {
      line = Array.from(line).slice(0, -1).join("");
      continue;
    }
    if (character === "\r") {
      lines.push(line);
      line = "";
      continue;
    }
    if (character < " ") continue;
    line += character;
  }
  return [...lines, line].join("\r");
}
