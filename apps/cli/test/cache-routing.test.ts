import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { disposeSimProject, readRecords, runCliToEnd, type SimProject, startSimProject } from "./sim-project.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

it("bridle -c sends the same opaque affinity value as the run it continues, on one node (read from the simulator's log)", async () => {
  project = await startSimProject({ profiles: ["openrouter"], config: { model: "qwen/qwen3-coder" } });
  expect((await runCliToEnd(["run", "--yes", "look at the repository"], project)).code).toBe(0);
  expect((await runCliToEnd(["run", "--yes", "-c", "and now the tests"], project)).code).toBe(0);
  const sent = project.sim.requests.completions("openrouter");
  expect(sent.length).toBeGreaterThanOrEqual(2);
  const values = new Set(sent.map((request) => request.affinityKey?.value));
  expect(values.size).toBe(1);
  const [value] = [...values] as string[];
  expect(sent[0]?.affinityKey?.source).toBe("body:session_id");
  expect(value).toMatch(/^brdl-[A-Za-z0-9_-]{32}$/);
  const [file] = project.sessionFiles();
  const sessionId = String(readRecords(file as string).find((record) => record.type === "session")?.id ?? readRecords(file as string)[0]?.id);
  expect(sessionId.length).toBeGreaterThan(4);
  expect(value).not.toContain(sessionId);
  expect(value).not.toContain(project.directory);
  expect(value).not.toContain(project.sim.apiKey("openrouter"));
  expect(new Set(sent.map((request) => request.node)).size).toBe(1);
}, 60_000);
