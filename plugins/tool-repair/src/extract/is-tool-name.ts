/** Characters a function name may use across the grammars (letters, digits, `_ - . : /`). */
const TOOL_NAME = /^[\p{L}\p{N}_\-.:/]+$/u;

/** Whether text can be a function name: what separates a call header from prose or broken markup. */
export function isToolName(text: string): boolean {
  return text.length > 0 && text.length <= 256 && TOOL_NAME.test(text);
}
