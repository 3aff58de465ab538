import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { latestSession, listSessions } from "./list-sessions.js";
import { SessionLog } from "./session-log.js";
import { sessionsDirectory, workspaceSlug } from "./sessions-directory.js";

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "bridle-session-list-"));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("listSessions", () => {
  it("lists sessions most recently updated first with their first user text and message count", async () => {
    const older = SessionLog.create({ directory, workspace: directory, model: "kimi-k2-0905", gateway: "groq" });
    const newer = SessionLog.create({ directory, workspace: directory, model: "qwen3-coder", gateway: "together" });
    newer.append({ type: "message", turn: 1, message: { role: "user", content: [{ type: "text", text: "  Add a\n\n--json flag " }] } });
    newer.append({ type: "message", turn: 1, message: { role: "assistant", content: "ok" } });
    newer.close();
    await sleep(5);
    older.append({ type: "message", turn: 1, message: { role: "user", content: "Fix the parser" } });
    older.append({ type: "message", turn: 1, message: { role: "assistant", content: null, toolCalls: [{ id: "c", name: "read", arguments: "{}" }] } });
    older.append({ type: "message", turn: 1, message: { role: "tool", toolCallId: "c", content: "x" } });
    older.append({ type: "model_switch", turn: 2, from: { model: "kimi-k2-0905", gateway: "groq" }, to: { model: "glm-4.6", gateway: "z-ai" }, reason: "user" });
    const last = older.append({ type: "message", turn: 2, message: { role: "user", content: "and the tests" } });
    older.close();
    writeFileSync(join(directory, "notes.txt"), "not a session");
    writeFileSync(join(directory, "broken.jsonl"), "{not json\n");

    const sessions = listSessions(directory);
    expect(sessions).toEqual([
      {
        id: older.id,
        file: older.file,
        workspace: directory,
        createdAt: older.header.at,
        updatedAt: last.at,
        model: "glm-4.6",
        gateway: "z-ai",
        firstUserText: "Fix the parser",
        messageCount: 4,
      },
      expect.objectContaining({ id: newer.id, firstUserText: "Add a --json flag", messageCount: 2, model: "qwen3-coder" }),
    ]);
    expect(latestSession(directory)?.id).toBe(older.id);
  });

  it("ignores a cut-off last line and reads records in another key order", () => {
    const log = SessionLog.create({ directory, workspace: directory, model: "m", gateway: "g" });
    const kept = log.append({ type: "message", turn: 1, message: { role: "assistant", content: "kept" } });
    log.append({ type: "message", turn: 1, message: { role: "assistant", content: "cut" } });
    log.close();
    truncateSync(log.file, readFileSync(log.file).length - 4);
    expect(listSessions(directory)[0]).toMatchObject({ messageCount: 1, updatedAt: kept.at, firstUserText: undefined });

    writeFileSync(log.file, `${readFileSync(log.file, "utf8")}\n${JSON.stringify({ type: "message", turn: 2, message: { role: "user", content: "reordered" }, at: "2999-01-01T00:00:00.000Z", seq: 9 })}\n`);
    expect(listSessions(directory)[0]).toMatchObject({ messageCount: 2, updatedAt: "2999-01-01T00:00:00.000Z", firstUserText: "reordered" });
  });

  it("returns nothing for a missing directory", () => {
    expect(listSessions(join(directory, "none"))).toEqual([]);
    expect(latestSession(join(directory, "none"))).toBeUndefined();
  });
});

describe("sessionsDirectory", () => {
  it("uses XDG_DATA_HOME when absolute, else ~/.local/share", () => {
    const workspace = join(directory, "my project");
    mkdirSync(workspace);
    const slug = workspaceSlug(workspace);
    expect(slug).toMatch(/^my-project-[0-9a-f]{8}$/);
    expect(sessionsDirectory({ XDG_DATA_HOME: "/data", HOME: "/home/me" }, workspace)).toBe(join("/data", "bridle", "sessions", slug));
    expect(sessionsDirectory({ XDG_DATA_HOME: "relative", HOME: "/home/me" }, workspace)).toBe(join("/home/me", ".local", "share", "bridle", "sessions", slug));
  });

  it("gives a symlinked path the same folder and a same-named checkout another", () => {
    const first = join(directory, "a", "bridle");
    const second = join(directory, "b", "bridle");
    mkdirSync(first, { recursive: true });
    mkdirSync(second, { recursive: true });
    symlinkSync(first, join(directory, "link"));
    expect(workspaceSlug(join(directory, "link"))).toBe(workspaceSlug(first));
    expect(workspaceSlug(second)).not.toBe(workspaceSlug(first));
    expect(workspaceSlug("/")).toMatch(/^root-[0-9a-f]{8}$/);
  });
});
