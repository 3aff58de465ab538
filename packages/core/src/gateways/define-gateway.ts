import type { GatewayDefinition } from "./gateway-definition.js";

const gatewayMarker = Symbol.for("bridle.gateway");

const ID = /^[a-z][a-z0-9-]*$/;
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Declares a gateway. Checks the parts a typo would break silently (id, URLs, variable names,
 * endpoint ids) and freezes the result, so a definition cannot change after a plugin handed it
 * to `kernel.gateways.define`.
 *
 * @throws TypeError naming the gateway and the field that is wrong.
 */
export function defineGateway(definition: GatewayDefinition): GatewayDefinition {
  const where = `gateway "${definition?.id}"`;
  if (typeof definition !== "object" || definition === null) throw new TypeError("defineGateway: expected an object");
  if (typeof definition.id !== "string" || !ID.test(definition.id)) {
    throw new TypeError(`defineGateway: id ${JSON.stringify(definition.id)} must be kebab-case (a-z, 0-9, -)`);
  }
  if (typeof definition.name !== "string" || definition.name.trim() === "") throw new TypeError(`${where}: name is required`);
  checkURL(definition.baseURL, `${where}: baseURL`);
  for (const [field, value] of [
    ["apiKeyEnv", definition.apiKeyEnv],
    ["baseURLEnv", definition.baseURLEnv],
    ...(definition.apiKeyEnvAlternatives ?? []).map((name) => ["apiKeyEnvAlternatives", name] as const),
  ] as const) {
    if (value !== undefined && (typeof value !== "string" || !VARIABLE.test(value))) {
      throw new TypeError(`${where}: ${field} ${JSON.stringify(value)} is not an environment variable name`);
    }
  }
  const endpointIds = new Set([definition.id]);
  for (const endpoint of definition.endpoints ?? []) {
    if (!ID.test(endpoint.id)) throw new TypeError(`${where}: endpoint id ${JSON.stringify(endpoint.id)} must be kebab-case`);
    if (endpointIds.has(endpoint.id)) throw new TypeError(`${where}: endpoint id "${endpoint.id}" is used twice`);
    endpointIds.add(endpoint.id);
    checkURL(endpoint.baseURL, `${where}: endpoint "${endpoint.id}" baseURL`);
  }
  const maxTokensField = definition.request?.maxTokensField;
  if (maxTokensField !== undefined && maxTokensField !== "max_tokens" && maxTokensField !== "max_completion_tokens") {
    throw new TypeError(`${where}: request.maxTokensField must be "max_tokens" or "max_completion_tokens"`);
  }
  return Object.freeze({ ...definition, [gatewayMarker]: true });
}

/** True for a value made by `defineGateway`, even by another copy of this package. */
export function isGateway(value: unknown): value is GatewayDefinition {
  return typeof value === "object" && value !== null && gatewayMarker in value;
}

function checkURL(value: unknown, what: string): void {
  if (typeof value !== "string") throw new TypeError(`${what} is required`);
  // Placeholders are filled from the environment later; check the URL with them stood in.
  const filled = value.replace(/\{[A-Za-z_][A-Za-z0-9_]*\}/g, "x");
  let url: URL;
  try {
    url = new URL(filled);
  } catch {
    throw new TypeError(`${what} ${JSON.stringify(value)} is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`${what} must be http or https, not ${url.protocol}`);
}
