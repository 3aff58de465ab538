import fs from "node:fs/promises";
import path from "node:path";

/**
 * "File not found" naming the path, plus up to three look-alike names from its directory (other
 * case, other extension, a longer name) — the usual slips when a model guesses a path.
 */
export async function missingFileMessage(absolutePath: string, display: string, hint: string): Promise<string> {
  const directory = path.dirname(absolutePath);
  const wanted = path.basename(absolutePath).toLowerCase();
  const wantedStem = stem(wanted);
  const names = await fs.readdir(directory).catch(() => [] as string[]);
  const similar = names
    .filter((name) => {
      const lower = name.toLowerCase();
      return lower === wanted || stem(lower) === wantedStem || (wanted.length >= 3 && lower.startsWith(wanted));
    })
    .sort()
    .slice(0, 3);
  const displayDirectory = path.posix.dirname(display);
  const suggestions = similar.map((name) => (displayDirectory === "." ? name : `${displayDirectory}/${name}`));
  const suffix = suggestions.length > 0 ? ` Did you mean: ${suggestions.join(", ")}?` : "";
  return `File not found: ${display}.${suffix} ${hint}`.trimEnd();
}

function stem(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}
