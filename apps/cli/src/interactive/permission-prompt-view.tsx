import { Box, Text } from "ink";
import type { InputLine } from "./input-line.js";
import { InputLineView } from "./input-line-view.js";
import type { PermissionView } from "./screen-state.js";

/**
 * The permission question for a tool call, answered with one key: y, a or n. What a write or an
 * edit would change is shown first; after `n`, a line asks what the agent should do instead.
 */
export function PermissionPromptView({ view, feedback }: { view: PermissionView; feedback: InputLine | undefined }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      {/* The call and the answers wrap rather than lose their end on a narrow terminal. */}
      <Text>
        <Text color="yellow" bold>
          {"allow "}
        </Text>
        <Text bold>{view.call}</Text>
        <Text dimColor>{`  (${view.reason})`}</Text>
      </Text>
      {view.detail ? <Text dimColor>{view.detail}</Text> : null}
      {view.preview?.map((line, index) => (
        <Text key={index} wrap="truncate-end" color={line.startsWith("+") ? "green" : line.startsWith("-") ? "red" : undefined} dimColor={line.startsWith("…")}>
          {`  ${line}`}
        </Text>
      ))}
      {feedback ? (
        <Box flexDirection="column">
          <Text>
            <Text color="red" bold>
              declined.
            </Text>
            {" tell the agent what to do instead (enter sends; enter on an empty line or esc just declines):"}
          </Text>
          <InputLineView line={feedback} dim={false} placeholder=" e.g. use the existing helper instead" />
        </Box>
      ) : (
        <Text>
          <Text color="green" bold>
            [y]
          </Text>
          es{"   "}
          <Text color="cyan" bold>
            [a]
          </Text>
          {`lways: ${view.always}, this session   `}
          <Text color="red" bold>
            [n]
          </Text>
          o, and say what instead
        </Text>
      )}
    </Box>
  );
}
