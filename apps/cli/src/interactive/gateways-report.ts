import type { GatewayRegistry } from "@bridle/core";
import type { Report } from "./report.js";

/**
 * `/gateways`: every enabled gateway with whether its key is set (by variable name; a key's
 * value is never shown), its base URL, and which one the session uses now.
 */
export function gatewaysReport(gateways: GatewayRegistry, environment: NodeJS.ProcessEnv, current: string): Report {
  const rows = gateways.list().map((gateway) => {
    const decision = gateways.keyDecision(gateway.id, environment);
    const hasKey = decision.kind === "granted";
    const key = gateway.apiKeyEnv
      ? `${gateway.apiKeyEnv} ${hasKey ? "set" : decision.kind === "refused" ? "not sent to this host" : gateway.local ? "not set (optional, local)" : "missing"}`
      : gateway.local
        ? "none needed (local)"
        : "no key variable";
    const usable = gateway.local || hasKey;
    return {
      cells: [gateway.id === current ? "●" : usable ? "·" : " ", gateway.id, key, gateway.baseURL],
      tone: gateway.id === current ? ("current" as const) : usable ? ("normal" as const) : ("dim" as const),
    };
  });
  const usableCount = rows.filter((row) => row.tone !== "dim").length;
  return {
    title: `gateways · in use: ${current} · ${usableCount} of ${rows.length} usable`,
    columns: ["", "gateway", "key", "base URL"],
    rows,
    notes: ["set a gateway's key variable in the environment to use it; switch with /model <model> <gateway>"],
  };
}
