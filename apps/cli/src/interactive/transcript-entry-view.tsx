import type { TurnEnd } from "@bridle/core";
import { Box, Text } from "ink";
import { ReportView } from "./report-view.js";
import type { TranscriptEntry } from "./screen-state.js";
import { ToolEntryView } from "./tool-entry-view.js";

const TURN_ENDS: Readonly<Record<TurnEnd, string>> = {
  stop: "done",
  aborted: "cancelled · the conversation so far is kept",
  length: "the answer was cut off at the output token limit",
  error: "the turn failed",
  "doom-loop": "stopped a loop of repeated tool calls",
  "max-steps": "stopped: too many model requests in one turn",
};

const NOTE_COLORS = { info: undefined, warn: "yellow", error: "red" } as const;

/** One finished piece of the conversation, printed once above the live area. */
export function TranscriptEntryView({ entry }: { entry: TranscriptEntry }) {
  switch (entry.kind) {
    case "banner":
      return (
        <Box flexDirection="column" marginBottom={1}>
          <Text bold color="cyan">
            {entry.title}
          </Text>
          {entry.lines.map((line, index) => (
            <Text key={index} dimColor>
              {line}
            </Text>
          ))}
        </Box>
      );
    case "user":
      return (
        <Box marginTop={1}>
          <Text color="cyan" bold>
            {"› "}
          </Text>
          <Text bold>{entry.text}</Text>
        </Box>
      );
    case "text":
      return <Text>{entry.text}</Text>;
    case "reasoning":
      return (
        <Box flexDirection="column">
          {entry.hiddenLines > 0 ? <Text dimColor italic>{`∴ … ${entry.hiddenLines} earlier lines of reasoning (ctrl-t shows them all)`}</Text> : null}
          {entry.lines.map((line, index) => (
            <Text key={index} dimColor italic wrap="truncate-end">
              {`${entry.hiddenLines === 0 && index === 0 ? "∴" : " "} ${line}`}
            </Text>
          ))}
        </Box>
      );
    case "tool":
      return <ToolEntryView call={entry.call} ok={entry.ok} result={entry.result} diff={entry.diff} repairs={entry.repairs} />;
    case "feed":
      return (
        <Text color={entry.level === "info" ? undefined : entry.level === "warn" ? "yellow" : "red"} dimColor={entry.level === "info"}>
          {`${entry.level === "info" ? "·" : "!"} ${entry.message}`}
        </Text>
      );
    case "error":
      return (
        <Box flexDirection="column">
          <Text color="red">{`✗ ${entry.message}`}</Text>
          {entry.details ? <Text dimColor>{`  ${entry.details}`}</Text> : null}
        </Box>
      );
    case "note":
      return <Text color={NOTE_COLORS[entry.tone]}>{entry.text}</Text>;
    case "turn-end":
      return <Text color={entry.reason === "aborted" ? "yellow" : "red"}>{`■ ${TURN_ENDS[entry.reason]}${entry.message ? ` (${entry.message})` : ""}`}</Text>;
    case "expanded":
      return (
        <Box flexDirection="column" marginY={1}>
          <Text dimColor>{`┌ ${entry.title}`}</Text>
          {entry.lines.map((line, index) => (
            <Text key={index}>{`│ ${line}`}</Text>
          ))}
          <Text dimColor>{`└${entry.hiddenLines > 0 ? ` … ${entry.hiddenLines} more lines not shown` : ""}`}</Text>
        </Box>
      );
    case "report":
      return (
        <Box marginY={1}>
          <ReportView report={entry.report} />
        </Box>
      );
  }
}
