export { writeFileAtomic } from "./atomic-write.js";
export { createBashTool } from "./bash-tool.js";
export type { BashArguments, BashToolOptions } from "./bash-tool.js";
export { BUILTIN_TOOL_NAMES, createBuiltinTools } from "./create-builtin-tools.js";
export type { BuiltinToolsOptions } from "./create-builtin-tools.js";
export { defineTool } from "./define-tool.js";
export type { ToolSpec } from "./define-tool.js";
export { createEditTool } from "./edit-tool.js";
export type { EditArguments } from "./edit-tool.js";
export { createGlobTool } from "./glob-tool.js";
export type { GlobArguments } from "./glob-tool.js";
export { createGrepTool } from "./grep-tool.js";
export type { GrepArguments, GrepToolOptions } from "./grep-tool.js";
export { limits } from "./limits.js";
export { ALWAYS_SKIPPED_DIRECTORIES, listFiles } from "./list-files.js";
export type { ListFilesOptions } from "./list-files.js";
export { createLsTool } from "./ls-tool.js";
export type { LsArguments } from "./ls-tool.js";
export { modelJsonSchema } from "./model-json-schema.js";
export { OutputCollector } from "./output-collector.js";
export type { CollectedOutput } from "./output-collector.js";
export { toolOutputPath } from "./tool-output-path.js";
export { createReadDenyFilter } from "./permissions/create-read-deny-filter.js";
export { decidePermission } from "./permissions/decide-permission.js";
export type {
  PermissionCall,
  PermissionDecision,
  PermissionSettings,
  PermissionTool,
  PermissionVerdict,
} from "./permissions/decide-permission.js";
export { PermissionRuleError, parsePermissionRule } from "./permissions/parse-permission-rule.js";
export type { PermissionRule } from "./permissions/parse-permission-rule.js";
export { permissionModeSchema, permissionsConfigSchema, sandboxModeSchema } from "./permissions/permissions-config.js";
export type { PermissionMode, PermissionsConfig, SandboxMode } from "./permissions/permissions-config.js";
export { restrictUntrustedPermissions } from "./permissions/restrict-untrusted-permissions.js";
export { splitShellCommand } from "./permissions/split-shell-command.js";
export { endOrphanedProcessGroup, isProcessGroupRunning, processStartMarker } from "./process-group.js";
export type { OrphanOutcome } from "./process-group.js";
export { allowsNetwork } from "./sandbox/allows-network.js";
export { detectSandbox, probeSandbox } from "./sandbox/detect-sandbox.js";
export type { DetectSandboxOptions, ProbeSandboxOptions, SandboxStatus } from "./sandbox/detect-sandbox.js";
export { bubblewrapCommand, sandboxExecCommand, seatbeltProfile } from "./sandbox/sandbox-command.js";
export type { SandboxPolicy, WrappedCommand } from "./sandbox/sandbox-command.js";
export { createReadTool } from "./read-tool.js";
export type { ReadArguments } from "./read-tool.js";
export { READ_STAMPS_KEY, assertFreshRead, hashContent, readStamps, recordReadStamp } from "./read-stamps.js";
export type { ReadStamp } from "./read-stamps.js";
export { isInside, realWorkspace, resolveToolPath, resolveWorkspacePath } from "./resolve-workspace-path.js";
export type { ResolveWorkspacePathOptions, ResolvedPath } from "./resolve-workspace-path.js";
export { killRunningProcessGroups } from "./kill-process-group.js";
export { runCommand } from "./run-command.js";
export type { CommandOutcome, RunCommandOptions } from "./run-command.js";
export { sanitizeTerminalOutput } from "./sanitize-terminal-output.js";
export { KNOWN_SECRET_VARIABLES, isSecretVariable } from "@bridle/core";
export { scrubEnvironment } from "./scrub-environment.js";
export type { ScrubEnvironmentOptions } from "./scrub-environment.js";
export { TODOS_KEY, createTodoTool, renderTodos } from "./todo-tool.js";
export type { TodoArguments, TodoItem } from "./todo-tool.js";
export { ToolError, WorkspacePathError } from "./tool-error.js";
export { createWriteTool } from "./write-tool.js";
export type { WriteArguments } from "./write-tool.js";
