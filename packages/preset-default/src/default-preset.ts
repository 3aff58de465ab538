import { definePreset, type BridlePlugin } from "@bridle/core";

/** The plugins the CLI ships with, in pipeline order (their taps are ordered by stage anyway). */
const plugins: BridlePlugin[] = [];

/**
 * The preset the `bridle` CLI starts from: every harness plugin on, with defaults tuned for
 * open-weight models. Config files turn plugins off or tune them under `plugins.<name>`.
 */
export const defaultPreset = definePreset({ name: "@bridle/preset-default", plugins, config: {} });
