import { createRequire } from "node:module";
import path from "node:path";

/** The built `bridle` binary the process tests run, resolved through the workspace dependency. */
export const bridleBinary = path.join(path.dirname(createRequire(import.meta.url).resolve("bridle/package.json")), "dist", "bin.js");
