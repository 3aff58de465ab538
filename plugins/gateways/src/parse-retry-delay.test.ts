import { expect, test } from "vitest";
import { parseDuration, parseRetryDelay } from "./parse-retry-delay.js";

test("reads durations the way gateways write them", () => {
  expect(parseDuration("7.66s")).toBe(7660);
  expect(parseDuration("2m59.56s")).toBe(179_560);
  expect(parseDuration("86.4ms")).toBe(86);
  expect(parseDuration("1h2m")).toBe(3_720_000);
  expect(parseDuration("3")).toBe(3000);
  expect(parseDuration("20 seconds")).toBe(20_000);
  expect(parseDuration("soon")).toBeUndefined();
});

test("finds the wait inside an error text", () => {
  expect(parseRetryDelay("Rate limit reached for model `x` on tokens per minute (TPM): Limit 250000. Please try again in 2.5s.")).toBe(2500);
  expect(parseRetryDelay("Please try again in 1m30.5s. Need more tokens?")).toBe(90_500);
  expect(parseRetryDelay("quota exhausted, retry after 20 seconds")).toBe(20_000);
  expect(parseRetryDelay("Try again in 250ms")).toBe(250);
  expect(parseRetryDelay("The engine is currently overloaded, please try again later")).toBeUndefined();
  expect(parseRetryDelay("limit 60 per 1m")).toBeUndefined();
});
