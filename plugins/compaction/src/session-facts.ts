import type { ChatMessage } from "@bridle/core";
import { contentText, countImages } from "./message-content.js";

/**
 * Facts the harness carries across a compaction by itself, whatever the summary says: what the
 * user asked, which files were touched, the latest todo list, and images that were dropped.
 */
export interface SessionFacts {
  /** User messages, oldest first, each clipped; the first one (the task) is always kept. */
  userMessages: string[];
  /** Paths seen in tool-call arguments, first seen first. */
  filesTouched: string[];
  /** Arguments of the latest todo-list call. */
  todo?: string;
  /** Images that were in the summarized part. */
  images: number;
}

/** Characters kept of each user message. */
const USER_MESSAGE_CHARS = 400;
/** User messages listed at most: the first, then the latest ones. */
const USER_MESSAGES_KEPT = 16;
const FILES_KEPT = 200;
const TODO_CHARS = 3000;
const PATH_KEYS = new Set(["path", "file", "filePath", "file_path", "filename", "paths", "files", "notebook_path"]);

const USER_HEADER = "User messages so far (oldest first, clipped):";
const FILES_HEADER = "Files touched:";
const TODO_HEADER = "Latest todo list:";

/**
 * Collects the facts of `messages` (the part about to be summarized), continuing `previous`
 * (the facts of an earlier compaction, read back from its summary). `isSummary` tells the
 * earlier summary message apart from real user messages.
 */
export function collectSessionFacts(
  messages: readonly ChatMessage[],
  previous: SessionFacts | undefined,
  isSummary: (message: ChatMessage) => boolean,
): SessionFacts {
  const userMessages = [...(previous?.userMessages ?? [])];
  const files = new Set(previous?.filesTouched ?? []);
  let todo = previous?.todo;
  let images = previous?.images ?? 0;
  for (const message of messages) {
    if (message.role === "user") {
      if (isSummary(message)) continue;
      const text = contentText(message.content).replace(/\s+/g, " ").trim();
      if (text) userMessages.push(clip(text, USER_MESSAGE_CHARS));
      images += countImages(message.content);
    } else if (message.role === "tool") {
      images += countImages(message.content);
    } else if (message.role === "assistant") {
      for (const call of message.toolCalls ?? []) {
        const parsed = parseArguments(call.arguments);
        if (parsed === undefined) continue;
        for (const path of pathsIn(parsed)) if (files.size < FILES_KEPT) files.add(path);
        if (/todo/i.test(call.name)) todo = clip(call.arguments.replace(/\s*\n\s*/g, " ").trim(), TODO_CHARS);
      }
    }
  }
  const kept = userMessages.length <= USER_MESSAGES_KEPT ? userMessages : [userMessages[0]!, ...userMessages.slice(-(USER_MESSAGES_KEPT - 1))];
  return { userMessages: kept, filesTouched: [...files], ...(todo !== undefined ? { todo } : {}), images };
}

/** The facts as the text block the summary message ends with; {@link parseSessionFacts} reads it back. */
export function formatSessionFacts(facts: SessionFacts): string {
  const lines: string[] = [];
  if (facts.userMessages.length > 0) {
    lines.push(USER_HEADER, ...facts.userMessages.map((text, index) => `${index + 1}. ${text}`), "");
  }
  if (facts.filesTouched.length > 0) lines.push(FILES_HEADER, ...facts.filesTouched.map((file) => `- ${file}`), "");
  if (facts.todo !== undefined) lines.push(TODO_HEADER, facts.todo, "");
  if (facts.images > 0) {
    lines.push(`Images: ${facts.images} image${facts.images === 1 ? " was" : "s were"} attached earlier and ${facts.images === 1 ? "is" : "are"} not preserved after compaction.`, "");
  }
  return lines.join("\n").trimEnd();
}

/** Reads facts back from text written by {@link formatSessionFacts}; `undefined` when there are none. */
export function parseSessionFacts(text: string): SessionFacts | undefined {
  const lines = text.split("\n");
  const facts: SessionFacts = { userMessages: [], filesTouched: [], images: 0 };
  let section: "user" | "files" | "todo" | undefined;
  let found = false;
  const todo: string[] = [];
  for (const line of lines) {
    if (line === USER_HEADER || line === FILES_HEADER || line === TODO_HEADER) {
      section = line === USER_HEADER ? "user" : line === FILES_HEADER ? "files" : "todo";
      found = true;
      continue;
    }
    const images = /^Images: (\d+) image/.exec(line);
    if (images) {
      facts.images = Number(images[1]);
      found = true;
      section = undefined;
      continue;
    }
    if (line.trim() === "") {
      section = undefined;
      continue;
    }
    if (section === "user") {
      const item = /^\d+\. (.*)$/.exec(line);
      if (item) facts.userMessages.push(item[1]!);
    } else if (section === "files" && line.startsWith("- ")) {
      facts.filesTouched.push(line.slice(2));
    } else if (section === "todo") {
      todo.push(line);
    }
  }
  if (todo.length > 0) facts.todo = todo.join("\n");
  return found ? facts : undefined;
}

function clip(text: string, characters: number): string {
  return text.length > characters ? `${text.slice(0, characters)}…` : text;
}

function parseArguments(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** File paths under the usual argument names, one level deep (arrays of paths included). */
function pathsIn(value: unknown): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const paths: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (!PATH_KEYS.has(key)) continue;
    if (typeof inner === "string" && isPathLike(inner)) paths.push(inner.trim());
    else if (Array.isArray(inner)) for (const item of inner) if (typeof item === "string" && isPathLike(item)) paths.push(item.trim());
  }
  return paths;
}

function isPathLike(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= 300 && !trimmed.includes("\n");
}
