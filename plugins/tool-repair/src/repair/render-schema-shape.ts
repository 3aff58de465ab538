import { objectShapeOf } from "./object-shape.js";
import type { SchemaNode } from "./schema/schema-node.js";

const MAX_LENGTH = 400;
const MAX_PROPERTIES = 12;

function renderKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function render(schema: SchemaNode, depth: number, seen: Set<SchemaNode>): string {
  const node = schema.resolved();
  if (seen.has(node)) return "{...}";
  if (node.rejectsAll) return "never";
  if (node.hasConst) return JSON.stringify(node.constValue);
  if (node.enumValues !== null) return node.enumValues.map((value) => JSON.stringify(value)).join(" | ");
  const branches = node.anyOf ?? node.oneOf;
  if (branches !== null && node.types === null) return branches.map((branch) => render(branch, depth, seen)).join(" | ");
  const types = node.allowedTypes();
  if (types === null) return "any";
  const parts: string[] = [];
  for (const type of types) {
    if (type === "object") {
      const shape = objectShapeOf(node);
      if (!shape.declaresProperties) {
        parts.push("object");
        continue;
      }
      if (depth >= 3) {
        parts.push("{...}");
        continue;
      }
      seen.add(node);
      const entries = [...shape.properties].slice(0, MAX_PROPERTIES).map(([key, property]) => {
        const optional = shape.required.has(key) ? "" : "?";
        return `${renderKey(key)}${optional}: ${render(property, depth + 1, seen)}`;
      });
      if (shape.properties.size > MAX_PROPERTIES) entries.push("...");
      seen.delete(node);
      parts.push(entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`);
    } else if (type === "array") {
      const items = node.items === null ? "any" : render(node.items, depth + 1, seen);
      parts.push(items.includes(" | ") ? `Array<${items}>` : `${items}[]`);
    } else {
      parts.push(type);
    }
  }
  return parts.join(" | ");
}

/**
 * A compact TypeScript-like picture of what a schema expects, for hints:
 * `{ filePath: string, offset?: number, mode?: "a" | "b", todos: { content: string }[] }`.
 * Optional properties carry `?`; long shapes are cut at 400 characters.
 */
export function renderSchemaShape(schema: SchemaNode): string {
  const text = render(schema, 0, new Set());
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 3)}...` : text;
}
