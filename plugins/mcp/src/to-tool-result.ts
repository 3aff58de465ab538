import type { ContentPart, Redactor, ToolResult } from "@bridle/core";
import { OutputCollector } from "@bridle/tools";

/** One content block of an MCP tool result, as the protocol defines it (fields Bridle reads). */
export interface McpContentBlock {
  type: string;
  text?: string;
  data?: string;
  mimeType?: string;
  uri?: string;
  name?: string;
  resource?: { uri?: string; mimeType?: string; text?: string; blob?: string };
}

/** An MCP `tools/call` result (fields Bridle reads). */
export interface McpCallResult {
  content?: McpContentBlock[];
  structuredContent?: unknown;
  isError?: boolean;
}

export interface ToToolResultOptions {
  /** Applied to every text the server sent. */
  redact: Redactor;
  /** Characters of text the model sees before the middle is cut (the built-in tools' cap). */
  maxChars: number;
  /** Largest image passed on, in bytes. */
  maxImageBytes: number;
  /** Where the complete text goes when it is cut. */
  fullOutputPath: string;
  /** For the display line: `<server>__<tool>`. */
  label: string;
}

/**
 * Maps an MCP result to a tool result: text blocks and text resources become text, images become
 * image parts (the transport turns them into a note for gateways that take no images in tool
 * results), binary resources and audio are described, resource links listed, structured content
 * without blocks serialized. Text is redacted and capped like the built-in tools' output.
 */
export async function toToolResult(result: McpCallResult, options: ToToolResultOptions): Promise<ToolResult> {
  const texts: string[] = [];
  const images: ContentPart[] = [];
  for (const block of result.content ?? []) {
    const described = describeBlock(block, options.maxImageBytes);
    if (typeof described === "string") texts.push(described);
    else images.push(described);
  }
  if ((result.content ?? []).length === 0 && result.structuredContent !== undefined) texts.push(JSON.stringify(result.structuredContent, null, 2));
  if (texts.length === 0 && images.length === 0) texts.push(result.isError ? "The server reported an error without a message." : "(no output)");

  const collector = new OutputCollector(options.maxChars, options.fullOutputPath);
  collector.append(options.redact(texts.join("\n")));
  const collected = await collector.finish();
  const summary = `${options.label}${result.isError ? " failed" : ""}${collected.truncated ? ` (${collected.totalChars} characters, cut)` : ""}`;
  return {
    content: images.length === 0 ? collected.text : [{ type: "text", text: collected.text }, ...images],
    ...(result.isError ? { isError: true } : {}),
    display: { summary },
  };
}

function describeBlock(block: McpContentBlock, maxImageBytes: number): string | ContentPart {
  switch (block.type) {
    case "text":
      return block.text ?? "";
    case "image": {
      const bytes = base64Bytes(block.data ?? "");
      if (!block.data || bytes > maxImageBytes) return `[image ${block.mimeType ?? ""} of ${bytes} bytes left out: over the ${maxImageBytes}-byte limit]`;
      return { type: "image", url: `data:${block.mimeType ?? "image/png"};base64,${block.data}`, ...(block.mimeType ? { mediaType: block.mimeType } : {}) };
    }
    case "audio":
      return `[audio ${block.mimeType ?? ""} of ${base64Bytes(block.data ?? "")} bytes, not shown]`;
    case "resource_link":
      return `Resource link: ${block.uri ?? "(no uri)"}${block.name ? ` (${block.name})` : ""}${block.mimeType ? ` [${block.mimeType}]` : ""}`;
    case "resource": {
      const resource = block.resource ?? {};
      if (typeof resource.text === "string") return `Resource ${resource.uri ?? ""}${resource.mimeType ? ` [${resource.mimeType}]` : ""}:\n${resource.text}`;
      return `[binary resource ${resource.uri ?? ""}${resource.mimeType ? ` (${resource.mimeType})` : ""} of ${base64Bytes(resource.blob ?? "")} bytes, not shown]`;
    }
    default:
      return `[${block.type} content, not shown]`;
  }
}

function base64Bytes(data: string): number {
  const padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}
