import type { ScenarioInput } from "@bridle/gateway-sim";
import { DEMO_FIX } from "./demo-project.js";

/** The task the demo gives the agent. */
export const DEMO_TASK = "The tests in this project fail. Find out why and fix src/slugify.js.";

/**
 * What the scripted open model answers, step by step. It misbehaves the way open models do on
 * real gateways, so the harness has something to absorb: empty arguments, `null` for optional
 * fields, a tool call leaked into the text in Qwen3-Coder's XML grammar.
 */
export const demoScenario: ScenarioInput = {
  steps: [
    {
      id: "look-around",
      when: { lastRole: "user", lastUserContains: "slugify" },
      content: "I'll start by looking at the project layout.",
      toolCalls: [{ name: "ls", arguments: "" }],
    },
    {
      id: "read-code-and-test",
      when: { lastRole: "tool" },
      content: "Let me read the function and its test.",
      toolCalls: [
        { name: "read", arguments: '{"path": "src/slugify.js", "offset": null, "limit": null}' },
        { name: "read", arguments: '{"path": "test/slugify.test.js"}' },
      ],
    },
    {
      id: "run-tests",
      when: { lastRole: "tool" },
      content: "The function only replaces single spaces. Let me confirm with the tests.",
      toolCalls: [{ name: "bash", arguments: '{"command": "node --test", "timeout": "60000"}' }],
    },
    {
      id: "edit-leaked",
      when: { lastRole: "tool" },
      content: `The second test fails: punctuation is kept and runs of spaces become several dashes. I'll fix it.\n<tool_call>\n<function=edit>\n<parameter=path>\nsrc/slugify.js\n</parameter>\n<parameter=old_string>\n${DEMO_FIX.oldString}\n</parameter>\n<parameter=new_string>\n${DEMO_FIX.newString}\n</parameter>\n</function>\n</tool_call>`,
    },
    {
      id: "rerun-tests",
      when: { lastRole: "tool" },
      toolCalls: [{ name: "bash", arguments: '{"command": "node --test"}' }],
    },
    {
      id: "summary",
      when: { lastRole: "tool" },
      content:
        "Fixed `slugify` in src/slugify.js: it now drops punctuation, trims, and joins runs of whitespace with a single dash. Both tests pass (`node --test`).",
    },
  ],
};
