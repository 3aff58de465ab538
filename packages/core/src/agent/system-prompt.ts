import { readFileSync } from "node:fs";
import path from "node:path";

export interface SystemPromptOptions {
  workspace: string;
  /** Contents of AGENTS.md, when the workspace has one. */
  agentsMd?: string;
  platform?: string;
}

/**
 * The system prompt. It holds nothing that changes between requests (no date, no time, no
 * counters) so it stays byte-stable and the gateway's prefix cache keeps hitting.
 */
export function buildSystemPrompt(options: SystemPromptOptions): string {
  const sections = [
    `You are Bridle, a coding agent working in a software project on the user's machine. You read and change files and run commands with the tools you are given, then report briefly what you did.`,
    [
      "How to work:",
      "- Read the relevant files before changing them; edit with exact, unique snippets.",
      "- Make the smallest change that solves the task, in the project's existing style.",
      "- Run the project's tests or build after a change and fix what you broke.",
      "- Call tools with arguments that match their JSON schema exactly: omit optional fields you do not need rather than sending null.",
      "- When a tool result says a call was invalid, fix the arguments as the message says instead of repeating the call.",
      "- When the task is done, answer with a short summary of what changed and how it was checked.",
    ].join("\n"),
    `Workspace: ${options.workspace}\nPlatform: ${options.platform ?? `${process.platform}`}`,
  ];
  if (options.agentsMd?.trim()) {
    sections.push(`Project instructions from AGENTS.md:\n\n${options.agentsMd.trim()}`);
  }
  return `${sections.join("\n\n")}\n`;
}

/** Reads `AGENTS.md` from the workspace root, if there is one. */
export function readAgentsMd(workspace: string): string | undefined {
  try {
    return readFileSync(path.join(workspace, "AGENTS.md"), "utf8");
  } catch {
    return undefined;
  }
}
