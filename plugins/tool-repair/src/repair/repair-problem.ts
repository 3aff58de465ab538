import type { ValidationIssue } from "./schema/validation-issue.js";

/** Why a call could not be repaired; `formatRepairHint` turns it into words for the model. */
export type RepairProblem =
  | { kind: "missing-name" }
  | { kind: "unknown-tool"; name: string }
  | { kind: "invalid-json"; message: string }
  | { kind: "truncated"; key: string | null; inValue: boolean; length: number }
  | { kind: "lost-boundary"; key: string }
  | { kind: "not-object"; got: string }
  | { kind: "unverifiable-split"; count: number }
  | { kind: "mismatched-split"; names: number; objects: number }
  | { kind: "invalid-arguments"; issues: ValidationIssue[] }
  | { kind: "empty-value"; key: string }
  | { kind: "grammar-markup"; key: string; marker: string };
