#!/usr/bin/env node
import module from "node:module";

// Node 22.1+ keeps compiled code between runs; older versions start without it.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import("./main.js");
process.exitCode = await main(process.argv.slice(2));
