import { createRequire } from "node:module";

/** The CLI's version, read from its package.json (the same relative path from src/ and dist/). */
export const packageVersion: string = (createRequire(import.meta.url)("../package.json") as { version: string }).version;
