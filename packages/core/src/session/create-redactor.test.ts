import { describe, expect, it } from "vitest";
import { collectSecrets } from "./collect-secrets.js";
import { createRedactor } from "./create-redactor.js";

// Key-shaped test values, built from pieces so that no scanner mistakes this file for a leak.
const fake = (...parts: string[]): string => parts.join("");
const KEYS = {
  openai: fake("sk-proj-", "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6"),
  anthropic: fake("sk-ant-", "api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe-AbCd"),
  dotted: fake("sk-sp-", "4f8a2c9e1b7d.53a0c6e8f2b94d17"),
  openrouter: fake("sk-or-v1-", "0123456789abcdef0123456789abcdef"),
  groq: fake("gsk_", "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6"),
  aws: fake("AKIA", "IOSFODNN7EXAMPLE"),
  github: fake("ghp_", "16C7e42F292c6912E7710c838347Ae178B4a"),
  slack: fake("xoxb-", "2048-1024-AbCdEfGhIjKlMnOp"),
  google: fake("AIza", "SyA-1234567890abcdefghijklmnopqrstu"),
  prefixless: "7a9f3c21d4e8b6f0a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4",
};
const PEM = [
  fake("-----BEGIN RSA ", "PRIVATE KEY-----"),
  "MIIEowIBAAKCAQEA7bq3vXk2examplebase64bodyQ2hlY2sgdGhlIHN0YXRl",
  "b3IgcmVwZWF0aW5nIGl0Lg==",
  fake("-----END RSA ", "PRIVATE KEY-----"),
].join("\n");

describe("createRedactor", () => {
  const redact = createRedactor({ secrets: [KEYS.prefixless] });

  it.each(Object.entries(KEYS))("blanks %s keys in raw text", (_name, key) => {
    const text = `key is ${key}. next`;
    expect(redact(text)).toBe("key is [redacted]. next");
  });

  it("blanks the key after a JSON escape, in serialized lines and in JSON nested in a string", () => {
    const nested = JSON.stringify({ command: `echo a\n${KEYS.openai}\n${KEYS.prefixless}` });
    const line = JSON.stringify({ arguments: nested, plain: `x\n${KEYS.groq}` });
    const redacted = redact(line);
    for (const key of [KEYS.openai, KEYS.prefixless, KEYS.groq]) expect(redacted).not.toContain(key);
    const parsed = JSON.parse(redacted) as { arguments: string; plain: string };
    expect(JSON.parse(parsed.arguments)).toEqual({ command: "echo a\n[redacted]\n[redacted]" });
    expect(parsed.plain).toBe("x\n[redacted]");
  });

  it("blanks PEM private key blocks, whole or cut off, raw or serialized", () => {
    expect(redact(`before\n${PEM}\nafter`)).toBe("before\n[redacted]\nafter");
    const cut = PEM.slice(0, 80);
    expect(redact(`output:\n${cut}`)).toBe("output:\n[redacted]");
    const line = JSON.stringify({ content: `x\n${PEM}\ny`, other: "z" });
    expect(JSON.parse(redact(line))).toEqual({ content: "x\n[redacted]\ny", other: "z" });
    const cutLine = JSON.stringify({ content: cut, other: "z" });
    expect(JSON.parse(redact(cutLine))).toEqual({ content: "[redacted]", other: "z" });
  });

  it("blanks bearer tokens and authorization values but keeps the label", () => {
    expect(redact("curl -H 'Authorization: Bearer abc123def456ghi789'")).toBe("curl -H 'Authorization: Bearer [redacted]'");
    expect(redact("authorization: Basic dXNlcjpwYXNzd29yZA==")).toBe("authorization: Basic [redacted]");
    expect(redact(JSON.stringify({ headers: { Authorization: "Bearer tok_9f8e7d6c5b4a" } }))).toBe('{"headers":{"Authorization":"Bearer [redacted]"}}');
    // Serialized text: the label follows a `\t` or `\n` escape (a line of a numbered file read).
    expect(redact(JSON.stringify({ content: "11\tAuthorization: Basic dXNlcjpwYXNzd29yZA==\nBearer abc123def456ghi789" }))).toBe(
      '{"content":"11\\tAuthorization: Basic [redacted]\\nBearer [redacted]"}',
    );
    expect(redact("Bearer authentication is used by most gateways.")).toBe("Bearer authentication is used by most gateways.");
  });

  it("blanks values assigned to key-named variables, as in a printed .env", () => {
    const dotenv = [
      "TOGETHER_API_KEY=f00dbabe1234567890",
      'export GITHUB_TOKEN="abcdefgh12345678"',
      "SECRET: hunter2hunter2",
      "DEBUG=true",
      "MAX_TOKENS=12345678",
      "MONKEY=bananas-and-more",
      "myToken=abcdefgh12345678",
    ].join("\n");
    expect(redact(dotenv)).toBe(
      [
        "TOGETHER_API_KEY=[redacted]",
        'export GITHUB_TOKEN="[redacted]"',
        "SECRET: [redacted]",
        "DEBUG=true",
        "MAX_TOKENS=12345678",
        "MONKEY=bananas-and-more",
        "myToken=abcdefgh12345678",
      ].join("\n"),
    );
    const inJson = JSON.stringify({ content: dotenv });
    expect(JSON.parse(redact(inJson))).toEqual({ content: redact(dotenv) });
    expect(redact('{"apiKey": "q9w8e7r6t5y4", "max_tokens": "12345678"}')).toBe('{"apiKey": "[redacted]", "max_tokens": "12345678"}');
  });

  it("leaves ordinary words that merely contain key prefixes alone", () => {
    const text = "risk-assessment-for-the-project and task-runner-configuration-file, disk-usage-summary-report";
    expect(redact(text)).toBe(text);
  });

  it("matches exact secrets that need escaping in JSON, and ignores short ones", () => {
    const odd = 'pa"ss\\word-123456';
    const withOdd = createRedactor({ secrets: [odd, "short"] });
    const line = JSON.stringify({ text: `the secret ${odd} and a short word` });
    expect(JSON.parse(withOdd(line))).toEqual({ text: "the secret [redacted] and a short word" });
    expect(withOdd(`raw ${odd}`)).toBe("raw [redacted]");
  });
});

describe("collectSecrets", () => {
  it("collects the values of variables whose name or value looks secret, and of the configured key variables", () => {
    const env = {
      OPENROUTER_API_KEY: KEYS.openrouter,
      TOGETHER_API_KEY: KEYS.prefixless,
      HF_TOKEN: "hf_abcdefghijklmnop",
      AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      DB_PASSWORD: "correct horse battery",
      ANTHROPIC_AUTH_TOKEN: "token-value-123",
      SHORT_KEY: "abc",
      GOOGLE_APPLICATION_CREDENTIALS_KEY_FILE: "/home/me/key.json",
      SSH_KEY_PATH_KEY: "/home/me/.ssh/id_ed25519",
      PATH: "/usr/bin:/bin",
      HOME: "/home/me",
      MAX_TOKENS: "100000000",
      EMPTY_TOKEN: undefined,
      // Not named like a key: found by the name word CRED, by a random-looking value, or because a gateway reads it.
      MY_SERVICE_CREDS: "svc-user:pa55-word-ok",
      INNOCENT: "Zq8vN2xR7kLp4Wm9Tb3Yc6Hd",
      LLM_ACCESS: "plain-words-only-here",
      BUILD_ID: "3f1c9e2a-7b4d-4e8a-9c1f-2d6b8a0e4f7c",
      APP_ENV: "production-environment-1",
    };
    expect(new Set(collectSecrets(env, { keyVariables: ["LLM_ACCESS"] }))).toEqual(
      new Set([
        KEYS.openrouter,
        KEYS.prefixless,
        "hf_abcdefghijklmnop",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "correct horse battery",
        "token-value-123",
        "svc-user:pa55-word-ok",
        "Zq8vN2xR7kLp4Wm9Tb3Yc6Hd",
        "plain-words-only-here",
      ]),
    );
    const lengths = collectSecrets(env).map((secret) => secret.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});
