import { definePlugin } from "@bridle/core";
import { builtinGateways } from "./builtin-gateways.js";
import { gatewaysOptionsSchema } from "./gateways-options.js";
import { selectGateways } from "./select-gateways.js";
import { sharedGatewayFacts } from "./shared-gateway-facts.js";

/**
 * Defines the built-in gateways and local servers, and the facts they share, in the kernel's
 * gateway registry. Taps no hook: the transport applies each definition's shaping, reading and
 * classification itself.
 */
export const gatewaysPlugin = definePlugin({
  name: "gateways",
  description: "Built-in adapters for hosted open-model gateways and local servers.",
  options: gatewaysOptionsSchema,
  apply(kernel, options) {
    const selected = selectGateways(builtinGateways, options.skip);
    for (const gateway of selected) kernel.gateways.define(gateway);
    if (options.sharedFacts) kernel.gateways.defineDefaults(sharedGatewayFacts(builtinGateways));
  },
});
