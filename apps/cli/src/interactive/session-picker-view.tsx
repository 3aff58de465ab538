import { Box, Text } from "ink";
import type { SessionListing } from "./sessions-report.js";

const HEIGHT = 10;
const PREVIEW = 60;

/** The `/resume` picker: this workspace's sessions with messages, newest first. */
export function SessionPickerView({ sessions, index }: { sessions: readonly SessionListing[]; index: number }) {
  const start = Math.max(0, Math.min(index - Math.floor(HEIGHT / 2), sessions.length - HEIGHT));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text>
        <Text bold>resume a session</Text>
        <Text dimColor>{"  ↑/↓ move · enter resumes · esc closes"}</Text>
      </Text>
      {sessions.slice(start, start + HEIGHT).map((session, offset) => {
        const selected = start + offset === index;
        const first = session.firstUserText ?? "(no prompt)";
        return (
          <Text key={session.id} color={selected ? "cyan" : undefined} wrap="truncate-end">
            {`${selected ? "›" : " "} ${first.length > PREVIEW ? `${first.slice(0, PREVIEW - 1)}…` : first}`}
            <Text dimColor>{`  ${session.messageCount} msg · ${session.model.split("/").at(-1)} @ ${session.gateway} · ${session.updatedAt.slice(0, 16).replace("T", " ")} · ${session.id}`}</Text>
          </Text>
        );
      })}
      {sessions.length > HEIGHT ? <Text dimColor>{`${start + 1}–${Math.min(sessions.length, start + HEIGHT)} of ${sessions.length}`}</Text> : null}
    </Box>
  );
}
