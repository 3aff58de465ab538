import path from "node:path";

/** Where a tool keeps the complete output of one call when the model sees only part of it. */
export function toolOutputPath(sessionDirectory: string, callId: string, extension: string): string {
  const cleaned = callId.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 100);
  return path.join(sessionDirectory, "tool-output", `${cleaned === "" ? `call-${Date.now()}` : cleaned}.${extension}`);
}
