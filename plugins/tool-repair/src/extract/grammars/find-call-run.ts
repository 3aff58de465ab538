/** Where a run of calls written without their section opener ends. */
export type CallRun = { kind: "run"; limit: number; end: number } | { kind: "incomplete" };

/** The markers of a grammar whose calls normally sit inside a section. */
export interface CallRunMarkers {
  /** Opens one call (and the run). */
  callBegin: string;
  /** Closes one call. */
  callEnd: string;
  /** Section closers that may follow the run as strays and belong to it. */
  sectionEnds: readonly string[];
}

/**
 * Reads consecutive calls from `start` (a call opener outside any section): each call ends at its
 * end marker, or where the next call begins; the run ends after the last call, taking along a
 * stray section close that follows it. `limit` is just past the last call, `end` past the run.
 * While text can still arrive, a run whose end marker or follower is only partly written is
 * "incomplete", so streamed and whole text decide the same.
 */
export function findCallRun(text: string, start: number, final: boolean, markers: CallRunMarkers): CallRun {
  const { callBegin, callEnd, sectionEnds } = markers;
  let index = start;
  for (;;) {
    const endAt = text.indexOf(callEnd, index + callBegin.length);
    const nextBegin = text.indexOf(callBegin, index + callBegin.length);
    if (endAt < 0 || (nextBegin >= 0 && nextBegin < endAt)) {
      if (nextBegin >= 0) {
        index = nextBegin;
        continue;
      }
      if (!final) return { kind: "incomplete" };
      return { kind: "run", limit: text.length, end: text.length };
    }
    let look = endAt + callEnd.length;
    while (look < text.length && /\s/.test(text.charAt(look))) look += 1;
    const rest = text.slice(look);
    if (!final && [callBegin, ...sectionEnds].some((marker) => rest.length < marker.length && marker.startsWith(rest))) {
      return { kind: "incomplete" };
    }
    if (rest.startsWith(callBegin)) {
      index = look;
      continue;
    }
    const limit = endAt + callEnd.length;
    const stray = sectionEnds.find((marker) => rest.startsWith(marker));
    return { kind: "run", limit, end: stray ? look + stray.length : limit };
  }
}
