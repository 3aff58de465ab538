import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { collectSecrets } from "./collect-secrets.js";
import { createRedactor } from "./create-redactor.js";
import { SessionLog } from "./session-log.js";
import type { SessionEntryInput } from "./session-record.js";

const fake = (...parts: string[]): string => parts.join("");
const ENV_KEY = "c0ffee11deadbeef22cafe33f00d44ba";
const SHAPES = [
  fake("sk-ant-", "api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe"),
  fake("sk-sp-", "4f8a2c9e1b7d.53a0c6e8f2b94d17"),
  fake("gsk_", "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6"),
  fake("AKIA", "IOSFODNN7EXAMPLE"),
  fake("ghp_", "16C7e42F292c6912E7710c838347Ae178B4a"),
  fake("xoxb-", "2048-1024-AbCdEfGhIjKlMnOp"),
  fake("AIza", "SyA-1234567890abcdefghijklmnopqrstu"),
];
const PEM_BODY = "MIIEowIBAAKCAQEA7bq3vXk2examplebase64body";
const PEM = `${fake("-----BEGIN ", "PRIVATE KEY-----")}\n${PEM_BODY}\n${fake("-----END ", "PRIVATE KEY-----")}`;
const BEARER = "tok_9f8e7d6c5b4a3210";
const ALL = [ENV_KEY, ...SHAPES, PEM_BODY, BEARER];

/** Text that carries every secret, the way a tool output or a model answer might. */
const leaky = (where: string): string =>
  `${where}: env ${ENV_KEY}\n${SHAPES.join(" ")}\n${PEM}\ncurl -H "Authorization: Bearer ${BEARER}"`;

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "bridle-session-redact-"));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

it("writes no secret to disk from any record type", () => {
  const redact = createRedactor({ secrets: collectSecrets({ TOGETHER_API_KEY: ENV_KEY }) });
  const log = SessionLog.create({ directory, workspace: directory, model: "kimi-k2-0905", gateway: "groq", redact });
  const records: SessionEntryInput[] = [
    { type: "message", turn: 1, message: { role: "user", content: leaky("user") } },
    { type: "message", turn: 1, message: { role: "user", content: [{ type: "text", text: leaky("part") }] } },
    {
      type: "message",
      turn: 1,
      message: { role: "assistant", content: leaky("assistant"), reasoning: leaky("reasoning"), toolCalls: [{ id: "c1", name: "bash", arguments: JSON.stringify({ command: leaky("args") }) }] },
    },
    { type: "tool_start", turn: 1, callId: "c1", name: "bash", arguments: { command: leaky("start"), env: { KEY: ENV_KEY } } },
    { type: "message", turn: 1, message: { role: "tool", toolCallId: "c1", content: leaky("tool") } },
    { type: "compaction", turn: 2, reason: leaky("reason"), tokensBefore: 2, tokensAfter: 1, messages: [{ role: "user", content: leaky("summary") }] },
    { type: "model_switch", turn: 2, from: { model: "a", gateway: "b" }, to: { model: "c", gateway: "d" }, reason: leaky("switch") },
    { type: "usage", turn: 2, model: "c", gateway: "d", usage: { inputTokens: 1, outputTokens: 1 } },
    { type: "feed", event: { type: "retry.scheduled", level: "warn", message: leaky("feed"), data: { body: leaky("data") } } },
    { type: "interrupted", turn: 2, reason: leaky("interrupted") },
  ];
  for (const record of records) log.append(record);
  log.close();

  const text = readFileSync(log.file, "utf8");
  for (const secret of ALL) expect(text).not.toContain(secret);
  const { log: reopened, records: loaded, skipped } = SessionLog.open(log.file, { redact });
  reopened.close();
  expect(skipped).toEqual([]);
  expect(loaded).toHaveLength(records.length + 1);
  expect(loaded[1]).toMatchObject({ message: { content: expect.stringContaining("user: env [redacted]") } });
  const args = loaded[3]!.type === "message" && loaded[3]!.message.role === "assistant" ? loaded[3]!.message.toolCalls![0]!.arguments : "";
  expect(JSON.parse(args)).toEqual({ command: expect.stringContaining('Authorization: Bearer [redacted]"') });
});

it("falls back to redacting each string when a custom redactor breaks the JSON", () => {
  const clumsy = (text: string): string => text.replaceAll(/secret"?/g, "[x]");
  const log = SessionLog.create({ directory, workspace: directory, model: "m", gateway: "g", redact: clumsy });
  log.append({ type: "message", turn: 1, message: { role: "user", content: "a secret" } });
  log.close();
  const { log: reopened, records, skipped } = SessionLog.open(log.file, { redact: clumsy });
  reopened.close();
  expect(skipped).toEqual([]);
  expect(records[1]).toMatchObject({ message: { content: "a [x]" } });
});
