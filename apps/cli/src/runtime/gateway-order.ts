/** The configured gateway order: `"gateway"` as one id or an ordered list. */
export function gatewayOrder(setting: unknown): string[] {
  if (typeof setting === "string") return [setting];
  if (Array.isArray(setting)) return setting.filter((entry): entry is string => typeof entry === "string");
  return [];
}
