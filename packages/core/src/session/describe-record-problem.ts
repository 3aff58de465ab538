import { SESSION_FORMAT_VERSION, SESSION_RECORD_TYPES } from "./session-record.js";

type Fields = Record<string, unknown>;

/**
 * Checks that a parsed line has the shape of a session record. Returns what is wrong, or
 * `undefined` when it is a valid record. Checks field types only as deep as replay relies on them,
 * so a large session opens quickly.
 */
export function describeRecordProblem(value: unknown): string | undefined {
  if (!isObject(value)) return "not a JSON object";
  if (!Number.isSafeInteger(value.seq) || (value.seq as number) < 1) return "seq must be a positive integer";
  if (typeof value.at !== "string") return "at must be an ISO time string";
  const type = value.type;
  if (typeof type !== "string") return "type is missing";
  if (!(SESSION_RECORD_TYPES as readonly string[]).includes(type)) return `unknown record type "${type}"`;
  return describeBodyProblem(type, value);
}

function describeBodyProblem(type: string, value: Fields): string | undefined {
  if (type === "session") return describeHeaderProblem(value);
  if (type === "feed") return describeFeedProblem(value.event);
  if (typeof value.turn !== "number") return `${type} record needs turn (a number)`;
  switch (type) {
    case "message":
      return prefix("message", describeMessageProblem(value.message));
    case "tool_start":
      return (
        needStrings(type, value, ["callId", "name"]) ??
        (isObject(value.arguments) ? undefined : "tool_start record needs arguments (an object)")
      );
    case "tool_process":
      return needStrings(type, value, ["callId"]) ?? needNumbers(type, value, ["pid"]);
    case "compaction":
      return (
        needStrings(type, value, ["reason"]) ??
        needNumbers(type, value, ["tokensBefore", "tokensAfter"]) ??
        describeMessagesProblem(value.messages)
      );
    case "model_switch":
      return (
        needStrings(type, value, ["reason"]) ??
        describeModelProblem("from", value.from) ??
        describeModelProblem("to", value.to)
      );
    case "usage":
      return (
        needStrings(type, value, ["model", "gateway"]) ??
        (isObject(value.usage) ? needNumbers("usage", value.usage, ["inputTokens", "outputTokens"]) : "usage record needs usage (an object)")
      );
    default:
      return needStrings(type, value, ["reason"]);
  }
}

function describeHeaderProblem(value: Fields): string | undefined {
  if (value.version !== SESSION_FORMAT_VERSION) {
    return typeof value.version === "number" && value.version > SESSION_FORMAT_VERSION
      ? `written by a newer Bridle (session format version ${value.version}, this one reads ${SESSION_FORMAT_VERSION})`
      : `unsupported session format version ${JSON.stringify(value.version)}`;
  }
  return needStrings("session", value, ["id", "workspace", "model", "gateway"]);
}

function describeFeedProblem(event: unknown): string | undefined {
  if (!isObject(event)) return "feed record needs event (an object)";
  return needStrings("feed event", event, ["type", "level", "message"]);
}

function describeModelProblem(field: string, value: unknown): string | undefined {
  if (!isObject(value)) return `model_switch record needs ${field} (an object with model and gateway)`;
  return needStrings(`model_switch ${field}`, value, ["model", "gateway"]);
}

function describeMessagesProblem(messages: unknown): string | undefined {
  if (!Array.isArray(messages)) return "compaction record needs messages (an array)";
  for (const [index, message] of messages.entries()) {
    const problem = describeMessageProblem(message);
    if (problem) return `messages[${index}]: ${problem}`;
  }
  return undefined;
}

function describeMessageProblem(message: unknown): string | undefined {
  if (!isObject(message)) return "not an object";
  switch (message.role) {
    case "system":
      return typeof message.content === "string" ? undefined : "system content must be a string";
    case "user":
      return isContent(message.content) ? undefined : "user content must be a string or an array of parts";
    case "assistant":
      if (message.content !== null && typeof message.content !== "string") return "assistant content must be a string or null";
      return describeToolCallsProblem(message.toolCalls);
    case "tool":
      if (typeof message.toolCallId !== "string") return "tool message needs toolCallId (a string)";
      return isContent(message.content) ? undefined : "tool content must be a string or an array of parts";
    default:
      return `unknown role ${JSON.stringify(message.role)}`;
  }
}

function describeToolCallsProblem(toolCalls: unknown): string | undefined {
  if (toolCalls === undefined) return undefined;
  if (!Array.isArray(toolCalls)) return "toolCalls must be an array";
  for (const [index, call] of toolCalls.entries()) {
    if (!isObject(call) || typeof call.id !== "string" || typeof call.name !== "string" || typeof call.arguments !== "string") {
      return `toolCalls[${index}] needs id, name and arguments (strings)`;
    }
  }
  return undefined;
}

function needStrings(what: string, value: Fields, keys: string[]): string | undefined {
  const missing = keys.find((key) => typeof value[key] !== "string");
  return missing === undefined ? undefined : `${what} record needs ${missing} (a string)`;
}

function needNumbers(what: string, value: Fields, keys: string[]): string | undefined {
  const missing = keys.find((key) => typeof value[key] !== "number");
  return missing === undefined ? undefined : `${what} record needs ${missing} (a number)`;
}

function prefix(label: string, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : `${label}: ${problem}`;
}

function isContent(content: unknown): boolean {
  return typeof content === "string" || Array.isArray(content);
}

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
