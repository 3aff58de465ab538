import { emptyTargetKeys } from "./empty-target-fields.js";
import { objectShapeOf, type ObjectShape } from "./object-shape.js";
import { PLAUSIBLE_TOOL_NAME } from "./rules/tool-name-debris.js";
import { compileSchema } from "./schema/compile-schema.js";
import { InvalidToolSchemaError } from "./schema/invalid-tool-schema-error.js";
import type { SchemaNode } from "./schema/schema-node.js";
import type { ToolSpec } from "./types.js";

/** A tool with its schema compiled and the facts the rules need about it. */
export interface IndexedTool {
  name: string;
  schema: SchemaNode;
  shape: ObjectShape;
  /** Whether the name looks like a tool name at all; junk never matches, even exactly. */
  plausibleName: boolean;
  /** Required parameters that must not be empty strings. */
  emptyTargetKeys: readonly string[];
  /** Every property name declared anywhere in the schema; `null` when the root declares none. */
  knownKeys(): ReadonlySet<string> | null;
}

/** The offered tools by name, built once per tools array. */
export interface ToolIndex {
  byName: ReadonlyMap<string, IndexedTool>;
  names: readonly string[];
}

const indexes = new WeakMap<readonly ToolSpec[], ToolIndex>();

function collectKeys(root: SchemaNode): ReadonlySet<string> | null {
  if (!objectShapeOf(root).declaresProperties) return null;
  const keys = new Set<string>();
  const seen = new Set<SchemaNode>();
  const visit = (node: SchemaNode | null): void => {
    if (node === null || seen.has(node)) return;
    seen.add(node);
    if (node.properties !== null) {
      for (const [key, child] of node.properties) {
        keys.add(key);
        visit(child);
      }
    }
    visit(node.ref);
    visit(node.items);
    if (typeof node.additionalProperties !== "boolean") visit(node.additionalProperties);
    for (const list of [node.prefixItems, node.anyOf, node.oneOf, node.allOf]) for (const child of list ?? []) visit(child);
  };
  visit(root);
  return keys;
}

/**
 * Indexes the offered tools, once per tools array (cached by identity), so the fast path of
 * `repairToolCall` is a map lookup, one parse and one validation. A tool's schema is compiled
 * the first time a call needs it, not when the index is built: a session offers dozens of tools
 * (MCP servers add their own) and a turn calls a few, and the first call should not wait for
 * every schema.
 *
 * @throws TypeError when `tools` is not an array of `{ name, parameters }` or names repeat.
 * @throws InvalidToolSchemaError naming the tool when a call needs a tool whose parameters are
 *   not a usable schema (from `schema`, `shape` or `emptyTargetKeys`).
 */
export function indexTools(tools: readonly ToolSpec[]): ToolIndex {
  const cached = indexes.get(tools);
  if (cached !== undefined) return cached;
  if (!Array.isArray(tools)) throw new TypeError("repairToolCall: `tools` must be an array of { name, parameters }");
  const byName = new Map<string, IndexedTool>();
  tools.forEach((tool: ToolSpec, position) => {
    if (typeof tool !== "object" || tool === null || typeof tool.name !== "string" || tool.name === "") {
      throw new TypeError(`repairToolCall: tools[${position}] must have a non-empty string \`name\``);
    }
    if (byName.has(tool.name)) throw new TypeError(`repairToolCall: tool name "${tool.name}" is offered twice (tools[${position}])`);
    byName.set(tool.name, lazilyCompiled(tool));
  });
  const index: ToolIndex = { byName, names: [...byName.keys()] };
  indexes.set(tools, index);
  return index;
}

/** The indexed tool, its schema compiled and its facts derived on first use and then kept. */
function lazilyCompiled(tool: ToolSpec): IndexedTool {
  let compiled: { schema: SchemaNode; shape: ObjectShape; emptyTargetKeys: readonly string[] } | undefined;
  let keys: ReadonlySet<string> | null | undefined;
  const facts = () => (compiled ??= derive(tool));
  return {
    name: tool.name,
    plausibleName: PLAUSIBLE_TOOL_NAME.test(tool.name),
    get schema() {
      return facts().schema;
    },
    get shape() {
      return facts().shape;
    },
    get emptyTargetKeys() {
      return facts().emptyTargetKeys;
    },
    knownKeys: () => (keys === undefined ? (keys = collectKeys(facts().schema)) : keys),
  };
}

function derive(tool: ToolSpec): { schema: SchemaNode; shape: ObjectShape; emptyTargetKeys: readonly string[] } {
  let schema: SchemaNode;
  try {
    schema = compileSchema(tool.parameters);
  } catch (error) {
    if (error instanceof InvalidToolSchemaError) {
      throw new InvalidToolSchemaError(error.pointer, `${error.message.replace(/^Invalid tool schema at \S+: /, "")} (tool "${tool.name}")`);
    }
    throw error;
  }
  const shape = objectShapeOf(schema);
  return { schema, shape, emptyTargetKeys: emptyTargetKeys(shape) };
}
