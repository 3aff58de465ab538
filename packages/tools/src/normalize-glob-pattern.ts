import path from "node:path";
import { toPosix } from "./resolve-workspace-path.js";
import { ToolError } from "./tool-error.js";

/**
 * A model's glob pattern made relative to the search root: `./` dropped, an absolute pattern
 * under the root made relative, and a pattern without `/` matched at any depth (`*.ts` means
 * every TypeScript file, as in .gitignore and ripgrep).
 *
 * @throws ToolError for an empty pattern, `..` segments, or an absolute pattern outside the root
 */
export function normalizeGlobPattern(pattern: string, root: string): string {
  let value = toPosix(pattern.trim());
  if (value === "") throw new ToolError("The glob pattern is empty. Give one such as \"**/*.ts\".");
  if (path.isAbsolute(value) || /^[A-Za-z]:\//.test(value)) {
    const rootPosix = toPosix(root);
    if (value === rootPosix) value = "**/*";
    else if (value.startsWith(`${rootPosix}/`)) value = value.slice(rootPosix.length + 1);
    else {
      throw new ToolError(
        `The glob pattern ${JSON.stringify(pattern)} is an absolute path outside ${root}. Give the directory as path and a relative pattern.`,
      );
    }
  }
  while (value.startsWith("./")) value = value.slice(2);
  if (value.split("/").includes("..")) {
    throw new ToolError(
      `The glob pattern ${JSON.stringify(pattern)} contains "..". Give the directory to search as path and a pattern relative to it.`,
    );
  }
  if (value.endsWith("/")) value += "**/*";
  return value.includes("/") ? value : `**/${value}`;
}
