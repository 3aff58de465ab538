#!/usr/bin/env node
// The floor the `start` benchmark compares Bridle with: a coding-agent loop with no
// dependencies and nothing else. It reads its config, appends each record to a JSONL session log
// with write(2) before what depends on it, streams chat completions over HTTP, runs the `write`
// tool (temp file + rename) and sends the result back until the model stops.
//   floor-client.mjs run "<task>"    one headless task against the gateway in ./floor.config.json
//   floor-client.mjs --version       prints its version
//   floor-client.mjs                 draws an interactive prompt and waits for a line
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from "node:fs";
import http from "node:http";
import path from "node:path";

if (process.argv[2] === "--version") {
  process.stdout.write("floor 1.0.0\n");
  process.exit(0);
}

const config = JSON.parse(readFileSync(path.join(process.cwd(), "floor.config.json"), "utf8"));
const apiKey = process.env[config.keyVariable] ?? "";
const sessions = path.join(process.env.XDG_DATA_HOME ?? path.join(process.env.HOME ?? ".", ".local/share"), "floor", "sessions");
mkdirSync(sessions, { recursive: true });
const log = openSync(path.join(sessions, `${Date.now()}-${process.pid}.jsonl`), "ax");
const record = (entry) => writeSync(log, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);

const tools = [
  {
    type: "function",
    function: {
      name: "write",
      description: "Create a file, or replace a file's entire content.",
      parameters: {
        type: "object",
        properties: { path: { type: "string", description: "File to write, relative to the workspace." }, content: { type: "string", description: "The new content." } },
        required: ["path", "content"],
      },
    },
  },
];

function post(body) {
  const url = new URL(`${config.baseURL}/chat/completions`);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}`, "content-length": Buffer.byteLength(payload) } },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`HTTP ${response.statusCode}`));
        const message = { role: "assistant", content: "", tool_calls: [] };
        let buffer = "";
        response.setEncoding("utf8");
        response.on("data", (text) => {
          buffer += text;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event.startsWith("data: ") ? event.slice(6) : "";
            if (!data || data === "[DONE]") continue;
            const delta = JSON.parse(data).choices[0]?.delta;
            if (delta?.content) message.content += delta.content;
            for (const call of delta?.tool_calls ?? []) {
              const slot = (message.tool_calls[call.index] ??= { id: call.id, type: "function", function: { name: "", arguments: "" } });
              slot.function.name += call.function?.name ?? "";
              slot.function.arguments += call.function?.arguments ?? "";
            }
          }
        });
        response.on("end", () => resolve(message));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

function runWrite(call) {
  const args = JSON.parse(call.function.arguments);
  const target = path.resolve(process.cwd(), args.path);
  const temporary = `${target}.${process.pid}.tmp`;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(temporary, args.content);
  renameSync(temporary, target);
  return `Created ${args.path}`;
}

async function run(task) {
  const messages = [
    { role: "system", content: `You are a coding agent working in ${process.cwd()}. Use the tools to change files.` },
    { role: "user", content: task },
  ];
  record({ type: "user", content: task });
  for (;;) {
    const message = await post({ model: config.model, messages, tools, stream: true, stream_options: { include_usage: true } });
    if (message.tool_calls.length === 0) delete message.tool_calls;
    messages.push(message);
    record({ type: "assistant", message });
    if (!message.tool_calls) {
      process.stdout.write(`${message.content}\n`);
      return;
    }
    for (const call of message.tool_calls) {
      record({ type: "tool_start", id: call.id });
      const result = { role: "tool", tool_call_id: call.id, content: runWrite(call) };
      record({ type: "tool_result", result });
      messages.push(result);
    }
  }
}

if (process.argv[2] === "run") {
  await run(process.argv.slice(3).join(" "));
  closeSync(log);
} else {
  // The interactive screen: a prompt and a status line under it, then one line of input.
  process.stdout.write(`\x1b[2J\x1b[H> \nctx 0% · ${config.model} @ ${config.gateway}\x1b[1A\x1b[3G`);
  process.stdin.setEncoding("utf8");
  process.stdin.once("data", async (line) => {
    await run(line.trim());
    closeSync(log);
    process.exit(0);
  });
}
