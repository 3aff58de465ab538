import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type CompactionRecordInput, createKernel, readSessionFile, SessionLog } from "@bridle/core";
import { type GatewaySim, startGatewaySim } from "@bridle/gateway-sim";
import { canonicalize } from "@bridle/plugin-model-id";
import { defaultPreset } from "@bridle/preset-default";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntime } from "../src/runtime/create-runtime.js";
import { fillerText, readingHistory } from "./compaction-history.js";
import { writeUserConfig } from "./run-cli.js";

/** A model the registry snapshot gives a 1M window, reached through three gateways with three slug styles. */
const MODEL = "deepseek-v4-flash";
const GATEWAYS = ["openrouter", "fireworks", "deepinfra"] as const;
const WINDOW = 1_000_000;

/**
 * The compaction plugin, loaded the way a user loads a plugin by path until the default preset
 * ships it; once it does, the preset's copy is used and this is not needed.
 */
const COMPACTION_PLUGIN = fileURLToPath(new URL("../../../plugins/compaction/src/index.ts", import.meta.url));
const presetHasCompaction = defaultPreset.plugins.some((plugin) => plugin.name === "compaction");

let sim: GatewaySim;
// Each gateway's slug as its definition in the default preset spells it.
const presetKernel = createKernel({ plugins: defaultPreset.plugins.map((plugin) => ({ plugin })) });
const slugs = Object.fromEntries(GATEWAYS.map((gateway) => [gateway, presetKernel.models.slugFor(presetKernel.resolveModel(MODEL).id, gateway)])) as Record<(typeof GATEWAYS)[number], string>;

beforeAll(async () => {
  sim = await startGatewaySim({
    profiles: GATEWAYS.map((gateway) => ({ profile: gateway, models: [{ slug: slugs[gateway], contextWindow: WINDOW, maxOutputTokens: 32_768, family: "deepseek" as const }] })),
    scenario: {
      steps: [
        { when: { hasTools: false }, repeat: true, content: "## Task\nSurvey the modules.\n## Next steps\nRead big.txt again." },
        { when: { hasTools: true, lastRole: "user" }, repeat: true, toolCalls: [{ name: "read", arguments: '{"path":"big.txt"}' }] },
        { when: { hasTools: true, lastRole: "tool" }, repeat: true, content: "Read it." },
      ],
    },
  });
});
afterAll(() => sim.close());

/** Resumes the same big session on one gateway and reads a ~10k-token file every turn until the context engine compacts. */
async function runUntilCompaction(gateway: (typeof GATEWAYS)[number]) {
  const root = mkdtempSync(path.join(tmpdir(), `bridle-compaction-e2e-${gateway}-`));
  const project = path.join(root, "project");
  const sessions = path.join(root, "sessions");
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, "big.txt"), `${fillerText(9000, 99)}\n`);
  writeFileSync(
    path.join(project, "bridle.config.json"),
    JSON.stringify(presetHasCompaction ? {} : { plugins: { [COMPACTION_PLUGIN]: true } }),
  );
  writeUserConfig(path.join(root, "config"), { gateways: { [gateway]: { baseURL: sim.baseURL(gateway) } } });
  const log = SessionLog.create({ directory: sessions, workspace: realpathSync(project), model: MODEL, gateway });
  readingHistory(124, 3500).forEach((message, index) => log.append({ type: "message", turn: Math.floor(index / 4) + 1, message }));
  log.close();

  const environment = {
    PATH: process.env.PATH ?? "",
    HOME: root,
    XDG_CONFIG_HOME: path.join(root, "config"),
    XDG_DATA_HOME: path.join(root, "data"),
    [`${gateway.toUpperCase()}_API_KEY`]: sim.apiKey(gateway),
  };
  // The model is given in this gateway's own slug style, as a user would type it.
  const runtime = await createRuntime({ global: { model: slugs[gateway], gateway }, cwd: project, environment, resume: log.id, sessionsDirectory: sessions, permissionMode: "allow-all" });
  try {
    expect(runtime.kernel.plugins.some((plugin) => plugin.name === "compaction" && plugin.enabled)).toBe(true);
    expect(runtime.agent.model.id).toBe(MODEL);
    expect(runtime.kernel.models.limits(runtime.agent.model.id, gateway).contextWindow).toBe(WINDOW);
    for (let turn = 1; turn <= 8; turn++) {
      const result = await runtime.agent.runTurn("Read big.txt again and tell me what changed.", { signal: new AbortController().signal, onEvent: () => {} });
      expect(result.reason).toBe("stop");
      const compactions = readSessionFile(runtime.session.file).records.filter((record): record is CompactionRecordInput & typeof record => record.type === "compaction");
      if (compactions.length > 0) return { turn, compaction: compactions[0]!, slug: sim.requests.last(gateway)?.model };
    }
    throw new Error(`no compaction on ${gateway} within 8 turns`);
  } finally {
    runtime.close();
    rmSync(root, { recursive: true, force: true });
  }
}

describe("a 1M-window model through three gateways with three slug styles", () => {
  it("resolves every gateway's slug to the same canonical model and back", () => {
    expect(new Set(Object.values(slugs)).size).toBe(GATEWAYS.length);
    for (const gateway of GATEWAYS) expect(canonicalize(slugs[gateway], { gateway }).id).toBe(MODEL);
  });

  it("compacts at the same token count on all three", { timeout: 120_000 }, async () => {
    const outcomes = [];
    for (const gateway of GATEWAYS) outcomes.push({ gateway, ...(await runUntilCompaction(gateway)) });
    for (const outcome of outcomes) {
      // The slug went out only at the transport boundary, in the gateway's own style.
      expect(outcome.slug).toBe(slugs[outcome.gateway]);
      // Past tier 1 of the 1M window, not of a default 128k or 200k one.
      expect(outcome.compaction.tokensBefore).toBeGreaterThanOrEqual(0.5 * WINDOW);
      expect(outcome.compaction.tokensBefore).toBeLessThan(0.6 * WINDOW);
      expect(outcome.compaction.tokensAfter).toBeLessThanOrEqual(0.4 * WINDOW);
    }
    const [first, ...rest] = outcomes;
    for (const outcome of rest) {
      expect(outcome.turn).toBe(first!.turn);
      expect(outcome.compaction.reason).toBe(first!.compaction.reason);
      expect(Math.abs(outcome.compaction.tokensBefore - first!.compaction.tokensBefore)).toBeLessThanOrEqual(0.005 * first!.compaction.tokensBefore);
      expect(outcome.compaction.messages).toHaveLength(first!.compaction.messages.length);
    }
  });
});
