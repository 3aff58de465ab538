/** Argument names that say what a call is about, in the order they are preferred. */
const SUBJECT_KEYS = ["path", "file_path", "filePath", "command", "cmd", "pattern", "query", "url", "directory"] as const;
const MAX_LENGTH = 100;

/**
 * A tool call in one short line, `edit src/a.ts`, `bash npm test`, `grep "TODO" in src`: the
 * tool name and the argument that says what it touches, else its arguments as compact JSON.
 */
export function describeToolCall(name: string, args: Record<string, unknown>): string {
  if (name === "grep" && typeof args.pattern === "string") {
    const where = typeof args.path === "string" ? ` in ${args.path}` : typeof args.glob === "string" ? ` in ${args.glob}` : "";
    return `${name} ${clip(JSON.stringify(args.pattern) + where)}`;
  }
  if (name === "todo" && Array.isArray(args.todos)) return `${name} (${args.todos.length} item${args.todos.length === 1 ? "" : "s"})`;
  for (const key of SUBJECT_KEYS) {
    const value = args[key];
    if (typeof value === "string" && value.length > 0) return `${name} ${clip(oneLine(value))}`;
  }
  const keys = Object.keys(args);
  if (keys.length === 0) return name;
  return `${name} ${clip(JSON.stringify(args))}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ⏎ ");
}

function clip(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
