import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { drawStartingScreen, typedText } from "./starting-screen.js";

/** A terminal pair in memory: keys go into `stdin`, everything drawn is collected from `stdout`. */
function terminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, raw: false, setRawMode(mode: boolean) {
    stdin.raw = mode;
    return stdin;
  } });
  let drawn = "";
  const stdout = Object.assign(new PassThrough(), { columns: 40 });
  stdout.on("data", (chunk: Buffer) => (drawn += chunk.toString("utf8")));
  const plain = () => drawn.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
  return { stdin: stdin as unknown as NodeJS.ReadStream & { raw: boolean }, stdout: stdout as unknown as NodeJS.WriteStream, plain };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("drawStartingScreen", () => {
  it("shows keys on the prompt as they are typed and hands what they typed to the screen that takes over", async () => {
    const { stdin, stdout, plain } = terminal();
    const starting = drawStartingScreen(stdout, stdin);
    expect(stdin.raw).toBe(true);
    expect(plain()).toContain("› ");
    expect(plain()).toContain("ctx … · starting");
    stdin.write("fix the tesst");
    stdin.write("\u007f\u007fts\u001b[D");
    await tick();
    expect(plain()).toContain("› fix the tests ");
    starting.clear();
    // The terminal stays raw for the screen, which reads the same keys, in order, once.
    expect(stdin.raw).toBe(true);
    const handed: Buffer[] = [];
    stdin.on("data", (chunk: Buffer) => handed.push(chunk));
    stdin.resume();
    await tick();
    expect(Buffer.concat(handed).toString("utf8")).toBe("fix the tests");
  });

  it("hands a line sent with Enter over with its Enter, and shows the next line", async () => {
    const { stdin, stdout, plain } = terminal();
    const starting = drawStartingScreen(stdout, stdin);
    stdin.write("first\r");
    stdin.write("sec");
    await tick();
    expect(plain()).toContain("› sec ");
    starting.clear();
    const handed: Buffer[] = [];
    stdin.on("data", (chunk: Buffer) => handed.push(chunk));
    stdin.resume();
    await tick();
    expect(Buffer.concat(handed).toString("utf8")).toBe("first\rsec");
  });

  it("gives the terminal back and interrupts the start on ctrl-c, handing nothing over", async () => {
    const { stdin, stdout } = terminal();
    let interrupted = 0;
    drawStartingScreen(stdout, stdin, () => interrupted++);
    stdin.write("half a question");
    stdin.write("\u0003");
    await tick();
    expect(interrupted).toBe(1);
    expect(stdin.raw).toBe(false);
    const handed: Buffer[] = [];
    stdin.on("data", (chunk: Buffer) => handed.push(chunk));
    stdin.resume();
    await tick();
    expect(handed).toEqual([]);
  });

  it("keeps a long line on one row and gives the terminal back when closed", async () => {
    const { stdin, stdout, plain } = terminal();
    const starting = drawStartingScreen(stdout, stdin);
    stdin.write("x".repeat(100));
    await tick();
    expect(plain()).toContain(`› ${"x".repeat(36)} `);
    expect(plain()).not.toContain("x".repeat(37));
    starting.close();
    expect(stdin.raw).toBe(false);
  });
});

describe("typedText", () => {
  it("keeps printable text and Enter, takes a character off for backspace, and leaves nothing for other keys", () => {
    expect(typedText("héllo wörld")).toBe("héllo wörld");
    expect(typedText("ab\u007fc\bd")).toBe("ad");
    expect(typedText("emoji 🙂\u007f")).toBe("emoji ");
    expect(typedText("a\u001b[Ab\u001b[1;5Cc\u001bOPd\t")).toBe("abcd");
    // Backspace stops at the start of its line: a sent line is not taken back.
    expect(typedText("one\r\u007f\u007ftwo\r")).toBe("one\rtwo\r");
  });
});
