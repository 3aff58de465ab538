import { Box, Text } from "ink";
import { REASONING_LINES } from "./screen-reducer.js";
import type { LiveTurn } from "./screen-state.js";
import { ToolEntryView } from "./tool-entry-view.js";

/**
 * The turn as it streams: the tail of the reasoning (dimmed), the answer so far, and the tool
 * calls that are running.
 */
export function LiveTurnView({ live, reasoningExpanded }: { live: LiveTurn; reasoningExpanded: boolean }) {
  const reasoning = live.reasoning.trim() === "" ? [] : live.reasoning.trim().split("\n").filter((line) => line.trim() !== "");
  const cap = reasoningExpanded ? REASONING_LINES.expanded : REASONING_LINES.collapsed;
  const shown = reasoning.slice(-cap);
  const text = live.committed === "" ? live.text.replace(/^\s*\n/, "") : live.text;
  return (
    <Box flexDirection="column">
      {reasoning.length > 0 ? (
        <Box flexDirection="column">
          <Text dimColor italic>{`∴ thinking${reasoning.length > shown.length ? ` (${reasoning.length - shown.length} earlier lines hidden; ctrl-t ${reasoningExpanded ? "shows fewer" : "shows more"})` : ""}`}</Text>
          {shown.map((line, index) => (
            <Text key={index} dimColor italic wrap="truncate-end">
              {`  ${line}`}
            </Text>
          ))}
        </Box>
      ) : null}
      {text.trim() !== "" ? <Text>{text}</Text> : null}
      {live.tools.map((tool) => (
        <ToolEntryView key={tool.id} call={tool.call} ok={undefined} result={undefined} diff={undefined} repairs={tool.repairs} />
      ))}
      {live.cancelling ? <Text color="yellow">cancelling…</Text> : null}
    </Box>
  );
}
