/** A wait in words ("1.5 s", "10 min"), and the clock time it ends, for messages. */
export function formatWait(milliseconds: number, now: number): string {
  const seconds = milliseconds / 1000;
  const span = seconds < 90 ? `${Number(seconds.toFixed(1))} s` : seconds < 5400 ? `${Math.round(seconds / 60)} min` : `${Number((seconds / 3600).toFixed(1))} h`;
  const at = new Date(now + milliseconds).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  return `${span} (at ${at})`;
}
