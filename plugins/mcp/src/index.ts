export { mcpConfigSchema, mcpServerSchema } from "./mcp-config-schema.js";
export type { McpServerConfig } from "./mcp-config-schema.js";
export { mcpPlugin, mcpPlugin as default, mcpPluginOptionsSchema } from "./mcp-plugin.js";
export { mcpToolName, TOOL_NAME_RULE } from "./mcp-tool-name.js";
