import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { wireToolResult } from "./support/wire-tool-results.js";
import { disposeSimProject, PLANTED_ENVIRONMENT, readRecords, runCliToEnd, scanWrittenFiles, type SimProject, startSimProject } from "./support/sim-runtime.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

/**
 * One value of every secret shape the requirement names, none of them in the environment: only
 * their shape can give them away.
 */
const SHAPES = {
  openai: "sk-proj-Sh4peOnlyOpenAi0123456789abcdefXYZ",
  anthropic: "sk-ant-api03-Sh4peOnlyAnthropic0123456789abcdef-XYZ",
  dotted: "sk-sp-Sh4peOnlyDotted01234.abcdef56789XYZ",
  aws: "AKIASH4PEONLY0123456",
  github: "ghp_Sh4peOnlyGithub0123456789abcdefABCD",
  slack: "xoxb-123456789012-Sh4peOnlySlack0123",
  google: "AIzaSh4peOnlyGoogle0123456789abcdefXYZ0",
  pemBody: "MIIEsh4peOnlyPemBodyLine0123456789abcdefABCDEF",
  bearer: "Sh4peOnlyBearer.eyJ0eXAiOiJKV1Qi.0123456789",
  basic: "dXNlcjpTaDRwZU9ubHlCYXNpYzAxMjM0NQ",
};

const LEAKY_FILE = [
  `OPENAI=${SHAPES.openai}`,
  `anthropic key: ${SHAPES.anthropic}`,
  `dotted one ${SHAPES.dotted}.`,
  `aws_access_key_id = ${SHAPES.aws}`,
  `github ${SHAPES.github}`,
  `slack ${SHAPES.slack}`,
  `google ${SHAPES.google}`,
  "-----BEGIN OPENSSH PRIVATE KEY-----",
  SHAPES.pemBody,
  "-----END OPENSSH PRIVATE KEY-----",
  `curl -H "Authorization: Bearer ${SHAPES.bearer}" https://example.invalid`,
  `Authorization: Basic ${SHAPES.basic}`,
  "",
].join("\n");

/** Every file under a folder (a missing folder has none). */
function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe("secrets", () => {
  describe("20. nothing Bridle writes holds an sk-, sk-ant-, dotted sk-sp-, AKIA, ghp_, xoxb-, AIza, PEM or Authorization value, after a session that printed them all", () => {
    it("20a. a CLI session prints every shape through bash, read, a tool argument, the prompt and the model's own reply; every written file is clean", { timeout: 60_000 }, async () => {
      project = await startSimProject({
        files: { "leaky.txt": LEAKY_FILE },
        scenario: {
          steps: [
            { when: { lastRole: "user" }, toolCalls: [{ id: "call_cat", name: "bash", arguments: JSON.stringify({ command: "cat leaky.txt" }) }] },
            { when: { lastRole: "tool" }, toolCalls: [{ id: "call_read", name: "read", arguments: JSON.stringify({ path: "leaky.txt" }) }] },
            // A key in the arguments of a call (saved in the call and in its tool_start record).
            { when: { lastRole: "tool" }, toolCalls: [{ id: "call_echo", name: "bash", arguments: JSON.stringify({ command: `echo 'Authorization: Bearer ${SHAPES.bearer}' >/dev/null; echo ${SHAPES.slack} | wc -c` }) }] },
            // The model repeats every key in its answer, and in its reasoning.
            { when: { lastRole: "tool" }, reasoning: `Keys seen:\n${LEAKY_FILE}`, content: `Here they are:\n${LEAKY_FILE}` },
          ],
        },
      });
      const result = await runCliToEnd(["run", "--yes", `check leaky.txt; my own key is ${SHAPES.anthropic}`], project);
      expect(result.code, result.stderr).toBe(0);
      expect(project.sim.requests.completions()).toHaveLength(4);

      const [session] = project.sessionFiles();
      const records = readRecords(session!);
      const messages = records.filter((record) => record.type === "message").map((record) => record.message.role as string);
      expect(messages).toEqual(["user", "assistant", "tool", "assistant", "tool", "assistant", "tool", "assistant"]);
      // The secrets were there to be written: the final answer is in the log, redacted.
      const answer = records.filter((record) => record.type === "message" && record.message.role === "assistant").at(-1)!;
      expect(JSON.stringify(answer)).toContain("Here they are:");
      expect(JSON.stringify(answer)).toContain("[redacted]");

      const patterns = [...Object.values(SHAPES), ...Object.values(PLANTED_ENVIRONMENT)].map((value) => new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      const homes = ["XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"].map((name) => project!.environment[name]!);
      const written = homes.flatMap(filesUnder);
      // Session log, saved tool output, and the rest: more than the session file alone.
      expect(written.length).toBeGreaterThanOrEqual(2);
      for (const home of homes.filter((folder) => fs.existsSync(folder))) {
        const scan = scanWrittenFiles(home, patterns);
        expect(scan.findings.filter((finding) => finding.problem.startsWith("holds"))).toEqual([]);
      }
    });
  });

  describe("32. the shell tool's environment has no *KEY*, *SECRET* or *TOKEN* variable and no provider key", () => {
    it("32a. the model runs env in a CLI session: the output it is sent, and the session log, hold none of them, and the rest of the environment is there", { timeout: 60_000 }, async () => {
      const extra = {
        ANTHROPIC_API_KEY: "sk-ant-api03-envOnlyAnthropic0123456789abcdef",
        DEEPSEEK_API_KEY: "envOnlyDeepseekWithoutShape0123456789",
        MY_APP_SECRET: "envOnlyAppSecretValue42",
        CI_JOB_TOKEN: "envOnlyJobTokenValue42",
        SERVICE_PRIVATE_KEY: "envOnlyPrivateKeyValue42",
        EDITOR_THEME: "solarized-stays-visible",
      };
      project = await startSimProject({
        scenario: {
          steps: [
            { when: { lastRole: "user" }, toolCalls: [{ id: "call_env", name: "bash", arguments: JSON.stringify({ command: "env | sort" }) }] },
            { when: { lastRole: "tool" }, content: "That is the environment." },
          ],
        },
      });
      const result = await runCliToEnd(["run", "--yes", "print the environment"], project, extra);
      expect(result.code, result.stderr).toBe(0);
      expect(project.sim.requests.completions()).toHaveLength(2);
      const output = wireToolResult(project.sim.requests.completions().at(-1)!.body, "env | sort");
      const names = output.split("\n").map((line) => /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1]).filter((name): name is string => name !== undefined);
      expect(names).toContain("PATH");
      expect(names).toContain("EDITOR_THEME");
      expect(output).toContain("solarized-stays-visible");
      expect(names.filter((name) => /KEY|SECRET|TOKEN/i.test(name))).toEqual([]);
      const environment = { ...project.environment, ...extra };
      const secretValues = Object.entries(environment).filter(([name]) => /KEY|SECRET|TOKEN|CREDS/i.test(name)).map(([, value]) => value);
      // The simulator's own key, the planted ones and the extra ones.
      expect(secretValues.length).toBeGreaterThanOrEqual(9);
      for (const value of [...secretValues, PLANTED_ENVIRONMENT.INNOCENT_SETTING!]) expect(output).not.toContain(value);
      const [session] = project.sessionFiles();
      const log = fs.readFileSync(session!, "utf8");
      expect(log).toContain("EDITOR_THEME=solarized-stays-visible");
      for (const value of secretValues) expect(log).not.toContain(value);
    });
  });
});
