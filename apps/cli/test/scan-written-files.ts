import { lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A finding of the scan: a planted secret in a file, or a mode wider than Bridle's. */
export interface ScanFinding {
  file: string;
  problem: string;
}

/**
 * Walks a folder of files Bridle wrote and reports every file holding a match of `patterns`,
 * every file whose mode is not 0600 and every folder whose mode is not 0700.
 */
export function scanWrittenFiles(root: string, patterns: readonly RegExp[]): { files: number; findings: ScanFinding[] } {
  const findings: ScanFinding[] = [];
  let files = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const mode = lstatSync(full).mode & 0o777;
      if (entry.isDirectory()) {
        if (mode !== 0o700) findings.push({ file: full, problem: `folder mode ${mode.toString(8)}, expected 700` });
        walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      files += 1;
      if (mode !== 0o600) findings.push({ file: full, problem: `file mode ${mode.toString(8)}, expected 600` });
      const text = readFileSync(full, "latin1");
      for (const pattern of patterns) {
        const match = pattern.exec(text);
        if (match) findings.push({ file: full, problem: `holds a planted secret (${pattern.source.slice(0, 30)}) at offset ${match.index}` });
      }
    }
  };
  walk(root);
  return { files, findings };
}
