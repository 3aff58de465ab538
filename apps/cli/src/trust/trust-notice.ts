import type { ProjectTrust } from "@bridle/core";

/**
 * One line saying which settings of an untrusted project config were not applied, or
 * `undefined` when nothing was left out.
 */
export function trustNotice(trust: ProjectTrust): string | undefined {
  if (trust.state === "trusted" || trust.state === "none" || trust.ignored.length === 0) return undefined;
  const names = trust.ignored.map((entry) => entry.keyPath);
  const shown = names.length > 6 ? `${names.slice(0, 6).join(", ")} and ${names.length - 6} more` : names.join(", ");
  const why = trust.state === "declined" ? "is in a folder you chose not to trust" : "is in a folder you have not trusted";
  return `${trust.file} ${why}: ignored ${shown}. Run \`bridle trust ${trust.folder}\` (or pass --trust) to apply them; \`bridle config check\` says why each was ignored.`;
}

/** The ignored settings one per line, with the value each tried to set and why it was left out. */
export function ignoredSettingLines(trust: ProjectTrust): string[] {
  return trust.ignored.map((entry) => `${entry.keyPath} = ${entry.value}: ${entry.reason}`);
}
