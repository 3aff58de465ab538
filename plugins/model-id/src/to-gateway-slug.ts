import type { GatewaySlugStyle, ModelInfo } from "@bridle/core";
import { hubRepoName } from "./hub-repo-name.js";
import { modelFamily } from "./model-family.js";
import { normalizeGatewayId } from "./normalize-gateway-id.js";

/**
 * The slug a gateway knows a canonical model by: the reverse of `canonicalize`, used only at the
 * transport boundary. A registry entry's per-gateway `slug` wins; then the gateway's slug
 * conventions (`style`, from the gateway's definition); a gateway without conventions (or a
 * local server started with the canonical name) gets the canonical id.
 *
 * @example toGatewaySlug("kimi-k2.6", "fireworks", undefined, { style: "bare", prefix: "accounts/fireworks/models/", dotAs: "p" }) === "accounts/fireworks/models/kimi-k2p6"
 * @throws TypeError when `id` is empty.
 */
export function toGatewaySlug(id: string, gateway: string, info?: Pick<ModelInfo, "gateways">, style?: GatewaySlugStyle): string {
  if (id.trim().length === 0) throw new TypeError(`toGatewaySlug: canonical id is empty (gateway "${gateway}")`);
  const gatewayId = normalizeGatewayId(gateway);
  const override = info?.gateways?.[gatewayId]?.slug ?? info?.gateways?.[gateway]?.slug;
  if (override !== undefined) return override;
  const rule = style;
  if (rule === undefined || id.startsWith("alias:")) return id;
  const fixed = rule.fixed?.[id];
  if (fixed !== undefined) return fixed;

  let name = id;
  for (const [pattern, replacement] of rule.rewrites ?? []) name = name.replace(pattern, replacement);
  if (rule.dotAs !== undefined) name = name.replace(/(\d)\.(\d)/g, `$1${rule.dotAs}$2`);
  const family = modelFamily(id);
  const org = family === undefined ? undefined : rule.orgs?.[family];
  switch (rule.style) {
    case "hub":
      // A repo id needs its org; without one the canonical id is the better guess.
      if (org === undefined) return `${rule.prefix ?? ""}${id}`;
      name = hubRepoName(name);
      break;
    case "hub-name":
      return `${rule.prefix ?? ""}${hubRepoName(name)}`;
    case "lower":
    case "bare":
      break;
  }
  const withOrg = org === undefined || rule.style === "bare" ? name : `${org}/${name}`;
  return `${rule.prefix ?? ""}${withOrg}`;
}
