import { defineGateway, definePlugin } from "@bridle/core";
import { z } from "zod";

/**
 * Three gateways with slug conventions of the common kinds (a prefixed path with `p` for dots, a
 * Hugging Face repo id, a lower-case router id), defined the way any gateway plugin does, so the
 * model-id tests need no real gateway adapter.
 */
export const slugTestGateways = definePlugin({
  name: "slug-test-gateways",
  description: "Gateways with slug conventions, for tests.",
  options: z.object({}),
  apply(kernel) {
    kernel.gateways.define(defineGateway({ id: "prefixed", name: "Prefixed", baseURL: "https://prefixed.example/v1", slugs: { style: "bare", prefix: "accounts/acme/models/", dotAs: "p" } }));
    kernel.gateways.define(
      defineGateway({ id: "hub", name: "Hub", baseURL: "https://hub.example/v1", slugs: { style: "hub", orgs: { kimi: "moonshotai", glm: "zai-org" } } }),
    );
    kernel.gateways.define(
      defineGateway({ id: "router", name: "Router", baseURL: "https://router.example/v1", slugs: { style: "lower", orgs: { kimi: "moonshotai", glm: "z-ai" } } }),
    );
  },
});
