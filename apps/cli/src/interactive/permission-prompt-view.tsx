import { Box, Text } from "ink";
import type { PermissionView } from "./screen-state.js";

/** The permission question for a tool call, answered with one key: y, a or n. */
export function PermissionPromptView({ view }: { view: PermissionView }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text wrap="truncate-end">
        <Text color="yellow" bold>
          {"allow "}
        </Text>
        <Text bold>{view.call}</Text>
        <Text dimColor>{`  (${view.reason})`}</Text>
      </Text>
      {view.detail ? <Text dimColor>{view.detail}</Text> : null}
      <Text>
        <Text color="green" bold>
          [y]
        </Text>
        es{"   "}
        <Text color="cyan" bold>
          [a]
        </Text>
        {`lways (${view.kind === "execute" ? "commands" : view.kind === "edit" ? "edits" : "this tool"} this session)   `}
        <Text color="red" bold>
          [n]
        </Text>
        o
      </Text>
    </Box>
  );
}
