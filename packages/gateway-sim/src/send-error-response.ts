import type { ServerResponse } from "node:http";
import type { GatewayErrorResponse } from "./gateway-profile.js";

/** Writes an error response: a JSON body, or a string body sent verbatim. */
export function sendErrorResponse(response: ServerResponse, error: GatewayErrorResponse): void {
  const text = typeof error.body === "string" ? error.body : JSON.stringify(error.body);
  const contentType = error.contentType ?? (typeof error.body === "string" ? "text/plain; charset=utf-8" : "application/json");
  const headers = Object.fromEntries(Object.entries(error.headers ?? {}).filter(([name]) => name.toLowerCase() !== "content-type"));
  response.writeHead(error.status, { ...headers, "content-type": contentType, "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** Writes a JSON 2xx response. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** An HTML error page such as a CDN or reverse proxy serves when the upstream fails. */
export function htmlErrorPage(status: number, server: string): GatewayErrorResponse {
  const reason = HTTP_REASONS[status] ?? "Error";
  const body = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`;
  return { status, body, contentType: "text/html" };
}

const HTTP_REASONS: Record<number, string> = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  413: "Request Entity Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
  504: "Gateway Time-out",
};

/** Resolves after `milliseconds` (immediately for 0). */
export function delay(milliseconds: number): Promise<void> {
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
