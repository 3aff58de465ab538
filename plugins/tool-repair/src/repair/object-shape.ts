import type { SchemaNode } from "./schema/schema-node.js";

/** What an object schema declares, with `allOf` parts merged: the view the key rules work on. */
export interface ObjectShape {
  /** Declared properties, own and from `allOf` parts. */
  properties: ReadonlyMap<string, SchemaNode>;
  required: ReadonlySet<string>;
  /** Whether any `properties` keyword exists (even `{}`), i.e. the schema lists its keys. */
  declaresProperties: boolean;
  additionalProperties: boolean | SchemaNode;
  additionalPropertiesDeclared: boolean;
  /** The schema declared for `key` by `properties` or `patternProperties`; `null` when undeclared. */
  propertySchema(key: string): SchemaNode | null;
}

const shapes = new WeakMap<SchemaNode, ObjectShape>();

/** The object shape of a schema node, computed once per node. */
export function objectShapeOf(schema: SchemaNode): ObjectShape {
  const node = schema.resolved();
  const cached = shapes.get(node);
  if (cached !== undefined) return cached;
  const properties = new Map<string, SchemaNode>();
  const required = new Set<string>();
  let declaresProperties = false;
  let additionalProperties: boolean | SchemaNode = node.additionalProperties;
  let additionalPropertiesDeclared = node.additionalPropertiesDeclared;
  const parts: SchemaNode[] = [node];
  for (let index = 0; index < parts.length && index < 32; index++) {
    const part = parts[index];
    if (part === undefined) continue;
    if (part.properties !== null) {
      declaresProperties = true;
      for (const [key, value] of part.properties) if (!properties.has(key)) properties.set(key, value);
    }
    for (const key of part.required) required.add(key);
    if (part !== node && part.additionalPropertiesDeclared && !additionalPropertiesDeclared) {
      additionalProperties = part.additionalProperties;
      additionalPropertiesDeclared = true;
    }
    for (const child of part.allOf ?? []) parts.push(child.resolved());
  }
  const shape: ObjectShape = {
    properties,
    required,
    declaresProperties,
    additionalProperties,
    additionalPropertiesDeclared,
    propertySchema(key) {
      const declared = properties.get(key);
      if (declared !== undefined) return declared;
      for (const part of parts) {
        const patterned = part.patternProperties === null ? null : part.propertySchema(key);
        if (patterned !== null) return patterned;
      }
      return null;
    },
  };
  shapes.set(node, shape);
  return shape;
}
