import { formatTokens } from "@bridle/core";
import { Box, Text } from "ink";
import { useEffect, useState } from "react";
import type { ContextGauge } from "./context-gauge.js";

const GAUGE_COLORS = { low: "green", medium: "yellow", high: "red" } as const;
const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const FRAME_MS = 150;

/** Props of {@link StatusLine}. */
export interface StatusLineProps {
  gauge: ContextGauge;
  model: string;
  gateway: string;
  permissionMode: string;
  /** What is running, if anything: shown with a spinner and how to stop it. */
  activity: string | undefined;
  /** When the running turn or command started (ms since the epoch): the elapsed time is shown. */
  since?: number | undefined;
  /** Tokens streamed so far in the running turn (estimated from characters). */
  streamedTokens?: number | undefined;
}

/**
 * The bottom line, always visible: context gauge, then (while something runs) a spinner with the
 * activity, elapsed time and tokens streamed, then model @ gateway and the permission mode. The
 * activity comes before the model so that a narrow terminal cuts the model name, not the sign
 * that something is happening.
 */
export function StatusLine({ gauge, model, gateway, permissionMode, activity, since, streamedTokens }: StatusLineProps) {
  const now = useTicker(activity !== undefined);
  const frame = SPINNER[Math.floor(now / FRAME_MS) % SPINNER.length];
  const elapsed = since !== undefined ? ` ${formatElapsed(now - since)}` : "";
  const tokens = streamedTokens ? ` · ↓ ${formatTokens(streamedTokens)} tokens` : "";
  return (
    <Box>
      <Text wrap="truncate-end">
        <Text color={GAUGE_COLORS[gauge.level]}>{gauge.text}</Text>
        <Text dimColor>{" · "}</Text>
        {activity ? <Text color="yellow">{`${frame} ${activity}${elapsed}${tokens}`}</Text> : null}
        {activity ? <Text dimColor>{" · "}</Text> : null}
        {/* The last path segment names the model; namespaces and routing prefixes are in /context. */}
        <Text>{model.split("/").at(-1)}</Text>
        <Text dimColor>{` @ ${gateway} · ${permissionMode}`}</Text>
        <Text dimColor>{activity ? " · ctrl-c cancels" : " · /help"}</Text>
      </Text>
    </Box>
  );
}

/** The current time, refreshed every frame while `running`. */
function useTicker(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), FRAME_MS);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

/** `4s`, `1m 05s`. */
function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
}
