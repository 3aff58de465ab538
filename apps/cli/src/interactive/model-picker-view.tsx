import { Box, Text } from "ink";
import { formatTokens } from "@bridle/core";
import { type ModelPickerState, visibleChoices } from "./model-picker-state.js";

const HEIGHT = 10;

/** The `/model` picker: a filterable list of model @ gateway with each window. */
export function ModelPickerView({ picker }: { picker: ModelPickerState }) {
  const { start, choices, total } = visibleChoices(picker, HEIGHT);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text>
        <Text bold>switch model</Text>
        <Text dimColor>{`  ↑/↓ move · enter switches · esc closes · type to filter${picker.filter ? `: ${picker.filter}` : ""}`}</Text>
      </Text>
      {total === 0 ? <Text dimColor>no model matches; esc closes, or type /model {"<model>"} [gateway]</Text> : null}
      {choices.map((choice, offset) => {
        const selected = start + offset === picker.index;
        return (
          <Text key={`${choice.model}@${choice.gateway}`} color={selected ? "cyan" : undefined} wrap="truncate-end">
            {`${selected ? "›" : " "} ${choice.current ? "●" : " "} ${choice.model} @ ${choice.gateway}`}
            <Text dimColor>{`  ${formatTokens(choice.contextWindow)}${choice.source === "default" ? " (assumed)" : choice.source === "registry" ? "" : ` (${choice.source})`}`}</Text>
          </Text>
        );
      })}
      {picker.choices.length === 1 ? <Text dimColor>{"the model registry lists no other model for the usable gateways; type /model <model> [gateway]"}</Text> : null}
      {total > HEIGHT ? <Text dimColor>{`${start + 1}–${Math.min(total, start + HEIGHT)} of ${total}`}</Text> : null}
    </Box>
  );
}
