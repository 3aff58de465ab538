import { Box, Text } from "ink";
import { compactDiff } from "./compact-diff.js";

const COLORS = { add: "green", remove: "red", hunk: "cyan", context: undefined } as const;

/** An edit's diff, compact and colored, indented under its tool line. */
export function DiffView({ diff }: { diff: string }) {
  const { lines, hidden } = compactDiff(diff);
  return (
    <Box flexDirection="column" paddingLeft={4}>
      {lines.map((line, index) => (
        <Text key={index} color={COLORS[line.kind]} dimColor={line.kind === "context" || line.kind === "hunk"} wrap="truncate-end">
          {line.text === "" ? " " : line.text}
        </Text>
      ))}
      {hidden > 0 ? <Text dimColor>… {hidden} more diff lines</Text> : null}
    </Box>
  );
}
