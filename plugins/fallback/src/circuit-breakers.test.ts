import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { breakerFile } from "./breaker-file.js";
import { CircuitBreakers } from "./circuit-breakers.js";

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe("CircuitBreakers", () => {
  it("opens after consecutive failures, lets one probe through after the cooldown, and closes on its success", () => {
    let now = 0;
    const breakers = new CircuitBreakers({ failures: 3, cooldownMs: 1000 }, () => now);
    expect(breakers.failure("g", "e", "503")).toBeUndefined();
    expect(breakers.failure("g", "e", "503")).toBeUndefined();
    expect(breakers.failure("g", "e", "503")).toEqual(expect.objectContaining({ from: "closed", to: "open", failures: 3, retryAt: 1000 }));
    expect(breakers.admit("g", "e")).toEqual({ allowed: false, retryAt: 1000, failures: 3, reason: "503" });
    now = 1000;
    expect(breakers.state("g", "e")).toBe("half-open");
    expect(breakers.admit("g", "e")).toEqual({ allowed: true, probe: true });
    expect(breakers.admit("g", "e")).toEqual(expect.objectContaining({ allowed: false }));
    expect(breakers.success("g", "e")).toEqual(expect.objectContaining({ from: "half-open", to: "closed" }));
    expect(breakers.admit("g", "e")).toEqual({ allowed: true, probe: false });
    expect(breakers.health("g")).toEqual([]);
  });

  it("lets the next request probe when the probe ended with an error that says nothing about the endpoint", () => {
    let now = 0;
    const breakers = new CircuitBreakers({ failures: 1, cooldownMs: 1000 }, () => now);
    breakers.failure("g", "e", "502");
    now = 1000;
    expect(breakers.admit("g", "e")).toEqual({ allowed: true, probe: true });
    expect(breakers.admit("g", "e")).toEqual(expect.objectContaining({ allowed: false }));
    breakers.release("g", "e");
    expect(breakers.admit("g", "e")).toEqual({ allowed: true, probe: true });
  });

  it("never keeps a half-open endpoint shut for longer than one cooldown by a probe whose outcome never came", () => {
    let now = 0;
    const breakers = new CircuitBreakers({ failures: 1, cooldownMs: 1000 }, () => now);
    breakers.failure("g", "e", "502");
    now = 1000;
    expect(breakers.admit("g", "e")).toEqual({ allowed: true, probe: true });
    now = 1999;
    expect(breakers.admit("g", "e")).toEqual(expect.objectContaining({ allowed: false }));
    now = 2000;
    expect(breakers.admit("g", "e")).toEqual({ allowed: true, probe: true });
  });

  it("opens again when the probe fails", () => {
    let now = 0;
    const breakers = new CircuitBreakers({ failures: 1, cooldownMs: 1000 }, () => now);
    breakers.failure("g", "e", "502");
    now = 1500;
    expect(breakers.admit("g", "e")).toEqual({ allowed: true, probe: true });
    expect(breakers.failure("g", "e", "502")).toEqual(expect.objectContaining({ from: "half-open", to: "open", retryAt: 2500 }));
  });

  it("a success resets the count of a closed breaker", () => {
    const breakers = new CircuitBreakers({ failures: 2, cooldownMs: 1000 }, () => 0);
    breakers.failure("g", "e", "x");
    breakers.success("g", "e");
    expect(breakers.failure("g", "e", "x")).toBeUndefined();
    expect(breakers.state("g", "e")).toBe("closed");
  });

  it("keeps its records in a file another process reads", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "bridle-breakers-"));
    directories.push(directory);
    const file = path.join(directory, "nested", "breakers.json");
    const first = new CircuitBreakers({ failures: 1, cooldownMs: 60_000 }, () => 0, breakerFile(file));
    first.failure("g", "e", "503");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = new CircuitBreakers({ failures: 1, cooldownMs: 60_000 }, () => 10, breakerFile(file));
    expect(second.health("g")).toEqual([{ endpoint: "e", state: "open", failures: 1, retryAt: 60_000, reason: "503" }]);
    second.success("g", "e");
    expect(new CircuitBreakers({ failures: 1, cooldownMs: 1 }, () => 20, breakerFile(file)).health("g")).toEqual([]);
  });
});
