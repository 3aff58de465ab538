// CSI sequences (colors, cursor moves), OSC sequences (titles, hyperlinks), and lone escapes.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
// C0 controls except tab and newline, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Terminal output made fit for a model and for JSON: ANSI escapes removed, a line redrawn with
 * carriage returns (progress bars) reduced to its last state, other control characters dropped,
 * and lone surrogates — which gateways reject in JSON — replaced with U+FFFD.
 */
export function sanitizeTerminalOutput(text: string): string {
  const withoutEscapes = text.replace(ANSI, "").replace(/\r\n/g, "\n");
  const redrawn = withoutEscapes.includes("\r")
    ? withoutEscapes
        .split("\n")
        .map((line) => {
          const parts = line.split("\r");
          // A trailing CR redraws nothing; keep the last non-empty state.
          for (let index = parts.length - 1; index >= 0; index -= 1) if (parts[index] !== "") return parts[index];
          return "";
        })
        .join("\n")
    : withoutEscapes;
  return redrawn.replace(CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}
