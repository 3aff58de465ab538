import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { PLANTED_PATTERNS, STATE_ROOT } from "./planted-secrets.js";
import { scanWrittenFiles } from "./scan-written-files.js";

/**
 * Before the suite: an empty state folder. After it: every file Bridle wrote in the process
 * tests' config, data and cache homes is scanned for the planted secrets and for modes other
 * than 0600/0700; any finding fails the run.
 */
export function setup(): void {
  rmSync(STATE_ROOT, { recursive: true, force: true });
}

export function teardown(): void {
  if (!existsSync(STATE_ROOT)) return;
  const projects = readdirSync(STATE_ROOT);
  const findings = [];
  let files = 0;
  // The homes themselves stand in for the user's ~/.config, ~/.local/share and ~/.cache; what
  // Bridle owns is its `bridle` folder in each.
  for (const project of projects) {
    for (const home of ["config", "data", "cache"]) {
      const owned = path.join(STATE_ROOT, project, home, "bridle");
      if (!existsSync(owned)) continue;
      const scanned = scanWrittenFiles(owned, PLANTED_PATTERNS);
      files += scanned.files;
      findings.push(...scanned.findings);
    }
  }
  if (findings.length > 0) {
    throw new Error(`files Bridle wrote leak planted secrets or are not private (${findings.length}):\n${findings.map((finding) => `  ${finding.file}: ${finding.problem}`).join("\n")}`);
  }
  if (files === 0 && projects.length > 0) throw new Error(`the scan of ${STATE_ROOT} found no files Bridle wrote; the scan is not looking where Bridle writes`);
  process.stdout.write(`scanned ${files} files Bridle wrote in ${projects.length} test projects: no planted secret, every mode 0600/0700\n`);
  rmSync(STATE_ROOT, { recursive: true, force: true });
}
