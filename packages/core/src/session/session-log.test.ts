import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SessionFileError } from "./session-file-error.js";
import { SessionLockedError } from "./session-locked-error.js";
import { SessionLog } from "./session-log.js";

let directory: string;
const open: SessionLog[] = [];

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "bridle-session-"));
});

afterEach(() => {
  for (const log of open.splice(0)) log.close();
  rmSync(directory, { recursive: true, force: true });
});

function track<T extends SessionLog>(log: T): T {
  open.push(log);
  return log;
}

function createLog(): SessionLog {
  return track(SessionLog.create({ directory, workspace: directory, model: "kimi-k2-0905", gateway: "groq", redact: (text) => text }));
}

/** A session with a header, a user message and an assistant reply, closed again. */
function writeSampleSession(): string {
  const log = SessionLog.create({ directory, workspace: directory, model: "kimi-k2-0905", gateway: "groq" });
  log.append({ type: "message", turn: 1, message: { role: "user", content: "Fix the failing test" } });
  log.append({ type: "message", turn: 1, message: { role: "assistant", content: "Done." } });
  log.close();
  return log.file;
}

describe("SessionLog.create", () => {
  it("writes a header as line 1 and names the file after a sortable id", () => {
    const first = createLog();
    const second = createLog();
    expect(first.file).toBe(join(directory, `${first.id}.jsonl`));
    expect(first.id).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{8}$/);
    expect(first.id < second.id || first.id.slice(0, 19) === second.id.slice(0, 19)).toBe(true);
    const lines = readFileSync(first.file, "utf8").split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ seq: 1, type: "session", version: 1, id: first.id, model: "kimi-k2-0905", gateway: "groq" });
    expect(existsSync(`${first.file}.lock`)).toBe(true);
  });
});

describe("append and open", () => {
  it("round-trips every record type with increasing seq", () => {
    const log = createLog();
    log.append({ type: "message", turn: 1, message: { role: "user", content: "hi\u2028there" } });
    log.append({ type: "message", turn: 1, message: { role: "assistant", content: null, toolCalls: [{ id: "c1", name: "read", arguments: '{"path":"a"}' }] } });
    log.append({ type: "tool_start", turn: 1, callId: "c1", name: "read", arguments: { path: "a" } });
    log.append({ type: "message", turn: 1, message: { role: "tool", toolCallId: "c1", content: "text" } });
    log.append({ type: "usage", turn: 1, model: "kimi-k2-0905", gateway: "groq", usage: { inputTokens: 10, outputTokens: 2 } });
    log.append({ type: "model_switch", turn: 2, from: { model: "kimi-k2-0905", gateway: "groq" }, to: { model: "glm-4.6", gateway: "z-ai" }, reason: "user" });
    log.append({ type: "compaction", turn: 2, reason: "tier 3", tokensBefore: 900, tokensAfter: 100, messages: [{ role: "user", content: "summary" }] });
    log.append({ type: "feed", event: { type: "compaction.done", level: "info", message: "compacted 900 to 100" } });
    const last = log.append({ type: "interrupted", turn: 2, reason: "SIGINT" });
    expect(last.seq).toBe(10);
    log.close();

    const { log: reopened, records, skipped } = SessionLog.open(log.file);
    track(reopened);
    expect(skipped).toEqual([]);
    expect(records.map((record) => record.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(records.map((record) => record.type)).toEqual([
      "session", "message", "message", "tool_start", "message", "usage", "model_switch", "compaction", "feed", "interrupted",
    ]);
    expect(records[1]).toMatchObject({ message: { content: "hi\u2028there" } });
    expect(reopened.append({ type: "interrupted", turn: 3, reason: "kill" }).seq).toBe(11);
  });

  it("writes seq, at and type first whatever order the caller used", () => {
    const log = createLog();
    log.append({ turn: 1, message: { role: "user", content: "x" }, type: "message" });
    const line = readFileSync(log.file, "utf8").split("\n")[1]!;
    expect(line).toMatch(/^\{"seq":2,"at":"\d{4}-[^"]+Z","type":"message","turn":1,"message":\{"role":"user"/);
  });

  it("refuses records of the wrong shape without writing anything", () => {
    const log = createLog();
    const before = readFileSync(log.file);
    const bad = { type: "message", turn: "1", message: { role: "user", content: "x" } } as never;
    expect(() => log.append(bad)).toThrow(/turn \(a number\)/);
    expect(() => log.append({ type: "session" } as never)).toThrow(SessionFileError);
    expect(readFileSync(log.file)).toEqual(before);
  });

  it("refuses to append after close", () => {
    const log = createLog();
    log.close();
    expect(() => log.append({ type: "interrupted", turn: 1, reason: "x" })).toThrow(/is closed/);
  });
});

describe("syncing to the disk", () => {
  it("commits to the disk in the background: flush waits for every record appended before it", async () => {
    const log = createLog();
    for (let turn = 1; turn <= 20; turn++) {
      log.append({ type: "tool_start", turn, callId: `c${turn}`, name: "write", arguments: { path: `f${turn}` } });
      log.sync();
    }
    const flushes = [log.flush(), log.flush()];
    log.append({ type: "message", turn: 21, message: { role: "user", content: "after the first flushes" } });
    await Promise.all([...flushes, log.flush()]);
    expect(log.lastSeq).toBe(22);
    const lines = readFileSync(log.file, "utf8").trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line).seq)).toEqual(Array.from({ length: 22 }, (_, index) => index + 1));
  });

  it("closes while a background commit is in flight, with nothing lost, and refuses a flush afterwards", async () => {
    const log = createLog();
    log.append({ type: "message", turn: 1, message: { role: "user", content: "hi" } });
    log.sync();
    log.close();
    await expect(log.flush()).rejects.toMatchObject({ code: "SESSION_CLOSED" });
    const reopened = track(SessionLog.open(log.file).log);
    expect(reopened.lastSeq).toBe(2);
  });
});

describe("damaged files", () => {
  it("skips a truncated last line, never changes the file, and appends on a new line", () => {
    const file = writeSampleSession();
    const full = readFileSync(file);
    truncateSync(file, full.length - 9);
    const damaged = readFileSync(file);

    const { log, records, skipped } = SessionLog.open(file);
    expect(records.map((record) => record.seq)).toEqual([1, 2]);
    expect(skipped).toEqual([{ line: 3, reason: expect.stringMatching(/incomplete last line/) }]);
    expect(readFileSync(file)).toEqual(damaged);

    log.append({ type: "message", turn: 2, message: { role: "user", content: "again" } });
    log.close();
    const text = readFileSync(file, "utf8");
    expect(text.startsWith(damaged.toString("utf8"))).toBe(true);
    expect(text.split("\n")).toHaveLength(5);

    const reopened = SessionLog.open(file);
    track(reopened.log);
    expect(reopened.records.map((record) => record.type === "message" && record.message.content)).toEqual([false, "Fix the failing test", "again"]);
    expect(reopened.skipped).toEqual([{ line: 3, reason: expect.stringMatching(/invalid JSON/) }]);
  });

  it("keeps a complete last line that only lacks its newline", () => {
    const file = writeSampleSession();
    truncateSync(file, readFileSync(file).length - 1);
    const { log, records, skipped } = SessionLog.open(file);
    expect(records).toHaveLength(3);
    expect(skipped).toEqual([]);
    log.append({ type: "interrupted", turn: 1, reason: "x" });
    log.close();
    const reopened = SessionLog.open(file);
    track(reopened.log);
    expect(reopened.records.map((record) => record.seq)).toEqual([1, 2, 3, 4]);
  });

  it("skips and reports corrupt lines in the middle", () => {
    const file = writeSampleSession();
    const lines = readFileSync(file, "utf8").split("\n");
    const broken = [lines[0], '{"seq":2,"at":"x","type":"message","turn":1,"mess', '{"seq":9,"at":"x","type":"teleport"}', lines[2], ""].join("\n");
    writeFileSync(file, broken);
    const { log, records, skipped } = SessionLog.open(file);
    track(log);
    expect(records.map((record) => record.seq)).toEqual([1, 3]);
    expect(skipped).toEqual([
      { line: 2, reason: expect.stringMatching(/invalid JSON/) },
      { line: 3, reason: 'unknown record type "teleport"' },
    ]);
    expect(readFileSync(file, "utf8")).toBe(broken);
  });

  it("throws a clear error for a corrupt header and leaves the file as it was", () => {
    const file = writeSampleSession();
    const original = readFileSync(file, "utf8");
    const corrupt = `{"seq":1,"at":"x","type":"sess${original.slice(original.indexOf("\n"))}`;
    writeFileSync(file, corrupt);
    expect(() => SessionLog.open(file)).toThrow(SessionFileError);
    expect(() => SessionLog.open(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} line 1 is not a valid session header`));
    expect(readFileSync(file, "utf8")).toBe(corrupt);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("rejects a file whose first record is not a header, and an empty file", () => {
    const file = writeSampleSession();
    const lines = readFileSync(file, "utf8").split("\n");
    writeFileSync(file, `${lines.slice(1).join("\n")}`);
    expect(() => SessionLog.open(file)).toThrow(/line 1 is not a valid session header: expected a "session" record, found a message record; 1 record after it is readable/);
    writeFileSync(file, "");
    expect(() => SessionLog.open(file)).toThrow(/line 1 is not a valid session header: expected a "session" record, found an empty line/);
  });

  it("names a newer format version", () => {
    const file = writeSampleSession();
    const text = readFileSync(file, "utf8").replace('"version":1', '"version":2');
    writeFileSync(file, text);
    expect(() => SessionLog.open(file)).toThrow(/newer Bridle \(session format version 2/);
  });

  it("says when the file is missing", () => {
    expect(() => SessionLog.open(join(directory, "nope.jsonl"))).toThrow(expect.objectContaining({ code: "SESSION_NOT_FOUND" }));
  });
});

describe("locking within one process", () => {
  it("refuses a second open until the first is closed", () => {
    const log = createLog();
    log.append({ type: "interrupted", turn: 1, reason: "x" });
    let caught: unknown;
    try {
      SessionLog.open(log.file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SessionLockedError);
    expect((caught as SessionLockedError).pid).toBe(process.pid);
    expect((caught as Error).message).toContain(`process ${process.pid}`);
    log.close();
    expect(existsSync(`${log.file}.lock`)).toBe(false);
    const reopened = SessionLog.open(log.file);
    track(reopened.log);
    expect(reopened.records).toHaveLength(2);
  });

  it("takes over a lock left by an earlier run that had this same pid", () => {
    const file = writeSampleSession();
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, hostname: hostname(), token: "old-run", createdAt: "x" }));
    const { log } = SessionLog.open(file);
    track(log);
    expect(JSON.parse(readFileSync(`${file}.lock`, "utf8"))).toMatchObject({ pid: process.pid });
    expect(JSON.parse(readFileSync(`${file}.lock`, "utf8")).token).not.toBe("old-run");
  });

  it("treats a lock from another machine as held", () => {
    const file = writeSampleSession();
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 4242, hostname: "elsewhere.example", token: "t", createdAt: "x" }));
    expect(() => SessionLog.open(file)).toThrow(/process 4242 on elsewhere\.example \(held on another machine/);
  });

  it("treats an unreadable lock as held while fresh, and as stale once old", () => {
    const file = writeSampleSession();
    appendFileSync(`${file}.lock`, '{"pid":');
    expect(() => SessionLog.open(file)).toThrow(/being written/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    const { log } = SessionLog.open(file);
    track(log);
    expect(JSON.parse(readFileSync(`${file}.lock`, "utf8"))).toMatchObject({ pid: process.pid });
  });
});

describe("SessionLog.fork", () => {
  it("continues a session whose header is damaged in a new file with every readable record; the original stays byte for byte", () => {
    const file = writeSampleSession();
    const log = SessionLog.open(file).log;
    log.append({ type: "model_switch", turn: 1, from: { model: "kimi-k2-0905", gateway: "groq" }, to: { model: "glm-4.6", gateway: "zai" }, reason: "user" });
    log.close();
    const lines = readFileSync(file, "utf8").split("\n");
    const damaged = [`{"seq":1,"at":"x","type":"sess`, ...lines.slice(1, 2), "not json", ...lines.slice(2)].join("\n");
    writeFileSync(file, damaged);

    const forked = SessionLog.fork(file, { directory, workspace: directory, fallback: () => ({ model: "fallback-model", gateway: "fallback-gateway" }), redact: (text) => text });
    track(forked.log);
    expect(forked.log.file).not.toBe(file);
    expect(forked.from).toBe(file);
    expect(forked.headerProblem).toMatch(/incomplete|invalid JSON/);
    // The header names the model the records last switched to.
    expect(forked.log.header).toMatchObject({ type: "session", model: "glm-4.6", gateway: "zai", id: forked.log.id });
    expect(forked.records.map((record) => record.type)).toEqual(["session", "message", "message", "model_switch"]);
    expect(forked.skipped.map((skipped) => skipped.line)).toEqual([1, 3]);
    forked.log.close();
    // The copy opens like any session; the original was never written.
    const reopened = SessionLog.open(forked.log.file);
    track(reopened.log);
    expect(reopened.records.map((record) => record.seq)).toEqual([1, 2, 3, 4]);
    expect(reopened.records.filter((record) => record.type === "message").map((record) => record.type === "message" && record.message.content)).toEqual(["Fix the failing test", "Done."]);
    expect(readFileSync(file, "utf8")).toBe(damaged);
  });

  it("starts on the fallback target when no record names a model", () => {
    const file = join(directory, "broken.jsonl");
    writeFileSync(file, `garbage\n${JSON.stringify({ seq: 2, at: "2026-01-01T00:00:00.000Z", type: "message", turn: 1, message: { role: "user", content: "hi" } })}\n`);
    const forked = SessionLog.fork(file, { directory, workspace: directory, fallback: () => ({ model: "m", gateway: "g" }), redact: (text) => text });
    track(forked.log);
    expect(forked.log.header).toMatchObject({ model: "m", gateway: "g" });
    expect(forked.records).toHaveLength(2);
  });
});
