import { realpathSync } from "node:fs";
import { type ChatMessage, SessionLog, sessionsDirectory } from "@bridle/core";
import type { ScenarioStepInput } from "@bridle/gateway-sim";
import { SUMMARY_PROMPT_OPENING } from "../../../plugins/compaction/src/build-summary-request.js";
import { syntheticConversation } from "../../../plugins/compaction/test/synthetic-conversation.js";
import { type SimProject, startSimProject } from "./sim-project.js";

/** Two models on one gateway: switching from the big one to the small one must compact first. */
export const SWITCH_MODELS = {
  big: { slug: "big-256k", contextWindow: 256_000, maxOutputTokens: 16_000 },
  mid: { slug: "mid-64k", contextWindow: 64_000, maxOutputTokens: 8_000 },
  small: { slug: "small-32k", contextWindow: 32_768, maxOutputTokens: 4_096 },
  tiny: { slug: "tiny-10k", contextWindow: 10_000, maxOutputTokens: 1_024 },
} as const;
export const SWITCH_GATEWAY = "openrouter";

/** The brief the simulated summarizer writes. */
export const SWITCH_BRIEF = "## Task\nKeep porting the parser.\n## Next steps\nRun the tests.";

export { isSummaryRequest } from "../../../plugins/compaction/test/sim-session.js";

/** A project on the big model with a session to continue holding `turns` turns of ~2.9k tokens, mostly answers (a prune cannot shrink them: a switch summarizes). */
export interface SwitchProject extends SimProject {
  /** The seeded session's id and file. */
  sessionId: string;
  sessionFile: string;
  history: ChatMessage[];
}

/**
 * Starts the simulator with {@link SWITCH_MODELS}, a project configured for them, and a session of
 * `turns` turns to continue. Summaries stream slowly (`summaryChunkDelayMs` between 8-character
 * pieces), so a test can act while one is written; every other request gets `answer`.
 */
export async function startSwitchProject(options: { turns?: number; summaryChunkDelayMs?: number; answer?: ScenarioStepInput[] } = {}): Promise<SwitchProject> {
  const models = Object.values(SWITCH_MODELS);
  const project = await startSimProject({
    profiles: [{ profile: SWITCH_GATEWAY, replaceModels: true, models: models.map((model) => ({ ...model, family: "other" as const })) }],
    scenario: {
      steps: [
        { when: { hasTools: false }, repeat: true, content: SWITCH_BRIEF, stream: { chunkDelayMs: options.summaryChunkDelayMs ?? 0, chunkChars: 8 } },
        { when: { lastUserContains: SUMMARY_PROMPT_OPENING }, repeat: true, content: SWITCH_BRIEF, stream: { chunkDelayMs: options.summaryChunkDelayMs ?? 0, chunkChars: 8 } },
        ...(options.answer ?? [{ when: { hasTools: true }, repeat: true, content: "Done." }]),
      ],
    },
    config: {
      model: SWITCH_MODELS.big.slug,
      gateway: SWITCH_GATEWAY,
      plugins: { "model-id": { models: Object.fromEntries(models.map((model) => [model.slug, { contextWindow: model.contextWindow, maxOutputTokens: model.maxOutputTokens }])) } },
    },
  });
  const history = syntheticConversation(options.turns ?? 30, { tool: 200, answer: 2500, user: 100 });
  const log = SessionLog.create({ directory: sessionsDirectory(project.environment, realpathSync(project.directory)), workspace: realpathSync(project.directory), model: SWITCH_MODELS.big.slug, gateway: SWITCH_GATEWAY });
  history.forEach((message, index) => log.append({ type: "message", turn: Math.floor(index / 4) + 1, message }));
  log.close();
  return { ...project, sessionId: log.id, sessionFile: log.file, history };
}
