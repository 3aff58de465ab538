import { expect, test } from "vitest";
import { EndpointLoad } from "./endpoint-load.js";

test("counts every other session on its endpoint, not the one asking", () => {
  const load = new EndpointLoad({ releaseAfterMs: 60_000 });
  load.seen("fleet", "a", "gpu-1", 0);
  load.seen("fleet", "b", "gpu-1", 0);
  load.seen("fleet", "c", "gpu-2", 0);
  load.seen("other", "d", "gpu-1", 0);
  expect(load.others("fleet", "a", 1_000)).toEqual({ "gpu-1": 1, "gpu-2": 1 });
  expect(load.others("fleet", "z", 1_000)).toEqual({ "gpu-1": 2, "gpu-2": 1 });
});

test("a session that moved counts only on its new home", () => {
  const load = new EndpointLoad({ releaseAfterMs: 60_000 });
  load.seen("fleet", "a", "gpu-1", 0);
  load.seen("fleet", "a", "gpu-3", 10);
  expect(load.others("fleet", "z", 20)).toEqual({ "gpu-3": 1 });
});

test("a session idle for the release time stops counting; one that keeps sending stays", () => {
  const load = new EndpointLoad({ releaseAfterMs: 60_000 });
  load.seen("fleet", "ended", "gpu-1", 0);
  load.seen("fleet", "busy", "gpu-1", 0);
  load.seen("fleet", "busy", "gpu-1", 50_000);
  expect(load.others("fleet", "z", 59_999)).toEqual({ "gpu-1": 2 });
  expect(load.others("fleet", "z", 60_000)).toEqual({ "gpu-1": 1 });
  expect(load.others("fleet", "z", 110_000)).toEqual({});
});
