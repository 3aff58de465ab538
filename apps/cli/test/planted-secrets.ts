import path from "node:path";
import { cliRoot } from "./run-cli.js";

/**
 * Secrets every process test's environment carries, under names and in shapes the redactor must
 * catch: key shapes (OpenAI, AWS, GitHub), a name that only says CREDS, and a random-looking
 * value under an innocent name. None may appear in any file Bridle writes.
 */
export const PLANTED_ENVIRONMENT: Readonly<Record<string, string>> = {
  OPENAI_API_KEY: "sk-proj-PLANTEDplanted0123456789abcdefABCDEF",
  AWS_ACCESS_KEY_ID: "AKIAPLANTED012345678",
  GH_TOKEN: "ghp_PLANTEDplanted0123456789abcdefABCD",
  MY_SERVICE_CREDS: "svc-user:Pl4nted-Passw0rd-xyz",
  INNOCENT_SETTING: "Pl4ntedR4nd0mV4lu3Qz8xW2kL9",
};

/** A private key a test puts in a workspace file for a tool to print. */
export const PLANTED_PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEplantedPEMbodyLineOne0123456789abcdef\nMIIEplantedPEMbodyLineTwo0123456789abcdef\n-----END RSA PRIVATE KEY-----\n";

/** What the scan looks for: each planted value, the PEM body, and the simulator's keys (`sim-<gateway>-key`). */
export const PLANTED_PATTERNS: readonly RegExp[] = [
  ...Object.values(PLANTED_ENVIRONMENT).map((value) => new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))),
  /MIIEplantedPEMbody/,
  /sim-[a-z0-9._-]+-key/,
];

/**
 * Where process tests keep the user's config, data and cache homes: one folder for the whole
 * suite, kept until the end so that every file Bridle wrote can be scanned (`scan-written-files`).
 */
export const STATE_ROOT = path.join(cliRoot, ".bridle-tmp", "state");

/** Config, data and cache homes for one test project. */
export function stateHomes(name: string): { config: string; data: string; cache: string } {
  const root = path.join(STATE_ROOT, name);
  return { config: path.join(root, "config"), data: path.join(root, "data"), cache: path.join(root, "cache") };
}
