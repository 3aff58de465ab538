export { defaultPreset } from "./default-preset.js";
export { defaultPreset as default } from "./default-preset.js";
