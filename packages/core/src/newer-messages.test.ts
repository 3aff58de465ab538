import { describe, expect, it } from "vitest";
import type { ChatMessage } from "./chat.js";
import { newerMessages } from "./newer-messages.js";

const user = (content: string): ChatMessage => ({ role: "user", content });

describe("newerMessages", () => {
  const first = user("one");
  const second = user("two");
  const third = user("three");

  it("returns what was appended after the snapshot", () => {
    expect(newerMessages([first, second, third], [first])).toEqual([second, third]);
  });

  it("returns nothing new without a basis or when nothing was appended", () => {
    expect(newerMessages([first], undefined)).toEqual([]);
    expect(newerMessages([first, second], [first, second])).toEqual([]);
  });

  it("says when the conversation no longer continues the snapshot", () => {
    // Equal content is not enough: a replaced conversation holds other message objects.
    expect(newerMessages([user("one"), second], [first])).toBeUndefined();
    expect(newerMessages([first], [first, second])).toBeUndefined();
  });
});
