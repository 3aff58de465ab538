import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SessionLockedError } from "./session-locked-error.js";
import { SessionLog } from "./session-log.js";

/**
 * These tests kill and race real processes running the real module. Child processes cannot load
 * TypeScript, so the session module and what it imports are transpiled (types stripped, nothing
 * else changed) into a temp folder first.
 */
const sourceRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
let buildRoot: string;
let moduleUrl: string;
let directory: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  buildRoot = mkdtempSync(join(tmpdir(), "bridle-session-build-"));
  transpileGraph(join(sourceRoot, "session", "session-log.ts"));
  moduleUrl = pathToFileURL(join(buildRoot, "session", "session-log.js")).href;
  directory = mkdtempSync(join(tmpdir(), "bridle-session-process-"));
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

afterAll(() => {
  rmSync(buildRoot, { recursive: true, force: true });
  rmSync(directory, { recursive: true, force: true });
});

describe("SessionLog across processes", () => {
  it("keeps a record appended right before the process is killed with SIGKILL", async () => {
    const child = startChild(`
      const log = SessionLog.create({ directory: process.env.DIR, workspace: process.env.DIR, model: "qwen3-coder", gateway: "together" });
      log.append({ type: "message", turn: 1, message: { role: "user", content: "refactor the parser" } });
      console.log(JSON.stringify({ file: log.file }));
      setInterval(() => {}, 1000);
    `);
    const { file } = JSON.parse(await firstLine(child)) as { file: string };
    child.kill("SIGKILL");
    await exited(child);
    expect(existsSync(`${file}.lock`)).toBe(true);

    const { log, records, skipped } = SessionLog.open(file);
    log.close();
    expect(skipped).toEqual([]);
    expect(records.at(-1)).toMatchObject({ seq: 2, type: "message", message: { role: "user", content: "refactor the parser" } });
  });

  it("refuses to open a session another live process holds, naming its pid, and takes it over once that process is gone", async () => {
    const seed = SessionLog.create({ directory, workspace: directory, model: "glm-4.6", gateway: "z-ai" });
    seed.close();
    const child = startChild(`
      const { log } = SessionLog.open(process.env.FILE);
      log.append({ type: "message", turn: 1, message: { role: "user", content: "from the child" } });
      console.log("ready");
      setInterval(() => {}, 1000);
    `, { FILE: seed.file });
    expect(await firstLine(child)).toBe("ready");

    let caught: unknown;
    try {
      SessionLog.open(seed.file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SessionLockedError);
    expect((caught as SessionLockedError).pid).toBe(child.pid);
    expect((caught as Error).message).toContain(`process ${child.pid} on ${hostname()}`);

    child.kill("SIGKILL");
    await exited(child);
    const { log, records } = SessionLog.open(seed.file);
    log.close();
    expect(records.map((record) => record.type)).toEqual(["session", "message"]);
  });

  it("takes over a lock whose process no longer exists", async () => {
    const seed = SessionLog.create({ directory, workspace: directory, model: "glm-4.6", gateway: "z-ai" });
    seed.close();
    const gone = startChild("");
    await exited(gone);
    writeFileSync(`${seed.file}.lock`, JSON.stringify({ pid: gone.pid, hostname: hostname(), token: "dead", createdAt: "x" }));
    const { log } = SessionLog.open(seed.file);
    expect(JSON.parse(readFileSync(`${seed.file}.lock`, "utf8"))).toMatchObject({ pid: process.pid });
    log.close();
    expect(existsSync(`${seed.file}.lock`)).toBe(false);
  });

  it("releases the lock when the process exits without closing", async () => {
    const child = startChild(`
      const log = SessionLog.create({ directory: process.env.DIR, workspace: process.env.DIR, model: "m", gateway: "g" });
      console.log(JSON.stringify({ file: log.file }));
    `);
    const { file } = JSON.parse(await firstLine(child)) as { file: string };
    expect(await exited(child)).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

function startChild(body: string, env: Record<string, string> = {}): ChildProcess {
  const script = `import { SessionLog } from ${JSON.stringify(moduleUrl)};\n${body}`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, DIR: directory, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const end = stdout.indexOf("\n");
      if (end !== -1) resolve(stdout.slice(0, end));
    });
    child.on("exit", (code) => reject(new Error(`child exited with ${code} before writing a line: ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

/** Transpiles `entry` and every module it reaches by relative import into `buildRoot`. */
function transpileGraph(entry: string): void {
  const pending = [entry];
  const done = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, "utf8");
    const output = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    }).outputText;
    const target = join(buildRoot, relative(sourceRoot, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
    // Type-only imports are gone from the output, so only modules needed at run time are followed.
    for (const match of output.matchAll(/from\s+"(\.{1,2}\/[^"]+)\.js"/g)) pending.push(join(dirname(file), `${match[1]}.ts`));
  }
}
