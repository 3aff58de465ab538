import type { UntrustedKeyRule } from "@bridle/core";
import type { PermissionMode } from "./permissions-config.js";

/** Modes from the most to the least asking. */
const MODE_ORDER: readonly PermissionMode[] = ["ask", "allow-edits", "allow-all"];

type Ignored = ReturnType<UntrustedKeyRule>["ignored"];

/**
 * What a repository's `permissions` may do before its folder is trusted: only narrow. Its deny
 * rules are added to the user's, a mode that asks at least as much as the user's applies, and
 * `sandbox: "auto"` applies; allow rules (paths outside the workspace, commands, network), a
 * looser mode and `sandbox: "off"` are left out. The result keeps the user's own settings.
 */
export const restrictUntrustedPermissions: UntrustedKeyRule = (value, trusted) => {
  const base = isRecord(trusted) ? trusted : {};
  const ignored: Ignored = [];
  if (!isRecord(value)) return { value: base, ignored: [{ path: [], value, reason: "expected an object" }] };
  const result: Record<string, unknown> = { ...base };
  for (const [key, setting] of Object.entries(value)) {
    if (key === "deny" && Array.isArray(setting)) {
      result.deny = [...(Array.isArray(base.deny) ? base.deny : []), ...setting];
    } else if (key === "mode" && typeof setting === "string") {
      const current = typeof base.mode === "string" ? (base.mode as PermissionMode) : "ask";
      if (MODE_ORDER.indexOf(setting as PermissionMode) <= MODE_ORDER.indexOf(current)) result.mode = setting;
      else ignored.push({ path: ["mode"], value: setting, reason: `a repository cannot loosen the permission mode (yours is "${current}")` });
    } else if (key === "sandbox" && setting === "auto") {
      result.sandbox = setting;
    } else if (key === "allow") {
      ignored.push({ path: ["allow"], value: setting, reason: "a repository cannot allow calls (commands, network, paths outside the workspace)" });
    } else {
      ignored.push({ path: [key], value: setting, reason: "a repository cannot widen permissions" });
    }
  }
  return { value: result, ignored };
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
