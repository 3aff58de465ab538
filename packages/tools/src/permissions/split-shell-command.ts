/**
 * The simple commands inside a shell command line, for matching permission rules: the line is
 * split at `&&`, `||`, `;`, `|`, `&`, newlines and subshell parentheses, and the bodies of `$(…)`
 * and backquote substitutions become commands of their own. Quotes are respected (`"a;b"` stays
 * whole) and redirections such as `2>&1` are not split. Each result is trimmed, with runs of
 * whitespace collapsed. This is a conservative tokenizer, not a shell parser: anything it
 * cannot read becomes part of some segment, which an allow rule must then match in full.
 */
export function splitShellCommand(command: string): string[] {
  const segments: string[] = [];
  let current = "";
  const flush = () => {
    const cleaned = current.replace(/\s+/g, " ").trim();
    if (cleaned !== "") segments.push(cleaned);
    current = "";
  };
  // Contexts: "command" (top level, subshell or $( … )), "double" (inside "…"), "backquote".
  const stack: Array<"command" | "double" | "backquote"> = ["command"];
  for (let index = 0; index < command.length; index += 1) {
    const char = command[index] ?? "";
    const next = command[index + 1] ?? "";
    const context = stack[stack.length - 1] ?? "command";

    if (char === "\\" && index + 1 < command.length) {
      current += char + next;
      index += 1;
      continue;
    }
    if (context === "double") {
      if (char === '"') {
        stack.pop();
        current += char;
      } else if (char === "$" && next === "(") {
        flush();
        stack.push("command");
        index += 1;
      } else if (char === "`") {
        flush();
        stack.push("backquote");
      } else {
        current += char;
      }
      continue;
    }
    if (char === "'") {
      const close = command.indexOf("'", index + 1);
      const end = close === -1 ? command.length - 1 : close;
      current += command.slice(index, end + 1);
      index = end;
      continue;
    }
    if (char === '"') {
      stack.push("double");
      current += char;
      continue;
    }
    if (char === "`") {
      flush();
      if (context === "backquote") stack.pop();
      else stack.push("backquote");
      continue;
    }
    if (char === "$" && next === "(") {
      flush();
      stack.push("command");
      index += 1;
      continue;
    }
    if (char === "(") {
      flush();
      stack.push("command");
      continue;
    }
    if (char === ")") {
      flush();
      if (stack.length > 1 && context === "command") stack.pop();
      continue;
    }
    if (char === ";" || char === "\n") {
      flush();
      continue;
    }
    if (char === "|") {
      flush();
      if (next === "|" || next === "&") index += 1;
      continue;
    }
    if (char === "&") {
      const previous = command[index - 1] ?? "";
      // Redirections: 2>&1, >&2, &> file, &>> file.
      if (previous === ">" || previous === "<" || next === ">") {
        current += char;
        continue;
      }
      flush();
      if (next === "&") index += 1;
      continue;
    }
    current += char;
  }
  flush();
  return segments;
}
