import type { ObjectShape } from "../object-shape.js";

/** Rule name recorded when a missing label-only field gets a visible placeholder. */
export const FILL_COSMETIC_FIELD = "fill-cosmetic-field";

/**
 * Fills required top-level string properties that only label a call for people (`description`
 * of a shell command) with a visible placeholder `<name>`, when they are missing. A missing label
 * must not sink a call whose real arguments are fine; the placeholder shows it was not given.
 * Only plain strings qualify (no enum, pattern or length bound the placeholder could break).
 * Returns `null` when there is nothing to fill.
 */
export function fillCosmeticFields(args: Record<string, unknown>, shape: ObjectShape, fields: readonly string[]): Record<string, unknown> | null {
  let filled: Record<string, unknown> | null = null;
  for (const field of fields) {
    if (!shape.required.has(field) || Object.hasOwn(args, field)) continue;
    const property = shape.properties.get(field)?.resolved();
    if (property === undefined || !property.accepts("string")) continue;
    if (property.enumValues !== null || property.hasConst || property.pattern !== null || property.minLength !== null || property.maxLength !== null) continue;
    filled ??= { ...args };
    filled[field] = `<${field}>`;
  }
  return filled;
}
