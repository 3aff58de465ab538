import path from "node:path";
import type { ServerLaunch } from "./connect-server.js";
import { type Expansion, expandMap, expandVariables } from "./expand-variables.js";
import type { McpServerConfig } from "./mcp-config-schema.js";

/**
 * How to start a configured server, with `${NAME}` references read from the environment.
 * `missing` lists references that cannot be met (the server is not started); `secrets` are the
 * values read, which the caller redacts from everything the server sends back.
 */
export function serverLaunch(name: string, config: McpServerConfig, environment: NodeJS.ProcessEnv, workspace: string): Expansion & { launch: ServerLaunch } {
  const label = `mcp.${name}`;
  if (config.url !== undefined) {
    const url = expandVariables(config.url, environment, `${label}.url`);
    const headers = expandMap(config.headers ?? {}, environment, `${label}.headers`);
    return {
      launch: { kind: "http", url: url.value, headers: headers.map },
      missing: [...url.missing, ...headers.missing],
      secrets: [...url.secrets, ...headers.secrets],
    };
  }
  const args = (config.args ?? []).map((arg, index) => expandVariables(arg, environment, `${label}.args[${index}]`));
  const env = expandMap(config.env ?? {}, environment, `${label}.env`);
  return {
    launch: {
      kind: "stdio",
      command: config.command ?? "",
      args: args.map((arg) => arg.value),
      env: env.map,
      cwd: config.cwd === undefined ? workspace : path.resolve(workspace, config.cwd),
    },
    missing: [...args.flatMap((arg) => arg.missing), ...env.missing],
    secrets: [...args.flatMap((arg) => arg.secrets), ...env.secrets],
  };
}
