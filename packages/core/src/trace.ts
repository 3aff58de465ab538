/** One tap call, timed. */
export interface TraceRecord {
  hook: string;
  plugin: string;
  tap: string;
  milliseconds: number;
}

/** Per hook and plugin: how often taps ran and how long they took. */
export interface TraceSummaryRow {
  hook: string;
  plugin: string;
  calls: number;
  totalMilliseconds: number;
  maxMilliseconds: number;
}

/** Collects tap timings when `--trace` is on. Off by default: untraced taps pay nothing. */
export class TraceRecorder {
  readonly records: TraceRecord[] = [];

  record(entry: TraceRecord): void {
    this.records.push(entry);
  }

  summary(): TraceSummaryRow[] {
    const rows = new Map<string, TraceSummaryRow>();
    for (const record of this.records) {
      const key = `${record.hook}\u0000${record.plugin}`;
      const row = rows.get(key) ?? { hook: record.hook, plugin: record.plugin, calls: 0, totalMilliseconds: 0, maxMilliseconds: 0 };
      row.calls += 1;
      row.totalMilliseconds += record.milliseconds;
      row.maxMilliseconds = Math.max(row.maxMilliseconds, record.milliseconds);
      rows.set(key, row);
    }
    return [...rows.values()].sort((a, b) => b.totalMilliseconds - a.totalMilliseconds);
  }

  /** A plain-text table for the end of a traced run. */
  format(): string {
    const lines = ["hook            plugin              calls   total ms     max ms"];
    for (const row of this.summary()) {
      lines.push(
        `${row.hook.padEnd(16)}${row.plugin.padEnd(20)}${String(row.calls).padStart(5)}${row.totalMilliseconds.toFixed(3).padStart(11)}${row.maxMilliseconds.toFixed(3).padStart(11)}`,
      );
    }
    return lines.join("\n");
  }
}
