import { readFile } from "node:fs/promises";
import { scenarioSchema, scenarioStepSchema, type Scenario, type ScenarioInput, type ScenarioStep, type ScenarioStepInput } from "./scenario-schema.js";

/**
 * Validates a scenario object (or a bare array of steps). Throws an Error that names `where` and
 * the path of the first invalid field, e.g. `scenario.json: steps.2.toolCalls.0.name: …`.
 */
export function parseScenario(input: ScenarioInput, where = "scenario"): Scenario {
  const candidate = Array.isArray(input) ? { steps: input } : input;
  const parsed = scenarioSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  throw new Error(describeIssues(where, parsed.error.issues));
}

/** Validates one step; errors name `where` and the field. */
export function parseScenarioStep(input: ScenarioStepInput, where = "step"): ScenarioStep {
  const parsed = scenarioStepSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Error(describeIssues(where, parsed.error.issues));
}

/** Reads and validates a JSON scenario file; errors name the file and the field. */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`${path}: cannot read scenario file: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: scenario file is not valid JSON: ${(error as Error).message}`);
  }
  return parseScenario(value as ScenarioInput, path);
}

function describeIssues(where: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const lines = issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join(".");
    return `${path === "" ? "(root)" : path}: ${issue.message}`;
  });
  return `${where}: invalid scenario: ${lines.join("; ")}`;
}
