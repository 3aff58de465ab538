import { mkdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type GatewaySim, startGatewaySim } from "@bridle/gateway-sim";
import { everythingServer, processesWith } from "@bridle/plugin-mcp/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { START_MODEL } from "./interactive-runtime.js";
import { EXITED, startBridleInPane, statusLine, TmuxPane, tmuxAvailable } from "./interactive-tmux.js";
import { binPath, makeProjectDirectory } from "./run-cli.js";

const tmux = tmuxAvailable();
const marker = `--bridle-screen-test=${process.pid}`;

let sim: GatewaySim;
let project: string;
let pane: TmuxPane;

beforeEach(async () => {
  sim = await startGatewaySim({
    profiles: ["fireworks"],
    scenario: {
      steps: [
        { when: { lastRole: "user" }, toolCalls: [{ name: "everything__echo", arguments: '{"message":"from the screen"}' }] },
        { when: { lastRole: "tool" }, content: "The server echoed it." },
      ],
    },
  });
  project = realpathSync(makeProjectDirectory());
  writeFileSync(path.join(project, "bridle.config.json"), JSON.stringify({ model: START_MODEL, gateway: "fireworks" }));
  mkdirSync(path.join(project, ".xdg", "bridle"), { recursive: true });
  // The user's own config points the gateway at the simulator and adds the server.
  writeFileSync(
    path.join(project, ".xdg", "bridle", "config.json"),
    JSON.stringify({ gateways: { fireworks: { baseURL: sim.baseURL("fireworks") } }, mcp: { everything: { command: process.execPath, args: [everythingServer(), "stdio", marker] } } }),
  );
  pane = new TmuxPane(`bridle-mcp-test-${process.pid}-${Date.now()}`);
});

afterEach(async () => {
  pane.kill();
  await sim.close();
  rmSync(project, { recursive: true, force: true });
});

const serverPids = () => processesWith(marker);

const until = (what: string, predicate: (screen: string) => boolean) => pane.waitFor(what, predicate, { giveUpWhen: (screen) => screen.includes(EXITED) });
const idle = (screen: string) => statusLine(screen).endsWith("/help");
const send = (text: string) => {
  pane.type(text);
  pane.press("Enter");
};

describe.skipIf(!tmux.ok)("MCP in the interactive screen", () => {
  it("asks for an MCP tool naming its server, runs it, shows it in /mcp, and ends the server on /exit", async () => {
    startBridleInPane(pane, binPath, project, {
      PATH: process.env.PATH ?? "",
      HOME: project,
      XDG_CONFIG_HOME: path.join(project, ".xdg"),
      XDG_DATA_HOME: path.join(project, ".data"),
      FIREWORKS_API_KEY: sim.apiKey("fireworks"),
    });
    await until("the prompt", (text) => text.includes("› ") && statusLine(text).includes("@ fireworks"));

    send("echo something through the MCP server");
    const question = await until("the permission prompt", (text) => text.includes("[y]es"));
    expect(question).toMatch(/everything__echo.*· MCP server everything/);
    pane.press("y");
    await until("the end of the turn", (text) => text.includes("The server echoed it.") && idle(text));
    const sent = (sim.requests.completions().at(-1)!.body as { messages: Array<{ role: string; content: unknown }> }).messages.at(-1);
    expect(sent).toMatchObject({ role: "tool", content: "Echo: from the screen" });

    send("/mcp");
    const report = await until("the /mcp report", (text) => text.includes("mcp · 1 of 1 server ready"));
    expect(report).toMatch(/everything\s+stdio\s+ready\s+\d+ tools/);
    expect(report).toMatch(/everything__echo\s+1 calls, 0 failed, 0 repaired/);

    send("/exit");
    const screen = await pane.waitFor("bridle to exit", (text) => text.includes(EXITED));
    expect(screen).toContain(`${EXITED}0]`);
    const deadline = Date.now() + 5000;
    while (serverPids().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(serverPids()).toEqual([]);
  });
});
