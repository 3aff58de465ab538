import { GATEWAY_COLUMNS, gatewayCells, type GatewayOverview } from "../gateways/describe-gateways.js";
import type { Report } from "./report.js";

/**
 * `/gateways`: every enabled gateway with where it was defined, whether its key is set (by
 * variable name; a key's value is never shown), its base URL, what negotiation remembered, and
 * each endpoint's circuit breaker, and which one the session uses now.
 */
export function gatewaysReport(overview: readonly GatewayOverview[], current: string): Report {
  const rows = overview.map((gateway) => ({
    cells: [gateway.id === current ? "●" : gateway.usable ? "·" : " ", ...gatewayCells(gateway)],
    tone: gateway.id === current ? ("current" as const) : gateway.usable ? ("normal" as const) : ("dim" as const),
  }));
  const usableCount = overview.filter((gateway) => gateway.usable).length;
  return {
    title: `gateways · in use: ${current} · ${usableCount} of ${rows.length} usable`,
    columns: ["", ...GATEWAY_COLUMNS],
    rows,
    notes: ["set a gateway's key variable in the environment to use it; switch with /model <model> <gateway>; `bridle gateways --check` probes each"],
  };
}
