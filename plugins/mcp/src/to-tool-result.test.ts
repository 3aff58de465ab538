import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRedactor } from "@bridle/core";
import { afterEach, describe, expect, it } from "vitest";
import { toToolResult, type ToToolResultOptions } from "./to-tool-result.js";

let directory: string | undefined;
afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

function options(overrides: Partial<ToToolResultOptions> = {}): ToToolResultOptions {
  directory ??= mkdtempSync(path.join(tmpdir(), "bridle-mcp-result-"));
  return { redact: createRedactor({ secrets: ["s3cret-value-123"] }), maxChars: 1000, maxImageBytes: 1024, fullOutputPath: path.join(directory, "out.txt"), label: "srv__tool", ...overrides };
}

describe("toToolResult", () => {
  it("joins text blocks and describes resources, links, audio and unknown blocks", async () => {
    const result = await toToolResult(
      {
        content: [
          { type: "text", text: "first" },
          { type: "resource", resource: { uri: "file:///a.txt", mimeType: "text/plain", text: "inside a" } },
          { type: "resource", resource: { uri: "file:///b.bin", blob: "AAAA" } },
          { type: "resource_link", uri: "file:///c", name: "c" },
          { type: "audio", data: "AAAA", mimeType: "audio/wav" },
          { type: "hologram" },
        ],
      },
      options(),
    );
    expect(result.content).toBe(
      "first\nResource file:///a.txt [text/plain]:\ninside a\n[binary resource file:///b.bin of 3 bytes, not shown]\nResource link: file:///c (c)\n[audio audio/wav of 3 bytes, not shown]\n[hologram content, not shown]",
    );
    expect(result.isError).toBeUndefined();
  });

  it("passes images on as image parts, and leaves out one over the limit", async () => {
    const small = await toToolResult({ content: [{ type: "text", text: "look" }, { type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" }] }, options());
    expect(small.content).toEqual([{ type: "text", text: "look" }, { type: "image", url: "data:image/png;base64,iVBORw0KGgo=", mediaType: "image/png" }]);
    const big = await toToolResult({ content: [{ type: "image", data: "A".repeat(4000), mimeType: "image/png" }] }, options());
    expect(big.content).toMatch(/^\[image image\/png of 3000 bytes left out: over the 1024-byte limit\]$/);
  });

  it("marks errors, serializes structured content alone, and redacts secrets", async () => {
    expect(await toToolResult({ isError: true, content: [] }, options())).toMatchObject({ isError: true, content: "The server reported an error without a message." });
    expect((await toToolResult({ structuredContent: { temperature: 21 } }, options())).content).toBe('{\n  "temperature": 21\n}');
    expect((await toToolResult({ content: [{ type: "text", text: "token=s3cret-value-123" }] }, options())).content).toBe("token=[redacted]");
  });

  it("cuts long text like the built-in tools and saves the whole of it", async () => {
    const text = `${"a".repeat(3000)}END`;
    const result = await toToolResult({ content: [{ type: "text", text }] }, options({ maxChars: 300 }));
    expect(String(result.content).length).toBeLessThan(500);
    expect(String(result.content)).toMatch(/characters omitted; full output saved to .*out\.txt/);
    expect(String(result.content).endsWith("END")).toBe(true);
    expect(readFileSync(options().fullOutputPath, "utf8")).toBe(text);
    expect(result.display?.summary).toBe("srv__tool (3003 characters, cut)");
  });
});
