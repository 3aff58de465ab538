import { describe, expect, it } from "vitest";
import { createRedactor } from "./create-redactor.js";
import { createStreamRedactor } from "./create-stream-redactor.js";

const prefixless = "0123456789abcdef0123456789abcdef0123456789abcdef";
const redact = createRedactor({ secrets: [prefixless] });
const pem = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAMwAAAAtzc2gtZWQyNTUxOQAAACDx\n-----END OPENSSH PRIVATE KEY-----\n";
const text = `key ${prefixless} and sk-proj-abcdefghijklmnopqrstuvwxyz012345\n${pem}after AKIAIOSFODNN7EXAMPLE done\nghp_abcdefghijklmnopqrstuvwxyz0123456789\n`;

/** Feeds `input` in pieces of `size` characters and joins what comes out. */
function streamed(input: string, size: number): string {
  const stream = createStreamRedactor(redact);
  let output = "";
  for (let index = 0; index < input.length; index += size) output += stream.push(input.slice(index, index + size));
  return output + stream.end();
}

describe("createStreamRedactor", () => {
  it("redacts the same however the text is cut, private key blocks included", () => {
    for (const size of [1, 2, 3, 7, 16, 61, 1000]) {
      const output = streamed(text, size);
      for (const secret of [prefixless, "sk-proj-abcdef", "b3BlbnNzaC1rZXkt", "AAAAMwAAAAtzc2gt", "AKIAIOSFODNN7EXAMPLE", "ghp_abcdef"]) expect(output).not.toContain(secret);
      expect(output).toContain("after [redacted] done");
      expect(output.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(5);
    }
  });

  it("drops the rest of a private key that never ends", () => {
    const output = streamed("start\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1\nMIIEowIBAAKCAQEA2\n", 5);
    expect(output).toBe("start\n[redacted]");
  });

  it("cuts a line that never ends at a space, and still redacts across the cut", () => {
    const long = `${"word ".repeat(20_000)}${prefixless} ${"x".repeat(10)}`;
    const output = streamed(long, 4096);
    expect(output).not.toContain(prefixless);
    expect(output.length).toBeGreaterThan(100_000);
  });
});
