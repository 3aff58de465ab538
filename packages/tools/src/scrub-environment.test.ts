import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBashTool } from "./bash-tool.js";
import { KNOWN_SECRET_VARIABLES, isSecretVariable } from "@bridle/core";
import { scrubEnvironment } from "./scrub-environment.js";
import { createTempWorkspace, resultText, type TempWorkspace } from "./testing/temp-workspace.js";

const secrets: Record<string, string> = {
  OPENROUTER_API_KEY: "sk-or-v1-abcdefabcdefabcdefabcdef",
  TOGETHER_API_KEY: "tgp_v1_abcdefabcdefabcdef",
  FIREWORKS_API_KEY: "fw_abcdefabcdefabcdef",
  GROQ_API_KEY: "gsk_abcdefabcdefabcdefabcdef",
  DEEPINFRA_API_KEY: "abcdefabcdefabcdefabcdef",
  MOONSHOT_API_KEY: "sk-abcdefabcdefabcdefabcdef",
  DEEPSEEK_API_KEY: "sk-0123456789abcdef0123",
  ZAI_API_KEY: "0123456789abcdef.0123456789",
  DASHSCOPE_API_KEY: "sk-dashscopeabcdefabcdef",
  GITHUB_TOKEN: "ghp_abcdefabcdefabcdefabcdefabcd",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCY",
  DB_PASSWORD: "hunter2",
  MY_SERVICE_SECRET: "s3cr3t",
  SOME_Private_Key: "-----BEGIN RSA PRIVATE KEY-----\nabc",
  // Secret values under innocent names.
  CUSTOM_LLM: "sk-ant-api03-abcdefabcdefabcdefabcdef",
  DATABASE_URL: "postgres://app:p4ssw0rd@db.internal:5432/app",
  NPM_CONFIG__AUTH: "dXNlcjpwYXNz",
};
const harmless: Record<string, string> = {
  PATH: process.env["PATH"] ?? "/usr/bin:/bin",
  HOME: "/home/someone",
  LANG: "C.UTF-8",
  SSH_AUTH_SOCK: "/tmp/ssh-agent.sock",
  PUBLIC_URL: "https://example.com/app",
  BRIDLE_TEST_MARKER: "visible",
};

describe("scrubEnvironment", () => {
  it("removes keys, tokens, passwords and secret-shaped values, keeping the rest", () => {
    const scrubbed = scrubEnvironment({ ...secrets, ...harmless });
    expect(scrubbed).toEqual(harmless);
  });

  it("lists the gateway keys named in the design and catches every one by name", () => {
    for (const name of ["OPENROUTER_API_KEY", "TOGETHER_API_KEY", "FIREWORKS_API_KEY", "GROQ_API_KEY", "DEEPINFRA_API_KEY", "MOONSHOT_API_KEY", "DEEPSEEK_API_KEY", "ZAI_API_KEY", "DASHSCOPE_API_KEY"]) {
      expect(KNOWN_SECRET_VARIABLES).toContain(name);
      expect(isSecretVariable(name, "x")).toBe(true);
    }
  });

  it("passes a variable the user chose to keep", () => {
    expect(scrubEnvironment({ GITHUB_TOKEN: "ghp_x", PATH: "/bin" }, { keep: ["GITHUB_TOKEN"] })).toEqual({
      GITHUB_TOKEN: "ghp_x",
      PATH: "/bin",
    });
  });

  it("leaves a real child process with no secret in its environment", () => {
    const child = spawnSync("env", [], { env: scrubEnvironment({ ...secrets, ...harmless }), encoding: "utf8" });
    expect(child.status).toBe(0);
    const printed = child.stdout;
    for (const [name, value] of Object.entries(secrets)) {
      expect(printed).not.toContain(`${name}=`);
      expect(printed).not.toContain(value.split("\n")[0]);
    }
    expect(printed).toContain("BRIDLE_TEST_MARKER=visible");
    expect(printed).not.toMatch(/^[^=\n]*(KEY|TOKEN|SECRET|PASSWORD)[^=\n]*=/m);
  });
});

describe("bash tool environment", () => {
  let workspace: TempWorkspace;
  beforeEach(() => {
    workspace = createTempWorkspace();
  });
  afterEach(() => workspace.remove());

  it("runs commands without any key from the environment it was given", async () => {
    const bash = createBashTool({ environment: { ...secrets, ...harmless } });
    const result = await bash.run({ command: "env" }, workspace.context());
    const printed = resultText(result);
    expect(printed).toContain("BRIDLE_TEST_MARKER=visible");
    for (const [name, value] of Object.entries(secrets)) {
      expect(printed).not.toContain(`${name}=`);
      expect(printed).not.toContain(value.split("\n")[0]);
    }
    expect(printed).toContain("GIT_TERMINAL_PROMPT=0");
  });

  it("scrubs process.env by default", async () => {
    process.env["BRIDLE_FAKE_API_KEY"] = "sk-should-never-leak-0123456789";
    try {
      const result = await createBashTool().run({ command: "env" }, workspace.context());
      expect(resultText(result)).not.toContain("sk-should-never-leak");
      expect(resultText(result)).not.toContain("BRIDLE_FAKE_API_KEY");
    } finally {
      delete process.env["BRIDLE_FAKE_API_KEY"];
    }
  });
});
