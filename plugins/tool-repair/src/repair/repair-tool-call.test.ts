import { describe, expect, it } from "vitest";
import { repairToolCall } from "./repair-tool-call.js";
import { InvalidToolSchemaError } from "./schema/invalid-tool-schema-error.js";
import type { RepairResult, ToolSpec } from "./types.js";

/** Tools unlike the corpus's, so the rules are exercised on schemas they were not tuned on. */
const TOOLS: ToolSpec[] = [
  {
    name: "web_search",
    parameters: {
      type: "object",
      properties: { query: { type: "string" }, max_results: { type: "integer", minimum: 1 }, domains: { type: "array", items: { type: "string" } }, safe: { type: "boolean" } },
      required: ["query"],
    },
  },
  {
    name: "create_issue",
    parameters: {
      type: "object",
      properties: { title: { type: "string" }, body: { type: "string" }, labels: { type: "array", items: { type: "string" } } },
      required: ["title", "body"],
      additionalProperties: false,
    },
  },
  {
    name: "move_file",
    parameters: { type: "object", properties: { source: { type: "string" }, destination: { type: "string" }, overwrite: { type: "boolean" } }, required: ["source", "destination"] },
  },
  {
    name: "http_request",
    parameters: {
      type: "object",
      properties: { url: { type: "string" }, method: { type: "string", enum: ["GET", "POST", "PUT", "DELETE"] }, headers: { type: "object" }, timeout_ms: { type: "integer", minimum: 0 } },
      required: ["url", "method"],
    },
  },
  { name: "apply_patch", parameters: { type: "object", properties: { patch: { type: "string" } }, required: ["patch"] } },
  { name: "kill_shell", parameters: { type: "object", properties: { pid: { type: ["integer", "null"] } }, required: ["pid"] } },
  { name: "list_windows", parameters: { type: "object", properties: {} } },
  { name: "transform", parameters: { type: "object", properties: { input: { type: "string" }, mode: { type: "string" } }, required: ["input"] } },
  {
    name: "plan",
    parameters: {
      type: "object",
      $defs: { Step: { type: "object", properties: { title: { type: "string" }, done: { type: "boolean" } }, required: ["title", "done"] } },
      properties: { steps: { type: "array", items: { $ref: "#/$defs/Step" } } },
      required: ["steps"],
    },
  },
];

function repair(name: string | null, args: string | object | null, content?: string): RepairResult {
  return repairToolCall({ name, arguments: args, content: content ?? null }, TOOLS);
}

function expectRepaired(result: RepairResult, calls: Array<{ name: string; arguments: Record<string, unknown> }>, rule?: string): void {
  expect(result.hint).toBeUndefined();
  expect(result.status).toBe("repaired");
  expect(result.calls).toEqual(calls);
  if (rule !== undefined) expect(result.repairs).toContain(rule);
}

function expectUnrecoverable(result: RepairResult, hintPattern: RegExp): void {
  expect(result.status).toBe("unrecoverable");
  expect(result.calls).toEqual([]);
  expect(result.hint).toMatch(hintPattern);
}

describe("repairToolCall: valid calls", () => {
  it("returns a valid call untouched", () => {
    const result = repair("web_search", '{"query":"rust async","max_results":5}');
    expect(result).toEqual({ status: "valid", calls: [{ name: "web_search", arguments: { query: "rust async", max_results: 5 } }], repairs: [] });
  });

  it("keeps an undeclared key a permissive schema allows", () => {
    const result = repair("move_file", '{"source":"a","destination":"b","dry_run":true}');
    expect(result.status).toBe("valid");
    expect(result.calls[0]?.arguments).toEqual({ source: "a", destination: "b", dry_run: true });
  });

  it("keeps null where the schema allows it", () => {
    expect(repair("kill_shell", '{"pid":null}').status).toBe("valid");
  });

  it("reads an empty or missing arguments field as {} for a parameterless tool", () => {
    expect(repair("list_windows", "").calls).toEqual([{ name: "list_windows", arguments: {} }]);
    expect(repair("list_windows", null).status).toBe("valid");
    expect(repair("list_windows", "   ").status).toBe("valid");
  });

  it("keeps a string the schema wants as a string, however numeric it looks", () => {
    expect(repair("create_issue", '{"title":"7","body":"[1, 2]"}').status).toBe("valid");
  });
});

describe("repairToolCall: argument text", () => {
  it("closes arguments cut after a complete value", () => {
    expectRepaired(repair("web_search", '{"query": "rust async", "max_results": 5'), [{ name: "web_search", arguments: { query: "rust async", max_results: 5 } }], "close-truncated-json");
  });

  it("refuses arguments cut inside a value, naming where", () => {
    expectUnrecoverable(repair("create_issue", '{"title": "Bug", "body": "When I click the butt'), /cut off after \d+ characters inside the value of `body`/);
  });

  it("refuses arguments cut right after a key", () => {
    expectUnrecoverable(repair("web_search", '{"query": "rust", "max_results":'), /cut off/);
  });

  it("escapes inner quotes in a value of a known schema", () => {
    expectRepaired(
      repair("create_issue", '{"title": "Crash on "Save"", "body": "Press "Save" twice"}'),
      [{ name: "create_issue", arguments: { title: 'Crash on "Save"', body: 'Press "Save" twice' } }],
      "escape-inner-quotes",
    );
  });

  it("reports a value that lost its closing quote instead of guessing", () => {
    expectUnrecoverable(repair("create_issue", '{"title": "Bug, "body": "text"}'), /missing its closing quote/);
  });

  it("parses Python literals and single quotes", () => {
    expectRepaired(repair("web_search", "{'query': 'x', 'safe': True, 'max_results': None}"), [{ name: "web_search", arguments: { query: "x", safe: true } }], "python-literal");
  });

  it("quotes a bare unquoted value", () => {
    expectRepaired(repair("http_request", '{"url": "https://example.com", "method": GET}'), [{ name: "http_request", arguments: { url: "https://example.com", method: "GET" } }]);
  });

  it("removes a trailing comma and a stray closing brace", () => {
    expectRepaired(repair("web_search", '{"query": "x",}'), [{ name: "web_search", arguments: { query: "x" } }]);
    expectRepaired(repair("web_search", '{"query": "x"}}'), [{ name: "web_search", arguments: { query: "x" } }], "drop-extra-closing-bracket");
  });

  it("escapes raw control characters inside strings", () => {
    expectRepaired(repair("apply_patch", '{"patch": "--- a\n+++ b\t"}'), [{ name: "apply_patch", arguments: { patch: "--- a\n+++ b\t" } }], "escape-control-characters");
  });

  it("keeps Windows paths literal when their backslashes are not JSON escapes", () => {
    expectRepaired(
      repair("move_file", String.raw`{"source": "C:\Users\me\notes.txt", "destination": "D:\backup\new"}`),
      [{ name: "move_file", arguments: { source: String.raw`C:\Users\me\notes.txt`, destination: String.raw`D:\backup\new` } }],
      "fix-invalid-escapes",
    );
  });

  it("reads pretty JSON whose newlines were written as \\n between tokens", () => {
    expectRepaired(repair("web_search", String.raw`{\n  "query": "x"\n}`), [{ name: "web_search", arguments: { query: "x" } }], "literal-escape-outside-string");
  });

  it("decodes arguments encoded as a JSON string, with or without the outer quotes", () => {
    expectRepaired(repair("web_search", JSON.stringify(JSON.stringify({ query: "x" }))), [{ name: "web_search", arguments: { query: "x" } }], "decode-double-encoded");
    expectRepaired(repair("web_search", String.raw`{\"query\": \"x\"}`), [{ name: "web_search", arguments: { query: "x" } }], "decode-double-encoded");
  });

  it("reads the literal null as no arguments", () => {
    expectRepaired(repair("list_windows", "null"), [{ name: "list_windows", arguments: {} }], "empty-arguments");
  });

  it("refuses JSON that is not an object", () => {
    expectUnrecoverable(repair("web_search", "42"), /must be a JSON object, but they were number 42/);
    expectUnrecoverable(repair("web_search", '"rust async"'), /must be a JSON object/);
    expectUnrecoverable(repair("web_search", '["rust"]'), /must be a JSON object/);
  });

  it("refuses text no repair can read", () => {
    expectUnrecoverable(repair("web_search", "{query rust async}"), /not valid JSON/);
  });
});

describe("repairToolCall: several calls in one", () => {
  it("splits concatenated objects into calls", () => {
    expectRepaired(
      repair("web_search", '{"query":"a"}\n{"query":"b"}'),
      [
        { name: "web_search", arguments: { query: "a" } },
        { name: "web_search", arguments: { query: "b" } },
      ],
      "split-concatenated-objects",
    );
  });

  it("merges identical repeats into one call", () => {
    const result = repair("web_search", '{"query":"a"}{"query":"a"}{"query":"a"}');
    expectRepaired(result, [{ name: "web_search", arguments: { query: "a" } }], "dedupe-repeated-call");
  });

  it("splits a list payload", () => {
    expectRepaired(
      repair("move_file", '[{"source":"a","destination":"b"},{"source":"c","destination":"d"}]'),
      [
        { name: "move_file", arguments: { source: "a", destination: "b" } },
        { name: "move_file", arguments: { source: "c", destination: "d" } },
      ],
      "split-list-payload",
    );
  });

  it("pairs glued tool names with concatenated objects", () => {
    expectRepaired(
      repair("web_searchapply_patch", '{"query":"a"}{"patch":"p"}'),
      [
        { name: "web_search", arguments: { query: "a" } },
        { name: "apply_patch", arguments: { patch: "p" } },
      ],
      "split-concatenated-names",
    );
  });

  it("refuses glued names whose count differs from the objects", () => {
    expectUnrecoverable(repair("web_searchapply_patch", '{"query":"a"}'), /joins 2 tool names but the arguments hold 1/);
  });

  it("unpacks multi_tool_use.parallel envelopes", () => {
    const args = { tool_uses: [{ recipient_name: "functions.web_search", parameters: { query: "a" } }, { recipient_name: "functions.apply_patch", parameters: { patch: "p" } }] };
    expectRepaired(
      repair("multi_tool_use.parallel", JSON.stringify(args)),
      [
        { name: "web_search", arguments: { query: "a" } },
        { name: "apply_patch", arguments: { patch: "p" } },
      ],
      "unwrap-spread-envelope",
    );
  });
});

describe("repairToolCall: structure", () => {
  it("unwraps arguments nested under a wrapper key, also as a JSON string", () => {
    expectRepaired(repair("http_request", '{"input": {"url": "https://x", "method": "GET"}}'), [{ name: "http_request", arguments: { url: "https://x", method: "GET" } }], "unwrap-arguments-wrapper");
    expectRepaired(repair("web_search", JSON.stringify({ parameters: JSON.stringify({ query: "x" }) })), [{ name: "web_search", arguments: { query: "x" } }]);
  });

  it("never unwraps a key the tool declares", () => {
    expect(repair("transform", '{"input": "{\\"a\\": 1}"}').status).toBe("valid");
  });

  it("unwraps a wrapper even when a permissive schema accepts it", () => {
    expectRepaired(repair("move_file", '{"arguments": {"source": "a", "destination": "b"}}'), [{ name: "move_file", arguments: { source: "a", destination: "b" } }]);
  });

  it("unpacks a whole {name, arguments} envelope sent to a wrapper name", () => {
    expectRepaired(repair("tool_call", '{"name": "web_search", "arguments": {"query": "x"}}'), [{ name: "web_search", arguments: { query: "x" } }], "unwrap-spread-envelope");
    expectRepaired(repair(null, '{"function": {"name": "web_search", "arguments": "{\\"query\\": \\"x\\"}"}}'), [{ name: "web_search", arguments: { query: "x" } }]);
  });

  it("takes the call from the assistant text when the arguments are empty", () => {
    const content = 'I will search.\n<tool_call>\n{"name": "web_search", "arguments": {"query": "rust"}}\n</tool_call>';
    expectRepaired(repair("web_search", "", content), [{ name: "web_search", arguments: { query: "rust" } }], "arguments-from-content");
    expectRepaired(repair(null, null, '<function-name>web_search</function-name><arguments>{"query": "go"}</arguments>'), [{ name: "web_search", arguments: { query: "go" } }]);
  });
});

describe("repairToolCall: values and keys", () => {
  it("parses arrays and objects sent as JSON strings, including items and $ref schemas", () => {
    expectRepaired(repair("create_issue", '{"title":"t","body":"b","labels":"[\\"bug\\", \\"ui\\"]"}'), [{ name: "create_issue", arguments: { title: "t", body: "b", labels: ["bug", "ui"] } }], "parse-json-string");
    expectRepaired(repair("plan", JSON.stringify({ steps: JSON.stringify([{ title: "a", done: "false" }]) })), [{ name: "plan", arguments: { steps: [{ title: "a", done: false }] } }]);
    expectRepaired(repair("plan", JSON.stringify({ steps: [JSON.stringify({ title: "a", done: true })] })), [{ name: "plan", arguments: { steps: [{ title: "a", done: true }] } }]);
  });

  it("coerces numeric and boolean strings only where the schema wants them", () => {
    expectRepaired(repair("web_search", '{"query":"10","max_results":"10","safe":"TRUE"}'), [{ name: "web_search", arguments: { query: "10", max_results: 10, safe: true } }]);
  });

  it("does not round a fraction into an integer", () => {
    expectUnrecoverable(repair("web_search", '{"query":"x","max_results":"2.5"}'), /`max_results` must be integer, got string "2.5"/);
  });

  it("turns the string null into null where null is allowed", () => {
    expectRepaired(repair("kill_shell", '{"pid":"null"}'), [{ name: "kill_shell", arguments: { pid: null } }], "string-to-null");
  });

  it("drops null for an optional property but never for a required one", () => {
    expectRepaired(repair("web_search", '{"query":"x","max_results":null}'), [{ name: "web_search", arguments: { query: "x" } }], "drop-null-optional");
    expectUnrecoverable(repair("create_issue", '{"title":null,"body":"b"}'), /`title` must be string, got null/);
  });

  it("wraps a bare value into the array the schema wants, and unwraps a one-item array", () => {
    expectRepaired(repair("web_search", '{"query":"x","domains":"docs.rs"}'), [{ name: "web_search", arguments: { query: "x", domains: ["docs.rs"] } }], "wrap-in-array");
    expectRepaired(repair("apply_patch", '{"patch":["--- a"]}'), [{ name: "apply_patch", arguments: { patch: "--- a" } }], "unwrap-single-item-array");
  });

  it("serializes an object sent for a string and stringifies numbers", () => {
    expectRepaired(repair("apply_patch", '{"patch":{"a":1}}'), [{ name: "apply_patch", arguments: { patch: '{"a":1}' } }], "object-to-string");
    expectRepaired(repair("create_issue", '{"title":404,"body":"b"}'), [{ name: "create_issue", arguments: { title: "404", body: "b" } }], "scalar-to-string");
  });

  it("reads {} as an empty array", () => {
    expectRepaired(repair("web_search", '{"query":"x","domains":{}}'), [{ name: "web_search", arguments: { query: "x", domains: [] } }], "empty-object-to-array");
  });

  it("renames keys by spelling and by synonym when exactly one property fits", () => {
    expectRepaired(repair("http_request", '{"URL":"https://x","Method":"GET"}'), [{ name: "http_request", arguments: { url: "https://x", method: "GET" } }], "rename-key-variant");
    expectRepaired(repair("web_search", '{"q":"rust"}'), [{ name: "web_search", arguments: { query: "rust" } }], "rename-key-synonym");
  });

  it("never guesses between two candidates or invents a missing value", () => {
    expectUnrecoverable(repair("move_file", '{"path":"a"}'), /`source` is required but missing; `destination` is required but missing/);
    expectUnrecoverable(repair("create_issue", '{"title":"t"}'), /`body` is required but missing/);
  });

  it("drops keys a closed schema does not declare", () => {
    expectRepaired(repair("create_issue", '{"title":"t","body":"b","assignee":"me"}'), [{ name: "create_issue", arguments: { title: "t", body: "b" } }], "drop-unknown-key");
  });

  it("strips leaked closing markup from values and recovers parameters run together", () => {
    expectRepaired(repair("web_search", '{"query":"rust</parameter>\\n</invoke>"}'), [{ name: "web_search", arguments: { query: "rust" } }], "strip-grammar-debris");
    expectRepaired(
      repair("move_file", JSON.stringify({ source: "a.txt</arg_value>\n<arg_key>destination</arg_key>\n<arg_value>b.txt</arg_value>" })),
      [{ name: "move_file", arguments: { source: "a.txt", destination: "b.txt" } }],
      "recover-merged-parameters",
    );
  });

  it("refuses markup it cannot split into declared parameters", () => {
    expectUnrecoverable(repair("web_search", JSON.stringify({ query: "a</arg_value><arg_key>colour</arg_key><arg_value>red" })), /contains tool-call markup/);
  });

  it("cleans markup from keys", () => {
    expectRepaired(repair("web_search", '{"query</arg_key>":"x"}'), [{ name: "web_search", arguments: { query: "x" } }], "strip-grammar-debris");
  });

  it("rejects out-of-range values without clamping them", () => {
    expectUnrecoverable(repair("http_request", '{"url":"https://x","method":"GET","timeout_ms":-5}'), /`timeout_ms` must be a number >= 0, got number -5/);
    expectUnrecoverable(repair("http_request", '{"url":"https://x","method":"FETCH"}'), /`method` must be one of "GET", "POST", "PUT", "DELETE", got string "FETCH"/);
  });

  it("rejects an empty target but keeps empty content", () => {
    expectUnrecoverable(repair("http_request", '{"url":"","method":"GET"}'), /`url` is empty/);
    expect(repair("create_issue", '{"title":"t","body":""}').status).toBe("valid");
  });

  it("takes an already-parsed object and repairs it too", () => {
    expectRepaired(repair("web_search", { query: "x", max_results: "3" }), [{ name: "web_search", arguments: { query: "x", max_results: 3 } }]);
  });
});

describe("repairToolCall: tool names", () => {
  it("resolves case, namespaces, Kimi call indexes and suffixes among offered tools", () => {
    for (const name of ["Web_Search", "WebSearch", "functions.web_search", "default_api:web_search", "functions.web_search:3", "mcp__search__web_search", "web_search_tool"]) {
      const result = repair(name, '{"query":"x"}');
      expect(result.status, name).toBe("repaired");
      expect(result.calls[0]?.name, name).toBe("web_search");
    }
  });

  it("matches a near miss only when it is long enough and unambiguous", () => {
    expectRepaired(repair("web_serch", '{"query":"x"}'), [{ name: "web_search", arguments: { query: "x" } }], "tool-name-near-miss");
    expectUnrecoverable(repair("patch", '{"patch":"x"}'), /There is no tool named "patch"/);
  });

  it("cuts grammar debris from a name and keeps the arguments it carried", () => {
    expectRepaired(repair("web_search<arg_key>query</arg_key><arg_value>rust</arg_value>", "{}"), [{ name: "web_search", arguments: { query: "rust" } }], "tool-name-debris");
  });

  it("lists the available tools for an unknown or missing name", () => {
    expectUnrecoverable(repair("browse", '{"url":"x"}'), /There is no tool named "browse".*Available tools: web_search, create_issue/);
    expectUnrecoverable(repair(null, '{"url":"x"}'), /had no tool name/);
    expectUnrecoverable(repair('": 0.5, "', "{}"), /There is no tool named/);
  });
});

describe("repairToolCall: contract", () => {
  it("fills a missing label-only field with a visible placeholder, and can be told not to", () => {
    const tools: ToolSpec[] = [{ name: "shell", parameters: { type: "object", properties: { command: { type: "string" }, description: { type: "string" } }, required: ["command", "description"] } }];
    expectRepaired(repairToolCall({ name: "shell", arguments: '{"command":"ls"}' }, tools), [{ name: "shell", arguments: { command: "ls", description: "<description>" } }], "fill-cosmetic-field");
    expectUnrecoverable(repairToolCall({ name: "shell", arguments: '{"command":"ls"}' }, tools, { cosmeticFields: [] }), /`description` is required/);
  });

  it("does not mutate its inputs", () => {
    const args = { query: "x", max_results: "3" };
    const snapshot = JSON.stringify(TOOLS);
    repair("web_search", args);
    expect(args).toEqual({ query: "x", max_results: "3" });
    expect(JSON.stringify(TOOLS)).toBe(snapshot);
  });

  it("gives the same answer twice", () => {
    expect(repair("web_search", '{"query": "x", "max_results": "4"')).toEqual(repair("web_search", '{"query": "x", "max_results": "4"'));
  });

  it("names bad tools input clearly", () => {
    expect(() => repairToolCall({ name: "x", arguments: "{}" }, "nope" as unknown as ToolSpec[])).toThrow(/`tools` must be an array/);
    expect(() => repairToolCall({ name: "x", arguments: "{}" }, [{ name: "", parameters: {} }])).toThrow(/tools\[0\] must have a non-empty string `name`/);
    expect(() => repairToolCall({ name: "x", arguments: "{}" }, [{ name: "a", parameters: {} }, { name: "a", parameters: {} }])).toThrow(/offered twice/);
    expect(() => repairToolCall({ name: "bad", arguments: "{}" }, [{ name: "bad", parameters: { type: "strnig" } }])).toThrow(InvalidToolSchemaError);
    expect(() => repairToolCall({ name: "bad", arguments: "{}" }, [{ name: "bad", parameters: { type: "strnig" } }])).toThrow(/tool "bad"/);
  });

  it("compiles a tool's schema only when a call needs it: a broken tool fails its own calls, not the others'", () => {
    const tools: ToolSpec[] = [
      { name: "bad", parameters: { type: "strnig" } },
      { name: "read", parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] } },
    ];
    expect(repairToolCall({ name: "read", arguments: '{"path": "a.ts"}' }, tools)).toEqual({ status: "valid", calls: [{ name: "read", arguments: { path: "a.ts" } }], repairs: [] });
    expect(repairToolCall({ name: "Read", arguments: '{"path": 7}' }, tools)).toMatchObject({ status: "repaired", calls: [{ name: "read", arguments: { path: "7" } }] });
    expect(() => repairToolCall({ name: "bad", arguments: "{}" }, tools)).toThrow(/tool "bad"/);
  });
});
