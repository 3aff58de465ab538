import type { ChatMessage, UserMessage } from "@bridle/core";
import { parseSessionFacts, type SessionFacts, formatSessionFacts } from "./session-facts.js";

/** How a summary message starts; it marks the message as the compaction's own. */
export const SUMMARY_MARKER = "[Compacted context]";

const BRIEF_OPEN = "<brief>";
const BRIEF_CLOSE = "</brief>";
const NOTES_OPEN = "<harness-notes>";
const NOTES_CLOSE = "</harness-notes>";

/**
 * The user message that stands in for the summarized turns: the model's brief, then the facts the
 * harness kept by itself (user messages, files touched, todo list, dropped images). It says that
 * the recent turns follow verbatim and that the full history is still in the session log.
 */
export function summaryMessage(brief: string, facts: SessionFacts): UserMessage {
  const notes = formatSessionFacts(facts);
  const content =
    `${SUMMARY_MARKER} The earlier part of this session was compacted to fit the context window. The brief below replaces ` +
    `it; the most recent turns follow verbatim, and the full history stays in the session log.\n\n` +
    `${BRIEF_OPEN}\n${brief.trim()}\n${BRIEF_CLOSE}` +
    (notes ? `\n\n${NOTES_OPEN}\n${notes}\n${NOTES_CLOSE}` : "");
  return { role: "user", content };
}

/** True for a message written by {@link summaryMessage}. */
export function isSummaryMessage(message: ChatMessage): boolean {
  return message.role === "user" && typeof message.content === "string" && message.content.startsWith(SUMMARY_MARKER);
}

/** The brief and the facts of an earlier summary message, for the next compaction to build on. */
export function readSummaryMessage(message: ChatMessage): { brief: string; facts: SessionFacts | undefined } | undefined {
  if (!isSummaryMessage(message) || typeof message.content !== "string") return undefined;
  const text = message.content;
  const briefStart = text.indexOf(BRIEF_OPEN);
  const briefEnd = text.lastIndexOf(BRIEF_CLOSE);
  const brief = briefStart >= 0 && briefEnd > briefStart ? text.slice(briefStart + BRIEF_OPEN.length, briefEnd).trim() : text;
  const notesStart = text.lastIndexOf(NOTES_OPEN);
  const notesEnd = text.lastIndexOf(NOTES_CLOSE);
  const facts = notesStart >= 0 && notesEnd > notesStart ? parseSessionFacts(text.slice(notesStart + NOTES_OPEN.length, notesEnd).trim()) : undefined;
  return { brief, facts };
}
