// A minimal OpenAI-compatible gateway on 127.0.0.1 that answers at once, for timing clients:
// the first request of a conversation gets a `write` tool call, the one after the tool result
// gets a short answer. It records when each request's headers arrived, its body size, and when
// the response was fully written, all on this process's `performance.now()` clock.
import { createServer } from "node:http";

const encoder = (model) => (delta, finish = null) =>
  `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/** Starts the gateway; `reply(body)` returns `{ toolCall: { name, arguments } }` or `{ content }`. */
export async function startLoopbackGateway({ apiKey, reply }) {
  const requests = [];
  const server = createServer((request, response) => {
    const arrived = performance.now();
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const record = { method: request.method, url: request.url, arrived, bytes: raw.length, body: undefined, finished: undefined };
      requests.push(record);
      if (request.headers.authorization !== `Bearer ${apiKey}`) {
        response.writeHead(401, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { message: "Invalid API key", type: "invalid_request_error" } }));
        return;
      }
      if (request.method !== "POST" || !request.url.endsWith("/chat/completions")) {
        response.writeHead(404, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { message: `no route ${request.method} ${request.url}` } }));
        return;
      }
      const body = JSON.parse(raw.toString("utf8"));
      record.body = body;
      const answer = reply(body);
      const chunk = encoder(body.model);
      let text = chunk({ role: "assistant", content: "" });
      if (answer.toolCall) {
        text += chunk({ tool_calls: [{ index: 0, id: "call_bench_1", type: "function", function: { name: answer.toolCall.name, arguments: answer.toolCall.arguments } }] });
        text += chunk({}, "tool_calls");
      } else {
        text += chunk({ content: answer.content });
        text += chunk({}, "stop");
      }
      const usage = { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: 20, total_tokens: Math.ceil(raw.length / 4) + 20 };
      text += `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 0, model: body.model, choices: [], usage })}\n\ndata: [DONE]\n\n`;
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      response.end(text, () => {
        record.finished = performance.now();
      });
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Chat-completion requests only. */
    completions: () => requests.filter((record) => record.body !== undefined),
    clear: () => requests.splice(0),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
