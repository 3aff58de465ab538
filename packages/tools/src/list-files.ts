import fs from "node:fs";
import path from "node:path";
import type ignoreFactory from "ignore";
import type { Ignore } from "ignore";
import { isInside, toPosix } from "./resolve-workspace-path.js";

/**
 * The crawler and the gitignore matcher, loaded by the first listing rather than with the tools:
 * a session starts, and often ends, without one, and a start should not compile them.
 */
let crawling: Promise<{ ignore: typeof ignoreFactory; glob: typeof import("tinyglobby").glob }> | undefined;
const loadCrawling = () => (crawling ??= Promise.all([import("ignore"), import("tinyglobby")]).then(([matcher, crawler]) => ({ ignore: matcher.default, glob: crawler.glob })));

/** Directory names never descended into. */
export const ALWAYS_SKIPPED_DIRECTORIES: readonly string[] = [".git", "node_modules"];

/** Options of `listFiles`. */
export interface ListFilesOptions {
  /** Glob patterns relative to the root (tinyglobby syntax). Default every file. */
  patterns?: readonly string[];
  /**
   * The workspace root: `.gitignore` files between it and `root`, and its `.git/info/exclude`,
   * apply too. Default `root`.
   */
  workspace?: string;
  /** Honour `.gitignore` files. Default true. */
  gitignore?: boolean;
  signal?: AbortSignal;
}

/**
 * Files below `root` matching the patterns, as sorted `/`-separated paths relative to `root`.
 * `.git` and `node_modules` are never entered, `.gitignore` rules (every level, negations
 * included) are applied while crawling so ignored directories are never read, and symbolic links
 * are not followed, so nothing outside the tree is reached through them.
 */
export async function listFiles(root: string, options: ListFilesOptions = {}): Promise<string[]> {
  const { ignore, glob } = await loadCrawling();
  const rules = new GitignoreRules(ignore);
  if (options.gitignore !== false) rules.loadAncestors(options.workspace ?? root, root);
  const adapter = {
    readdir: ((directory: string, readOptions: unknown, callback: (error: NodeJS.ErrnoException | null, entries: fs.Dirent[]) => void) => {
      fs.readdir(directory, { withFileTypes: true }, (error, entries) => {
        if (error) {
          callback(error, []);
          return;
        }
        const absolute = path.resolve(directory);
        if (options.gitignore !== false && entries.some((entry) => entry.name === ".gitignore" && entry.isFile())) {
          rules.load(absolute);
        }
        callback(
          null,
          entries.filter((entry) => {
            if (ALWAYS_SKIPPED_DIRECTORIES.includes(entry.name)) return false;
            if (options.gitignore === false) return true;
            return !rules.ignores(absolute, entry.name, entry.isDirectory());
          }),
        );
      });
    }) as unknown as typeof fs.readdir,
  };
  const found = await glob([...(options.patterns ?? ["**/*"])], {
    cwd: root,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
    fs: adapter,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return found.map(toPosix).sort(comparePaths);
}

/** Byte-wise path order, the same on every machine and locale. */
export function comparePaths(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `.gitignore` rules by the directory they live in; deeper files override shallower ones. */
class GitignoreRules {
  private readonly byDirectory = new Map<string, Ignore>();

  constructor(private readonly ignore: typeof ignoreFactory) {}

  /** Loads `.git/info/exclude` of the workspace and `.gitignore` files from the workspace down to `root`'s parent. */
  loadAncestors(workspace: string, root: string): void {
    const top = isInside(workspace, root) ? workspace : root;
    this.load(top, path.join(top, ".git", "info", "exclude"));
    let directory = root;
    const chain: string[] = [];
    while (directory !== top && isInside(top, directory)) {
      directory = path.dirname(directory);
      chain.unshift(directory);
    }
    for (const ancestor of chain) if (ancestor !== root) this.load(ancestor);
  }

  /** Adds the rules of `directory/.gitignore` (or another rules file) to that directory's rules. */
  load(directory: string, file = path.join(directory, ".gitignore")): void {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      return;
    }
    const existing = this.byDirectory.get(directory);
    if (existing) existing.add(text);
    else this.byDirectory.set(directory, this.ignore({ allowRelativePaths: true }).add(text));
  }

  /** Whether the entry `name` in `directory` is ignored by the rules of it and its ancestors. */
  ignores(directory: string, name: string, isDirectory: boolean): boolean {
    if (this.byDirectory.size === 0) return false;
    const entry = path.join(directory, name);
    const levels: string[] = [];
    for (let current = directory; ; current = path.dirname(current)) {
      if (this.byDirectory.has(current)) levels.unshift(current);
      const parent = path.dirname(current);
      if (parent === current) break;
    }
    let ignored = false;
    for (const level of levels) {
      const relative = toPosix(path.relative(level, entry)) + (isDirectory ? "/" : "");
      const result = this.byDirectory.get(level)?.test(relative);
      if (result?.ignored) ignored = true;
      else if (result?.unignored) ignored = false;
    }
    return ignored;
  }
}
