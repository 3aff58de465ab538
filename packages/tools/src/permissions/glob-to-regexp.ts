/**
 * A regular expression for a path glob: `*` and `?` stay within one path segment, `**` crosses
 * segments (`a/**` also matches `a` itself, `**\/b` matches `b` at any depth), `{x,y}` is a choice
 * and `[…]` a character class (`[!…]` negated). Anchored at both ends.
 */
export function globToRegExp(glob: string, caseInsensitive = false): RegExp {
  let source = "";
  let braceDepth = 0;
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index] ?? "";
    if (char === "*") {
      if (glob[index + 1] === "*") {
        const atStart = index === 0 || glob[index - 1] === "/";
        const followedBySlash = glob[index + 2] === "/";
        const atEnd = index + 2 === glob.length;
        if (atStart && followedBySlash) {
          source += "(?:.*/)?";
          index += 2;
          continue;
        }
        if (atEnd && source.endsWith("/")) {
          source = `${source.slice(0, -1)}(?:/.*)?`;
          index += 1;
          continue;
        }
        source += ".*";
        index += 1;
        continue;
      }
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "[") {
      const close = glob.indexOf("]", index + 2);
      if (close === -1) {
        source += "\\[";
        continue;
      }
      let body = glob.slice(index + 1, close);
      if (body.startsWith("!")) body = `^${body.slice(1)}`;
      source += `[${body.replace(/\\/g, "\\\\")}]`;
      index = close;
    } else if (char === "{") {
      braceDepth += 1;
      source += "(?:";
    } else if (char === "}" && braceDepth > 0) {
      braceDepth -= 1;
      source += ")";
    } else if (char === "," && braceDepth > 0) {
      source += "|";
    } else if (char === "\\" && index + 1 < glob.length) {
      index += 1;
      source += escapeRegExp(glob[index] ?? "");
    } else {
      source += escapeRegExp(char);
    }
  }
  source += ")".repeat(braceDepth);
  return new RegExp(`^${source}$`, caseInsensitive ? "i" : "");
}

/** A regular expression for a command pattern, where `*` is the only wildcard and matches anything. */
export function commandPatternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split("*")
    .map((part) => escapeRegExp(part))
    .join(".*");
  return new RegExp(`^${source}$`, "s");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
