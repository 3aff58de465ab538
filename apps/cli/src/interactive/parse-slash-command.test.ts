import { describe, expect, it } from "vitest";
import { parseSlashCommand } from "./parse-slash-command.js";

describe("parseSlashCommand", () => {
  it("reads the name and arguments", () => {
    expect(parseSlashCommand("/model kimi-k2 fireworks")).toEqual({ known: true, name: "model", args: ["kimi-k2", "fireworks"], rest: "kimi-k2 fireworks" });
    expect(parseSlashCommand("  /compact keep the API design  ")).toMatchObject({ name: "compact", rest: "keep the API design" });
  });

  it("accepts aliases, any case and unique prefixes", () => {
    expect(parseSlashCommand("/quit")).toMatchObject({ known: true, name: "exit" });
    expect(parseSlashCommand("/CONTEXT")).toMatchObject({ known: true, name: "context" });
    expect(parseSlashCommand("/gat")).toMatchObject({ known: true, name: "gateways" });
  });

  it("suggests close names for unknown or ambiguous ones", () => {
    expect(parseSlashCommand("/contxt")).toEqual({ known: false, name: "contxt", suggestions: ["context"] });
    expect(parseSlashCommand("/co")).toMatchObject({ known: false, suggestions: ["context", "compact", "cost"] });
  });

  it("leaves text that is not a command to the model", () => {
    expect(parseSlashCommand("what does /etc/hosts do")).toBeUndefined();
    expect(parseSlashCommand("//comment")).toBeUndefined();
    expect(parseSlashCommand("/ spaced")).toBeUndefined();
  });
});
