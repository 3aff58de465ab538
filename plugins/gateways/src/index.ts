export { gatewaysPlugin, gatewaysPlugin as default } from "./gateways-plugin.js";
export { gatewaysOptionsSchema } from "./gateways-options.js";
export type { GatewaysOptions } from "./gateways-options.js";
export { builtinGateways } from "./builtin-gateways.js";
export { sharedGatewayFacts } from "./shared-gateway-facts.js";
