import { expect, test } from "vitest";
import { chooseHome } from "./choose-home.js";
import { rendezvousOrder } from "./rendezvous-order.js";

const ENDPOINTS = ["gpu-1", "gpu-2", "gpu-3", "gpu-4"];

test("a session without a home goes to its first rendezvous choice and then stays there", () => {
  const first = chooseHome({ key: "k1", endpoints: ENDPOINTS });
  expect(first).toEqual({ endpoint: rendezvousOrder("k1", ENDPOINTS)[0], reason: "placed" });
  expect(chooseHome({ key: "k1", endpoints: ENDPOINTS, home: first.endpoint, load: { [first.endpoint]: 50 } })).toEqual({ endpoint: first.endpoint, reason: "home" });
});

test("a full first choice sends a new session to its next choice under the load bound", () => {
  const order = rendezvousOrder("k2", ENDPOINTS);
  const load = { [order[0] as string]: 3, [order[1] as string]: 0, [order[2] as string]: 0, [order[3] as string]: 0 };
  // bound = ⌈1.25·4/4⌉ = 2: the first choice holds 3.
  expect(chooseHome({ key: "k2", endpoints: ENDPOINTS, load }).endpoint).toBe(order[1]);
});

test("an unavailable home re-homes the session, which then sticks to the new home", () => {
  const home = chooseHome({ key: "k3", endpoints: ENDPOINTS }).endpoint;
  const moved = chooseHome({ key: "k3", endpoints: ENDPOINTS, home, unavailable: new Set([home]) });
  expect(moved.reason).toBe("re-homed");
  expect(moved.endpoint).not.toBe(home);
  expect(chooseHome({ key: "k3", endpoints: ENDPOINTS, home: moved.endpoint }).endpoint).toBe(moved.endpoint);
});

test("removing an endpoint moves only the sessions that lived on it", () => {
  const keys = Array.from({ length: 200 }, (_, index) => `session-${index}`);
  const before = keys.map((key) => rendezvousOrder(key, ENDPOINTS)[0]);
  const after = keys.map((key) => rendezvousOrder(key, ENDPOINTS.filter((endpoint) => endpoint !== "gpu-2"))[0]);
  keys.forEach((_, index) => {
    if (before[index] !== "gpu-2") expect(after[index]).toBe(before[index]);
  });
  expect(new Set(before).size).toBe(4);
});
