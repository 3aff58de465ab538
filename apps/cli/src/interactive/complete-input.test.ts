import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { completeInput } from "./complete-input.js";

let workspace: string;
beforeEach(() => {
  workspace = realpathSync(mkdtempSync(path.join(tmpdir(), "bridle-complete-")));
  mkdirSync(path.join(workspace, "src", "interactive"), { recursive: true });
  writeFileSync(path.join(workspace, "src", "interactive", "app.tsx"), "");
  writeFileSync(path.join(workspace, "src", "index.ts"), "");
  writeFileSync(path.join(workspace, ".env"), "");
  writeFileSync(path.join(workspace, "README.md"), "");
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

describe("completeInput", () => {
  it("completes a unique slash command with a space, and lists the candidates of a shared prefix", () => {
    expect(completeInput("/con", workspace)).toEqual({ text: "/context ", candidates: [] });
    expect(completeInput("/c", workspace).candidates).toEqual(expect.arrayContaining(["clear", "context", "compact", "cost"]));
    expect(completeInput("/co", workspace)).toEqual({ text: "/co", candidates: ["compact", "context", "cost"] });
  });

  it("completes the last word as a path inside the workspace", () => {
    expect(completeInput("look at src/inter", workspace)).toEqual({ text: "look at src/interactive/", candidates: [] });
    expect(completeInput("look at src/interactive/a", workspace).text).toBe("look at src/interactive/app.tsx");
    expect(completeInput("read @REA", workspace).text).toBe("read @README.md");
    expect(completeInput("src/i", workspace)).toEqual({ text: "src/in", candidates: ["index.ts", "interactive/"] });
  });

  it("keeps hidden files out unless asked for, and never looks outside the workspace", () => {
    expect(completeInput("", workspace).candidates).not.toContain(".env");
    expect(completeInput(".e", workspace).text).toBe(".env");
    expect(completeInput("../", workspace)).toEqual({ text: "../", candidates: [] });
  });
});
