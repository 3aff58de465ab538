import { Box, Text } from "ink";
import type { InputLine } from "./input-line.js";

/** The prompt: `›` and the text with an inverse-video cursor; dim while a turn runs. */
export function InputLineView({ line, dim, placeholder }: { line: InputLine; dim: boolean; placeholder: string }) {
  const before = line.text.slice(0, line.cursor);
  const at = line.text.slice(line.cursor, line.cursor + 1);
  const after = line.text.slice(line.cursor + 1);
  return (
    <Box>
      <Text color={dim ? "gray" : "cyan"} bold>
        {"› "}
      </Text>
      {line.text === "" ? (
        <Text>
          <Text inverse> </Text>
          <Text dimColor>{placeholder}</Text>
        </Text>
      ) : (
        <Text>
          {before}
          {/* A line break under the cursor is drawn as a space so the cursor stays visible. */}
          <Text inverse>{at === "" || at === "\n" ? " " : at}</Text>
          {at === "\n" ? "\n" : ""}
          {after}
        </Text>
      )}
    </Box>
  );
}
