import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveWorkspacePath } from "./resolve-workspace-path.js";
import { WorkspacePathError } from "./tool-error.js";
import { createTempWorkspace, type TempWorkspace } from "./testing/temp-workspace.js";

let workspace: TempWorkspace;
beforeEach(() => {
  workspace = createTempWorkspace();
});
afterEach(() => workspace.remove());

describe("resolveWorkspacePath", () => {
  it("resolves a relative path inside the workspace", () => {
    workspace.write("src/a.ts", "x");
    const resolved = resolveWorkspacePath(workspace.root, "src/a.ts");
    expect(resolved).toMatchObject({
      absolute: path.join(workspace.root, "src/a.ts"),
      relative: "src/a.ts",
      inside: true,
      exists: true,
    });
  });

  it("accepts the root itself, absolute paths inside, quotes and ./", () => {
    expect(resolveWorkspacePath(workspace.root, ".").relative).toBe(".");
    expect(resolveWorkspacePath(workspace.root, path.join(workspace.root, "new.txt")).relative).toBe("new.txt");
    expect(resolveWorkspacePath(workspace.root, '"./new.txt"').relative).toBe("new.txt");
    expect(resolveWorkspacePath(workspace.root, "`lib/x.ts`").relative).toBe("lib/x.ts");
  });

  it("accepts a new file in new directories when the deepest existing ancestor is inside", () => {
    const resolved = resolveWorkspacePath(workspace.root, "a/b/c/new.ts");
    expect(resolved).toMatchObject({ inside: true, exists: false, relative: "a/b/c/new.ts" });
  });

  it("refuses ../ escapes and absolute paths outside, naming the path", () => {
    expect(() => resolveWorkspacePath(workspace.root, "../outside/x")).toThrow(WorkspacePathError);
    expect(() => resolveWorkspacePath(workspace.root, "src/../../x")).toThrow(/"src\/\.\.\/\.\.\/x" is outside the workspace/);
    expect(() => resolveWorkspacePath(workspace.root, "/etc/passwd")).toThrow(/outside the workspace/);
    expect(() => resolveWorkspacePath(workspace.root, "~/.ssh/id_rsa")).toThrow(/outside the workspace/);
  });

  it("refuses a symlinked directory that points outside", () => {
    fs.writeFileSync(path.join(workspace.outside, "secret.txt"), "s");
    fs.symlinkSync(workspace.outside, path.join(workspace.root, "linked"));
    expect(() => resolveWorkspacePath(workspace.root, "linked/secret.txt")).toThrow(/through a symbolic link/);
    expect(() => resolveWorkspacePath(workspace.root, "linked/new.txt")).toThrow(WorkspacePathError);
  });

  it("refuses a symlink at the final component that points outside", () => {
    fs.writeFileSync(path.join(workspace.outside, "secret.txt"), "s");
    fs.symlinkSync(path.join(workspace.outside, "secret.txt"), path.join(workspace.root, "innocent.txt"));
    expect(() => resolveWorkspacePath(workspace.root, "innocent.txt")).toThrow(WorkspacePathError);
  });

  it("refuses a dangling symlink whose target would be created outside", () => {
    fs.symlinkSync(path.join(workspace.outside, "not-yet.txt"), path.join(workspace.root, "dangling.txt"));
    expect(() => resolveWorkspacePath(workspace.root, "dangling.txt")).toThrow(WorkspacePathError);
    const allowed = resolveWorkspacePath(workspace.root, "dangling.txt", { allowOutside: true });
    expect(allowed).toMatchObject({ inside: false, exists: false, absolute: path.join(workspace.outside, "not-yet.txt") });
  });

  it("follows links that stay inside to their real target", () => {
    workspace.write("real/target.txt", "t");
    fs.symlinkSync(path.join(workspace.root, "real"), path.join(workspace.root, "alias"));
    const resolved = resolveWorkspacePath(workspace.root, "alias/target.txt");
    expect(resolved).toMatchObject({ relative: "real/target.txt", lexical: "alias/target.txt", inside: true });
  });

  it("resolves a workspace given through a symlink", () => {
    const link = path.join(workspace.outside, "ws-link");
    fs.symlinkSync(workspace.root, link);
    workspace.write("a.txt", "a");
    expect(resolveWorkspacePath(link, "a.txt")).toMatchObject({ inside: true, relative: "a.txt", root: workspace.root });
  });

  it("returns outside paths when allowed", () => {
    const resolved = resolveWorkspacePath(workspace.root, path.join(workspace.outside, "x"), { allowOutside: true });
    expect(resolved).toMatchObject({ inside: false, relative: path.join(workspace.outside, "x") });
  });

  it("does not mistake a sibling with a common prefix for the inside", () => {
    const sibling = `${workspace.root}-other`;
    fs.mkdirSync(sibling);
    expect(() => resolveWorkspacePath(workspace.root, path.join(sibling, "x"))).toThrow(WorkspacePathError);
    fs.rmSync(sibling, { recursive: true });
  });

  it("rejects empty paths, NUL bytes and link loops with clear messages", () => {
    expect(() => resolveWorkspacePath(workspace.root, "  ")).toThrow(/path is empty/);
    expect(() => resolveWorkspacePath(workspace.root, "a\0b")).toThrow(/NUL/);
    fs.symlinkSync(path.join(workspace.root, "loop-b"), path.join(workspace.root, "loop-a"));
    fs.symlinkSync(path.join(workspace.root, "loop-a"), path.join(workspace.root, "loop-b"));
    expect(() => resolveWorkspacePath(workspace.root, "loop-a")).toThrow(/symbolic link loop/);
  });

  it("expands ~ to the home directory", () => {
    const resolved = resolveWorkspacePath(workspace.root, "~/x", { allowOutside: true });
    expect(resolved.absolute.endsWith(`${path.sep}x`)).toBe(true);
    expect(resolved.absolute.startsWith(fs.realpathSync(os.homedir()))).toBe(true);
  });
});
