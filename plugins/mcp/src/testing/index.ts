import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** The entry script of an MCP server package from npm, run with `node` (no download). */
function serverScript(packageName: string): string {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`)), "dist", "index.js");
}

/** `@modelcontextprotocol/server-everything`: every protocol feature, over stdio, SSE or streamable HTTP. */
export const everythingServer = (): string => serverScript("@modelcontextprotocol/server-everything");

/** `@modelcontextprotocol/server-filesystem`: file tools confined to the folders it is given. */
export const filesystemServer = (): string => serverScript("@modelcontextprotocol/server-filesystem");

/**
 * Preloaded into HTTP servers: whatever port and host the server asks for, it listens on a free
 * port of 127.0.0.1 and says which one on stderr.
 */
const LOOPBACK_PRELOAD = `
import net from "node:net";
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const callback = typeof args.at(-1) === "function" ? args.at(-1) : undefined;
  this.once("listening", () => process.stderr.write("listening on 127.0.0.1:" + this.address().port + "\\n"));
  return listen.call(this, { port: 0, host: "127.0.0.1" }, callback);
};`;
const loopbackPreload = `data:text/javascript,${encodeURIComponent(LOOPBACK_PRELOAD)}`;

/** A server-everything process serving HTTP on 127.0.0.1. */
export interface HttpServerProcess {
  /** The endpoint: `/mcp` for streamable HTTP, `/sse` for SSE. */
  url: string;
  child: ChildProcess;
  close(): Promise<void>;
}

/** Starts server-everything over streamable HTTP or SSE on a free loopback port. */
export function startHttpServer(transport: "streamableHttp" | "sse"): Promise<HttpServerProcess> {
  const child = spawn(process.execPath, ["--import", loopbackPreload, everythingServer(), transport], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { PATH: process.env.PATH ?? "" },
  });
  return new Promise((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`server-everything ${transport} did not start: ${stderr}`)), 20_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const port = /listening on 127\.0\.0\.1:(\d+)/.exec(stderr)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${port}/${transport === "sse" ? "sse" : "mcp"}`,
        child,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGKILL");
          }),
      });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server-everything ${transport} exited with ${code}: ${stderr}`));
    });
  });
}

/** Pids of the running processes whose command line contains `text` (a marker argument). */
export function processesWith(text: string): number[] {
  return execFileSync("ps", ["-eo", "pid=,args="])
    .toString()
    .split("\n")
    .filter((line) => line.includes(text))
    .map((line) => Number.parseInt(line.trim(), 10));
}
