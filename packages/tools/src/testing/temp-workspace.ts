import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ToolResult, ToolRunContext } from "@bridle/core";

/** A real temporary workspace for tests, plus a matching tool context. */
export interface TempWorkspace {
  /** Real path of the workspace root. */
  root: string;
  /** A real temporary directory outside the workspace. */
  outside: string;
  /** Session directory for saved outputs. */
  sessionDirectory: string;
  state: Map<string, unknown>;
  write(relative: string, content: string | Uint8Array): string;
  readBytes(relative: string): Buffer;
  context(overrides?: Partial<ToolRunContext>): ToolRunContext;
  remove(): void;
}

/** Creates a workspace, an outside directory and a session directory under the OS temp dir. */
export function createTempWorkspace(): TempWorkspace {
  const base = fs.realpathSync.native(fs.mkdtempSync(path.join(os.tmpdir(), "bridle-tools-")));
  const root = path.join(base, "workspace");
  const outside = path.join(base, "outside");
  const sessionDirectory = path.join(base, "session");
  for (const directory of [root, outside, sessionDirectory]) fs.mkdirSync(directory);
  const state = new Map<string, unknown>();
  let calls = 0;
  return {
    root,
    outside,
    sessionDirectory,
    state,
    write(relative, content) {
      const full = path.join(root, relative);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
      return full;
    },
    readBytes(relative) {
      return fs.readFileSync(path.join(root, relative));
    },
    context(overrides = {}) {
      calls += 1;
      return {
        workspace: root,
        signal: new AbortController().signal,
        callId: `call_${calls}`,
        sessionDirectory,
        state,
        ...overrides,
      };
    },
    remove() {
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

/** The text of a tool result (text parts joined). */
export function resultText(result: ToolResult): string {
  if (typeof result.content === "string") return result.content;
  return result.content.map((part) => (part.type === "text" ? part.text : `[image ${part.mediaType ?? ""}]`)).join("\n");
}
