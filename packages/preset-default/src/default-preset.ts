import { definePreset, type BridlePlugin } from "@bridle/core";
import { cacheRoutingPlugin } from "@bridle/plugin-cache-routing";
import { compactionPlugin } from "@bridle/plugin-compaction";
import { fallbackPlugin } from "@bridle/plugin-fallback";
import { gatewaysPlugin } from "@bridle/plugin-gateways";
import { mcpPlugin } from "@bridle/plugin-mcp";
import { modelIdPlugin } from "@bridle/plugin-model-id";
import { toolRepairPlugin } from "@bridle/plugin-tool-repair";

/** The plugins the CLI ships with. Their taps are ordered by stage, not by this list. */
const plugins: BridlePlugin[] = [gatewaysPlugin, modelIdPlugin, compactionPlugin, toolRepairPlugin, mcpPlugin, cacheRoutingPlugin, fallbackPlugin];

/**
 * The preset the `bridle` CLI starts from: every harness plugin on, with defaults tuned for
 * open-weight models. Config files turn plugins off or tune them under `plugins.<name>`.
 */
export const defaultPreset = definePreset({ name: "@bridle/preset-default", plugins, config: {} });
