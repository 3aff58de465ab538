import { Box, Text } from "ink";
import { DiffView } from "./diff-view.js";

/** Props of {@link ToolEntryView}. */
export interface ToolEntryProps {
  /** `edit src/a.ts` */
  call: string;
  /** undefined while the call runs. */
  ok: boolean | undefined;
  result: string | undefined;
  diff: string | undefined;
  repairs: readonly string[];
}

/** A tool call in one line, then its ✓/✗ result line and, for edits, a compact diff. */
export function ToolEntryView({ call, ok, result, diff, repairs }: ToolEntryProps) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color="cyan">• </Text>
        <Text bold>{call}</Text>
        {repairs.length > 0 ? <Text dimColor>{`  (repaired: ${repairs.join(", ")})`}</Text> : null}
        {ok === undefined ? <Text dimColor> …</Text> : null}
      </Text>
      {ok === undefined ? null : (
        <Text wrap="truncate-end">
          {"  "}
          <Text color={ok ? "green" : "red"}>{ok ? "✓" : "✗"}</Text>
          {result ? <Text dimColor={ok}>{` ${result}`}</Text> : null}
        </Text>
      )}
      {ok && diff ? <DiffView diff={diff} /> : null}
    </Box>
  );
}
