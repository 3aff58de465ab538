import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readSessionFile } from "@bridle/core";
import { createBuiltinTools, decidePermission, type PermissionMode } from "@bridle/tools";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { disposeSimProject, readRecords, runCliToEnd, type SimProject, startSimProject, startSimRuntime, type SimRuntime } from "./support/sim-runtime.js";
import { wireToolResult } from "./support/wire-tool-results.js";
import { createWorkspaceTools, type WorkspaceTools } from "./support/workspace-tools.js";

let workspace: WorkspaceTools | undefined;
let project: SimProject | undefined;
let simRuntime: SimRuntime | undefined;
afterEach(async () => {
  workspace?.remove();
  workspace = undefined;
  project = await disposeSimProject(project);
  await simRuntime?.close();
  simRuntime = undefined;
});

const MODES: readonly PermissionMode[] = ["ask", "allow-edits", "allow-all"];
const tools = new Map(createBuiltinTools().map((tool) => [tool.name, tool]));
const toolNamed = (name: string) => tools.get(name)!;

/** The tool results the last request sent the gateway, by the scripted call's id (found by its arguments). */
function lastToolResults(requests: ReadonlyArray<{ body: unknown }>, calls: ReadonlyArray<{ id: string; arguments: string }>): Map<string, string> {
  const body = requests.at(-1)!.body;
  return new Map(calls.map((call) => [call.id, wireToolResult(body, call.arguments)]));
}

/** Tool-result records of a session file, by call id. */
function toolResultRecords(file: string): Map<string, string> {
  const records = readSessionFile(file).records;
  const results = new Map<string, string>();
  for (const record of records) {
    if (record.type === "message" && record.message.role === "tool") results.set(record.message.toolCallId!, JSON.stringify(record.message.content));
  }
  return results;
}

describe("permissions and the workspace boundary", () => {
  describe("28. ../../etc/passwd, absolute paths outside, ~/.ssh/id_rsa: denied unless allowlisted; the decision is made on the real path", () => {
    it("28a. no mode allows a path outside the workspace; an allow rule naming its real path does; a rule naming the link does not", () => {
      workspace = createWorkspaceTools();
      const secret = path.join(workspace.outside, "secret.txt");
      fs.writeFileSync(secret, "outside secret\n");
      fs.symlinkSync(workspace.outside, path.join(workspace.root, "linked"));
      const inputs = ["../../etc/passwd", "/etc/passwd", secret, "~/.ssh/id_rsa", "linked/secret.txt"];
      for (const mode of MODES) {
        for (const input of inputs) {
          const verdict = decidePermission({ name: "read", arguments: { path: input } }, toolNamed("read"), { mode, workspace: workspace.root, allow: ["read(*)", "read(linked/**)"] });
          expect(verdict, `${mode} ${input}`).toMatchObject({ decision: "ask", outsideWorkspace: true });
        }
      }
      const allowed = decidePermission({ name: "read", arguments: { path: "linked/secret.txt" } }, toolNamed("read"), {
        mode: "ask",
        workspace: workspace.root,
        allow: [`read(${workspace.outside}/**)`],
      });
      expect(allowed).toMatchObject({ decision: "allow", outsideWorkspace: true });
    });

    it("28b. the CLI with --yes: every outside read is refused before it runs, and nothing outside reaches the gateway", { timeout: 60_000 }, async () => {
      const calls = [
        { id: "call_dots", name: "read", arguments: JSON.stringify({ path: "../../../../../../etc/passwd" }) },
        { id: "call_abs", name: "read", arguments: JSON.stringify({ path: "/etc/passwd" }) },
        { id: "call_ssh", name: "read", arguments: JSON.stringify({ path: "~/.ssh/id_rsa" }) },
        { id: "call_inside", name: "read", arguments: JSON.stringify({ path: "notes.txt" }) },
      ];
      project = await startSimProject({
        files: { "notes.txt": "inside notes\n" },
        scenario: { steps: [{ when: { lastRole: "user" }, toolCalls: calls }, { when: { lastRole: "tool" }, content: "Done." }] },
      });
      // HOME is the project's parent: ~/.ssh is outside the workspace.
      const home = project.environment.HOME!;
      fs.mkdirSync(path.join(home, ".ssh"), { recursive: true });
      fs.writeFileSync(path.join(home, ".ssh", "id_rsa"), "PLANTED-SSH-KEY-BODY\n");
      const result = await runCliToEnd(["run", "--yes", "look around"], project);
      expect(result.code, result.stderr).toBe(0);
      expect(project.sim.requests.completions()).toHaveLength(2);
      const sent = lastToolResults(project.sim.requests.completions(), calls);
      for (const id of ["call_dots", "call_abs", "call_ssh"]) expect(sent.get(id), id).toMatch(/Permission denied for read: .* is outside the workspace/);
      expect(sent.get("call_inside")).toContain("inside notes");
      const everything = JSON.stringify(project.sim.requests.completions().map((request) => request.body));
      expect(everything).not.toContain("PLANTED-SSH-KEY-BODY");
      expect(everything).not.toMatch(/root:x:0:0/);
      const [session] = project.sessionFiles();
      const saved = toolResultRecords(session!);
      for (const id of ["call_dots", "call_abs", "call_ssh"]) expect(saved.get(id), id).toMatch(/outside the workspace/);
      // No tool_start for a refused call: nothing ran.
      expect(readRecords(session!).filter((record) => record.type === "tool_start").map((record) => record.callId)).toEqual(["call_inside"]);
    });

    it("28c. the CLI with an allow rule naming the outside folder: that read runs, the others stay refused", { timeout: 60_000 }, async () => {
      const calls = [
        { id: "call_allowed", name: "read", arguments: JSON.stringify({ path: "~/shared/readme.txt" }) },
        { id: "call_ssh", name: "read", arguments: JSON.stringify({ path: "~/.ssh/id_rsa" }) },
      ];
      project = await startSimProject({
        scenario: {
          steps: [
            { when: { lastRole: "user" }, toolCalls: calls },
            { when: { lastRole: "tool" }, content: "Done." },
          ],
        },
        userConfig: { permissions: { allow: ["read(~/shared/**)"] } },
      });
      const home = project.environment.HOME!;
      fs.mkdirSync(path.join(home, "shared"), { recursive: true });
      fs.writeFileSync(path.join(home, "shared", "readme.txt"), "shared text\n");
      fs.mkdirSync(path.join(home, ".ssh"), { recursive: true });
      fs.writeFileSync(path.join(home, ".ssh", "id_rsa"), "PLANTED-SSH-KEY-BODY\n");
      const result = await runCliToEnd(["run", "--yes", "read the shared notes"], project);
      expect(result.code, result.stderr).toBe(0);
      expect(project.sim.requests.completions()).toHaveLength(2);
      const sent = lastToolResults(project.sim.requests.completions(), calls);
      expect(sent.get("call_allowed")).toContain("shared text");
      expect(sent.get("call_ssh")).toMatch(/Permission denied for read/);
      expect(JSON.stringify(project.sim.requests.completions().map((request) => request.body))).not.toContain("PLANTED-SSH-KEY-BODY");
    });
  });

  describe("29. a symlinked folder, a link at the last component, a dangling link outside: read, write, edit, glob and grep all refused; the log records the resolved path", () => {
    function plantLinks(root: string, outside: string): void {
      fs.writeFileSync(path.join(outside, "secret.txt"), "OUTSIDE-SECRET-CONTENT\n");
      fs.symlinkSync(outside, path.join(root, "linked-folder"));
      fs.symlinkSync(path.join(outside, "secret.txt"), path.join(root, "secret-link.txt"));
      fs.symlinkSync(path.join(outside, "created-through-link.txt"), path.join(root, "dangling.txt"));
    }
    const attempts = [
      { tool: "read", args: { path: "linked-folder/secret.txt" }, resolved: "secret.txt" },
      { tool: "read", args: { path: "secret-link.txt" }, resolved: "secret.txt" },
      { tool: "write", args: { path: "dangling.txt", content: "escaped\n" }, resolved: "created-through-link.txt" },
      { tool: "write", args: { path: "linked-folder/new.txt", content: "escaped\n" }, resolved: "new.txt" },
      { tool: "edit", args: { path: "secret-link.txt", old_string: "OUTSIDE", new_string: "CHANGED" }, resolved: "secret.txt" },
      { tool: "glob", args: { pattern: "*.txt", path: "linked-folder" }, resolved: "" },
      { tool: "grep", args: { pattern: "SECRET", path: "linked-folder", output_mode: "content" }, resolved: "" },
      { tool: "grep", args: { pattern: "SECRET", path: "secret-link.txt", output_mode: "content" }, resolved: "secret.txt" },
    ] as const;

    it("29a. the tools refuse each one on their own (no permission step), and nothing outside is read or changed", async () => {
      workspace = createWorkspaceTools();
      plantLinks(workspace.root, workspace.outside);
      for (const attempt of attempts) {
        const result = await workspace.call(attempt.tool, attempt.args);
        expect(result.isError, `${attempt.tool} ${JSON.stringify(attempt.args)}: ${result.text}`).toBe(true);
        expect(result.text).toContain("is outside the workspace");
        expect(result.text).toContain(path.join(workspace.outside, attempt.resolved).replace(/\/$/, ""));
        expect(result.text).not.toContain("OUTSIDE-SECRET-CONTENT");
      }
      // Searches of the whole workspace do not follow the links either.
      const grep = await workspace.call("grep", { pattern: "SECRET", output_mode: "content" });
      expect(grep.text).not.toContain("OUTSIDE-SECRET-CONTENT");
      const glob = await workspace.call("glob", { pattern: "**/secret.txt" });
      expect(glob.text).not.toContain(workspace.outside);
      expect(fs.readdirSync(workspace.outside)).toEqual(["secret.txt"]);
      expect(fs.readFileSync(path.join(workspace.outside, "secret.txt"), "utf8")).toBe("OUTSIDE-SECRET-CONTENT\n");
    });

    it("29b. over the simulator in allow-all mode: every call is refused before it runs and the session log names the real path it resolved to", async () => {
      simRuntime = await startSimRuntime(
        {
          steps: [
            { when: { lastRole: "user" }, toolCalls: attempts.map((attempt, index) => ({ id: `call_${index}`, name: attempt.tool, arguments: JSON.stringify(attempt.args) })) },
            { when: { lastRole: "tool" }, content: "All refused." },
          ],
        },
        { config: { permissions: { mode: "allow-all" } } },
      );
      const outside = fs.realpathSync(fs.mkdtempSync(path.join(path.dirname(simRuntime.project), "outside-")));
      try {
        plantLinks(simRuntime.project, outside);
        const result = await simRuntime.runtime.agent.runTurn("try the links", { signal: new AbortController().signal, onEvent: () => {} });
        expect(result.reason).toBe("stop");
        expect(simRuntime.sim.requests.completions()).toHaveLength(2);
        const saved = toolResultRecords(simRuntime.runtime.session.file);
        attempts.forEach((attempt, index) => {
          const record = saved.get(`call_${index}`);
          expect(record, `${attempt.tool} ${JSON.stringify(attempt.args)}`).toMatch(/Permission denied for \w+: .* is outside the workspace/);
          expect(record).toContain(path.join(outside, attempt.resolved).replace(/\/$/, ""));
        });
        const records = readSessionFile(simRuntime.runtime.session.file).records;
        expect(records.filter((record) => record.type === "tool_start")).toEqual([]);
        expect(JSON.stringify(simRuntime.sim.requests.completions().map((request) => request.body))).not.toContain("OUTSIDE-SECRET-CONTENT");
        expect(fs.readdirSync(outside)).toEqual(["secret.txt"]);
        expect(fs.readFileSync(path.join(outside, "secret.txt"), "utf8")).toBe("OUTSIDE-SECRET-CONTENT\n");
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });
  });

  describe("30. deny beats allow whatever the order or specificity; no mode (--yes included) overrides a deny", () => {
    it("30a. property: any allow rules, in any order, around a deny rule, in any mode: the call is denied", () => {
      workspace = createWorkspaceTools();
      const root = workspace.root;
      const cases = [
        { call: { name: "read", arguments: { path: "config/.env" } }, deny: "read(.env)", allows: ["read(config/.env)", "read(**)", "read", "*", "read(config/**)"] },
        { call: { name: "edit", arguments: { path: "src/main.ts", old_string: "a", new_string: "b" } }, deny: "edit(src/**)", allows: ["edit(src/main.ts)", "edit", "*", "write(src/main.ts)"] },
        { call: { name: "bash", arguments: { command: "rm -rf build" } }, deny: "bash(rm -rf*)", allows: ["bash(rm -rf build)", "bash(*)", "bash", "*", "bash(rm:*)"] },
        { call: { name: "bash", arguments: { command: "npm test && sudo rm -rf /" } }, deny: "bash(rm*)", allows: ["bash(npm test*)", "bash(sudo*)", "bash(*)"] },
      ];
      fc.assert(
        fc.property(
          fc.constantFrom(...cases),
          fc.constantFrom(...MODES),
          fc.integer({ min: 0, max: 8 }),
          fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
          fc.array(fc.constantFrom("read(.env)", "bash(git push*)", "edit(.git/**)"), { maxLength: 3 }),
          (subject, mode, position, order, otherDenies) => {
            // Every allow rule of the case, shuffled; the deny rule put at a random place among other denies.
            const allow = subject.allows.map((rule, index) => ({ rule, key: order[index % order.length]! + index })).sort((a, b) => a.key - b.key).map((entry) => entry.rule);
            const deny: string[] = [...otherDenies];
            deny.splice(Math.min(position, deny.length), 0, subject.deny);
            const verdict = decidePermission(subject.call, toolNamed(subject.call.name), { mode, allow, deny, workspace: root });
            expect(verdict.decision).toBe("deny");
          },
        ),
        { numRuns: 300 },
      );
    });

    it("30b. the CLI with --yes and an allow rule for the exact command: the denied command is refused and the file it would delete is still there", { timeout: 60_000 }, async () => {
      project = await startSimProject({
        files: { "build/output.js": "built\n" },
        scenario: {
          steps: [
            { when: { lastRole: "user" }, toolCalls: [{ id: "call_rm", name: "bash", arguments: JSON.stringify({ command: "rm -rf build" }) }] },
            { when: { lastRole: "tool" }, content: "Could not delete." },
          ],
        },
        userConfig: { permissions: { allow: ["bash(rm -rf build)", "bash(*)"], deny: ["bash(rm -rf*)"] } },
      });
      const result = await runCliToEnd(["run", "--yes", "clean the build"], project);
      expect(result.code, result.stderr).toBe(0);
      expect(project.sim.requests.completions()).toHaveLength(2);
      expect(fs.existsSync(path.join(project.directory, "build", "output.js"))).toBe(true);
      expect(wireToolResult(project.sim.requests.completions().at(-1)!.body, "rm -rf build")).toMatch(/Permission denied for bash: the command "rm -rf build" is denied by the rule bash\(rm -rf\*\)/);
      const [session] = project.sessionFiles();
      expect(readRecords(session!).some((record) => record.type === "tool_start")).toBe(false);
      expect(toolResultRecords(session!).get("call_rm")).toMatch(/denied by the rule bash\(rm -rf\*\)/);
    });
  });

  describe("31. .env denied: cat .env, grep -r KEY . and python open('.env') are not stopped by file rules, and the docs say so plainly", () => {
    // Bridle's sandbox bounds writes and the network, not reads, and a rule cannot know what a
    // command reads; so the requirement is met by its second branch: the CLI README states it.
    const cliReadme = fs.readFileSync(fileURLToPath(new URL("../apps/cli/README.md", import.meta.url)), "utf8").replace(/\s+/g, " ");

    it("31a. the read and grep tools refuse .env; the same three commands in bash do read it, as the README says, with key-shaped values redacted", async () => {
      workspace = createWorkspaceTools({ deny: ["read(.env)"] });
      workspace.write(".env", "OPENAI_API_KEY=sk-proj-PLANTEDplanted0123456789abcdefABCDEF\nDATABASE_NAME=plain_visible_name\n");
      const settings = { mode: "allow-all" as const, deny: ["read(.env)"], workspace: workspace.root };
      expect(decidePermission({ name: "read", arguments: { path: ".env" } }, toolNamed("read"), settings).decision).toBe("deny");
      expect(decidePermission({ name: "grep", arguments: { pattern: "KEY", path: ".env" } }, toolNamed("grep"), settings).decision).toBe("deny");
      const grep = await workspace.call("grep", { pattern: "KEY|DATABASE", output_mode: "content" });
      expect(grep.text).not.toContain("DATABASE_NAME");
      for (const command of ["cat .env", "grep -r DATABASE .", `python3 -c "print(open('.env').read())"`]) {
        expect(decidePermission({ name: "bash", arguments: { command } }, toolNamed("bash"), settings).decision).toBe("allow");
        const result = await workspace.call("bash", { command });
        // Not stopped: a plain value is printed...
        expect(result.text, command).toContain("plain_visible_name");
        // ...but a key-shaped value never reaches the model.
        expect(result.text).not.toContain("sk-proj-PLANTED");
      }
    });

    it("31b. the CLI README states plainly which of these file rules do not stop", () => {
      expect(cliReadme).toContain(`\`bash(cat*)\` denied does not stop \`/bin/cat .env\`, \`head .env\`, \`python -c "open('.env')"\` or a script that reads it, and \`read(.env)\` stops only the \`read\` and \`grep\` tools, not \`cat .env\` or \`grep -r KEY .\` in bash`);
      expect(cliReadme).toContain("Reading is still allowed everywhere, so a sandboxed command can print `.env`");
    });
  });
});
