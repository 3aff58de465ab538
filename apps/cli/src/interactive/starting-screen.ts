/** What {@link drawStartingScreen} drew, to take it away again. */
export interface StartingScreen {
  /** Erases the drawn lines for the screen to draw in their place; the terminal stays raw for it. */
  clear(): void;
  /** Erases the drawn lines and gives the terminal back its normal mode (nothing follows). */
  close(): void;
}

const CYAN_BOLD = "\u001b[1;36m";
const DIM = "\u001b[2m";
const INVERSE = "\u001b[7m";
const RESET = "\u001b[0m";

/**
 * Draws the prompt and a status line at once, with plain escape codes, while the screen's code,
 * the session, the gateway registry and the plugins load behind it. The terminal is put in raw
 * mode so that keys typed meanwhile are neither echoed nor lost: they wait in the terminal's
 * buffer until the screen reads them.
 */
export function drawStartingScreen(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): StartingScreen {
  const lines = ["", `${CYAN_BOLD}› ${RESET}${INVERSE} ${RESET}${DIM} ask anything · /help${RESET}`, `${DIM}ctx … · starting${RESET}`];
  stdout.write(lines.join("\n"));
  stdin.setRawMode?.(true);
  let drawn = true;
  const clear = () => {
    if (!drawn) return;
    drawn = false;
    // Back to the start of the first line drawn, then erase to the end of the screen.
    stdout.write(`\r\u001b[${lines.length - 1}A\u001b[0J`);
  };
  return {
    clear,
    close() {
      clear();
      stdin.setRawMode?.(false);
    },
  };
}
