import { ARGUMENTS_FROM_CONTENT } from "./rules/arguments-from-content.js";
import { CLOSE_TRUNCATED_JSON } from "./rules/close-truncated-json.js";
import { DECODE_DOUBLE_ENCODED } from "./rules/decode-double-encoded.js";
import { DROP_EXTRA_CLOSING_BRACKET } from "./rules/drop-extra-closing-bracket.js";
import { DROP_NULL_OPTIONAL } from "./rules/drop-null-optional.js";
import { DROP_UNKNOWN_KEY } from "./rules/drop-unknown-key.js";
import { EMPTY_OBJECT_TO_ARRAY } from "./rules/empty-object-to-array.js";
import { ESCAPE_CONTROL_CHARACTERS } from "./rules/escape-control-characters.js";
import { ESCAPE_INNER_QUOTES } from "./rules/escape-inner-quotes.js";
import { FILL_COSMETIC_FIELD } from "./rules/fill-cosmetic-field.js";
import { FIX_INVALID_ESCAPES } from "./rules/fix-invalid-escapes.js";
import { LITERAL_ESCAPE_OUTSIDE_STRING } from "./rules/literal-escape-outside-string.js";
import { OBJECT_TO_STRING } from "./rules/object-to-string.js";
import { PARSE_JSON_STRING } from "./rules/parse-json-string.js";
import { RECOVER_MERGED_PARAMETERS } from "./rules/recover-merged-parameters.js";
import { RENAME_KEY_SYNONYM } from "./rules/rename-key-synonym.js";
import { RENAME_KEY_VARIANT } from "./rules/rename-key-variant.js";
import { PYTHON_LITERAL } from "./rules/python-literal.js";
import { REPAIR_JSON } from "./rules/repair-json.js";
import { SCALAR_TO_STRING } from "./rules/scalar-to-string.js";
import { SPLIT_CONCATENATED_NAMES } from "./rules/split-concatenated-names.js";
import { SPLIT_CONCATENATED_OBJECTS } from "./rules/split-concatenated-objects.js";
import { SPLIT_LIST_PAYLOAD } from "./rules/split-list-payload.js";
import { STRING_TO_BOOLEAN } from "./rules/string-to-boolean.js";
import { STRING_TO_NULL } from "./rules/string-to-null.js";
import { STRING_TO_NUMBER } from "./rules/string-to-number.js";
import { STRIP_GRAMMAR_DEBRIS } from "./rules/strip-grammar-debris.js";
import { STRIP_TEXT_DEBRIS } from "./rules/strip-text-debris.js";
import { TOOL_NAME_CASE } from "./rules/tool-name-case.js";
import { TOOL_NAME_DEBRIS } from "./rules/tool-name-debris.js";
import { TOOL_NAME_NEAR_MISS } from "./rules/tool-name-near-miss.js";
import { TOOL_NAME_PREFIX } from "./rules/tool-name-prefix.js";
import { UNWRAP_ARGUMENTS_WRAPPER } from "./rules/unwrap-arguments-wrapper.js";
import { UNWRAP_SINGLE_ITEM_ARRAY } from "./rules/unwrap-single-item-array.js";
import { UNWRAP_SPREAD_ENVELOPE } from "./rules/unwrap-spread-envelope.js";
import { WRAP_IN_ARRAY } from "./rules/wrap-in-array.js";
import { EMPTY_ARGUMENTS } from "./parse-arguments.js";
import { DEDUPE_REPEATED_CALL } from "./repair-tool-call.js";

/**
 * Every rule name `repairToolCall` can report in `repairs`, grouped by stage. The names are
 * stable: telemetry counts them per rule × model × gateway.
 */
export const REPAIR_RULE_NAMES = [
  // Tool name
  TOOL_NAME_DEBRIS,
  TOOL_NAME_CASE,
  TOOL_NAME_PREFIX,
  TOOL_NAME_NEAR_MISS,
  SPLIT_CONCATENATED_NAMES,
  // Argument text
  EMPTY_ARGUMENTS,
  DECODE_DOUBLE_ENCODED,
  STRIP_TEXT_DEBRIS,
  PYTHON_LITERAL,
  ESCAPE_INNER_QUOTES,
  ESCAPE_CONTROL_CHARACTERS,
  FIX_INVALID_ESCAPES,
  LITERAL_ESCAPE_OUTSIDE_STRING,
  DROP_EXTRA_CLOSING_BRACKET,
  SPLIT_CONCATENATED_OBJECTS,
  CLOSE_TRUNCATED_JSON,
  REPAIR_JSON,
  ARGUMENTS_FROM_CONTENT,
  // Call structure
  SPLIT_LIST_PAYLOAD,
  UNWRAP_SPREAD_ENVELOPE,
  UNWRAP_ARGUMENTS_WRAPPER,
  DEDUPE_REPEATED_CALL,
  // Keys and values, guided by the schema
  STRIP_GRAMMAR_DEBRIS,
  RECOVER_MERGED_PARAMETERS,
  RENAME_KEY_VARIANT,
  RENAME_KEY_SYNONYM,
  DROP_UNKNOWN_KEY,
  DROP_NULL_OPTIONAL,
  PARSE_JSON_STRING,
  STRING_TO_NUMBER,
  STRING_TO_BOOLEAN,
  STRING_TO_NULL,
  SCALAR_TO_STRING,
  OBJECT_TO_STRING,
  WRAP_IN_ARRAY,
  EMPTY_OBJECT_TO_ARRAY,
  UNWRAP_SINGLE_ITEM_ARRAY,
  FILL_COSMETIC_FIELD,
] as const;

/** One of the stable rule names in `REPAIR_RULE_NAMES`. */
export type RepairRuleName = (typeof REPAIR_RULE_NAMES)[number];
