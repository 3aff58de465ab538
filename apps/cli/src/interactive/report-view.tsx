import { Box, Text } from "ink";
import { formatReportTable, type Report, type RowTone } from "./report.js";

const TONES: Readonly<Record<RowTone | "header", { color?: string; dimColor?: boolean; bold?: boolean }>> = {
  header: { dimColor: true },
  normal: {},
  dim: { dimColor: true },
  current: { color: "green" },
  warn: { color: "yellow" },
  error: { color: "red" },
};

/** A slash command's report: bold title, aligned table, dim notes. */
export function ReportView({ report }: { report: Report }) {
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Text bold>{report.title}</Text>
      {formatReportTable(report).map((line, index) => (
        <Text key={index} {...TONES[line.tone]} wrap="truncate-end">
          {`  ${line.text}`}
        </Text>
      ))}
      {(report.notes ?? []).map((line, index) => (
        <Text key={`note-${index}`} dimColor>
          {`  ${line}`}
        </Text>
      ))}
    </Box>
  );
}
