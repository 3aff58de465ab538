import { Box, Text } from "ink";
import type { ContextGauge } from "./context-gauge.js";

const GAUGE_COLORS = { low: "green", medium: "yellow", high: "red" } as const;

/** Props of {@link StatusLine}. */
export interface StatusLineProps {
  gauge: ContextGauge;
  model: string;
  gateway: string;
  permissionMode: string;
  /** What is running, if anything: shown with how to stop it. */
  activity: string | undefined;
}

/** The bottom line, always visible: context gauge, model @ gateway, permission mode, activity. */
export function StatusLine({ gauge, model, gateway, permissionMode, activity }: StatusLineProps) {
  return (
    <Box>
      <Text wrap="truncate-end">
        <Text color={GAUGE_COLORS[gauge.level]}>{gauge.text}</Text>
        <Text dimColor>{" · "}</Text>
        {/* The last path segment names the model; namespaces and routing prefixes are in /context. */}
        <Text>{model.split("/").at(-1)}</Text>
        <Text dimColor>{` @ ${gateway} · ${permissionMode}`}</Text>
        {activity ? <Text color="yellow">{` · ${activity} (ctrl-c cancels)`}</Text> : <Text dimColor>{" · /help"}</Text>}
      </Text>
    </Box>
  );
}
