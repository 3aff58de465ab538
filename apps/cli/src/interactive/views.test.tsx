import { renderToString } from "ink";
import { describe, expect, it } from "vitest";
import { contextGauge } from "./context-gauge.js";
import { createInputLine, editInputLine } from "./input-line.js";
import { InputLineView } from "./input-line-view.js";
import { LiveTurnView } from "./live-turn-view.js";
import { PermissionPromptView } from "./permission-prompt-view.js";
import { StatusLine } from "./status-line.js";
import { ToolEntryView } from "./tool-entry-view.js";
import { TranscriptEntryView } from "./transcript-entry-view.js";

// The views are checked as plain text; colors are Ink's business.
const plain = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, "");

describe("ToolEntryView", () => {
  it("draws the call, its result and a diff capped to a dozen lines", () => {
    const diff = ["--- a/src/a.ts", "+++ b/src/a.ts", "@@ -1,20 +1,20 @@", ...Array.from({ length: 20 }, (_, index) => `+line ${index}`)].join("\n");
    const lines = plain(renderToString(<ToolEntryView call="edit src/a.ts" ok={true} result="Edited src/a.ts (+20 −0)" diff={diff} repairs={[]} />, { columns: 80 })).split("\n");
    expect(lines[0]).toBe("• edit src/a.ts");
    expect(lines[1]).toBe("  ✓ Edited src/a.ts (+20 −0)");
    expect(lines[2]).toBe("    @@ -1,20 +1,20 @@");
    expect(lines).toHaveLength(2 + 12 + 1);
    expect(lines.at(-1)).toBe("    … 9 more diff lines");
  });

  it("marks a failure and a running call", () => {
    expect(plain(renderToString(<ToolEntryView call="bash npm test" ok={false} result="exit code 1" diff={undefined} repairs={["json-repair"]} />))).toBe(
      "• bash npm test  (repaired: json-repair)\n  ✗ exit code 1",
    );
    expect(plain(renderToString(<ToolEntryView call="bash sleep 9" ok={undefined} result={undefined} diff={undefined} repairs={[]} />))).toBe("• bash sleep 9 …");
  });
});

describe("StatusLine", () => {
  it("shows the gauge, the model's short name @ gateway, the mode and what runs, with its time and tokens", () => {
    const idleText = plain(renderToString(<StatusLine gauge={contextGauge(12_345, 262_144)} model="accounts/fireworks/models/kimi-k2" gateway="fireworks" permissionMode="ask" activity={undefined} />, { columns: 120 }));
    expect(idleText).toBe("ctx 12.3k/262k 5% ▰▱▱▱▱▱▱▱▱▱ · kimi-k2 @ fireworks · ask · /help");
    const busy = (columns: number) =>
      plain(
        renderToString(
          <StatusLine gauge={contextGauge(12_345, 262_144)} model="accounts/fireworks/models/qwen3-coder-480b-a35b-instruct" gateway="fireworks" permissionMode="allow-edits" activity="working" since={Date.now() - 12_400} streamedTokens={1_234} />,
          { columns },
        ),
      );
    expect(busy(160)).toMatch(/^ctx 12\.3k\/262k 5% ▰▱▱▱▱▱▱▱▱▱ · [⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] working 12s · ↓ 1\.23k tokens · qwen3-coder-480b-a35b-instruct @ fireworks · allow-edits · ctrl-c cancels$/);
    // At 80 columns the model name is cut, never the word saying that something runs.
    expect(busy(80)).toContain("working 12s · ↓ 1.23k tokens");
  });
});

describe("PermissionPromptView", () => {
  it("names the call, what always allows, and the three answers", () => {
    const view = { call: "bash rm -rf build", kind: "execute", reason: "commands need approval", detail: undefined, preview: undefined, always: "commands starting with rm" };
    const text = plain(renderToString(<PermissionPromptView view={view} feedback={undefined} />, { columns: 120 }));
    expect(text).toContain("allow bash rm -rf build  (commands need approval)");
    expect(text).toContain("[y]es   [a]lways: commands starting with rm, this session   [n]o, and say what instead");
  });

  it("wraps a long call and the answers on a narrow terminal instead of cutting them", () => {
    const call = "write src/components/very/long/path/to/a/component/file-name-that-is-long.tsx";
    const view = { call, kind: "edit", reason: "edits need approval", detail: undefined, preview: ["+x"], always: "edits and writes in the workspace" };
    const text = plain(renderToString(<PermissionPromptView view={view} feedback={undefined} />, { columns: 60 }));
    const joined = text.replace(/\s*│\s*/g, " ").replace(/\s+/g, " ");
    expect(joined).toContain("[n]o, and say what instead");
    expect(joined).toContain("(edits need approval)");
    expect(text).not.toContain("…");
  });

  it("shows what a write puts in the file, and after n asks what to do instead", () => {
    const view = { call: "write notes.md", kind: "edit", reason: "edits need approval", detail: undefined, preview: ["+# Notes", "+first line"], always: "edits and writes in the workspace" };
    const text = plain(renderToString(<PermissionPromptView view={view} feedback={editInputLine(createInputLine(), "use docs/", {})} />, { columns: 120 }));
    expect(text).toMatch(/^\W*\+# Notes/m);
    expect(text).toContain("tell the agent what to do instead");
    expect(text).toContain("› use docs/");
    expect(text).not.toContain("[y]es");
  });
});

describe("InputLineView", () => {
  it("draws the text with the cursor, or the placeholder", () => {
    const line = editInputLine(createInputLine(), "hello", {});
    expect(plain(renderToString(<InputLineView line={line} dim={false} placeholder="ask" />))).toBe("› hello");
    expect(plain(renderToString(<InputLineView line={createInputLine()} dim={false} placeholder=" ask anything" />))).toBe("›   ask anything");
  });
});

describe("LiveTurnView", () => {
  it("shows the tail of the reasoning, the answer so far and running calls", () => {
    const live = { text: "Looking", lineBreaks: 0, committed: "", reasoning: "a\nb\nc\nd\ne", reasoningPrinted: false, tools: [{ id: "1", call: "read src/a.ts", repairs: [] }], cancelling: false };
    const text = plain(renderToString(<LiveTurnView live={live} reasoningExpanded={false} />, { columns: 80 }));
    expect(text.split("\n")).toEqual(["∴ thinking (2 earlier lines hidden; ctrl-t shows more)", "  c", "  d", "  e", "Looking", "• read src/a.ts …"]);
  });
});

describe("TranscriptEntryView", () => {
  it("draws a cancelled turn and an error with its details", () => {
    expect(plain(renderToString(<TranscriptEntryView entry={{ id: 1, kind: "turn-end", reason: "aborted", message: undefined }} />))).toBe("■ cancelled · the conversation so far is kept");
    expect(plain(renderToString(<TranscriptEntryView entry={{ id: 2, kind: "error", message: "rate limited", details: "groq · HTTP 429" }} />))).toBe("✗ rate limited\n  groq · HTTP 429");
  });

  it("draws a report as an aligned table", () => {
    const text = plain(renderToString(<TranscriptEntryView entry={{ id: 3, kind: "report", report: { title: "cost", columns: ["model", "tokens"], alignRight: [1], rows: [{ cells: ["a", "1"] }] } }} />));
    expect(text.split("\n").filter(Boolean)).toEqual(["  cost", "    model  tokens", "    a           1"]);
  });
});
