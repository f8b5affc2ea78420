/** The JSON shape of the shared ICS corpus (and of `office-hours expand`): one row per occurrence. */
import type { ExpandedEvent } from './types.js';

/** One occurrence as the corpus writes it. */
export interface CorpusRow {
  /** null when the calendar gave the event no UID. */
  uid: string | null;
  /** Timed: UTC ISO with milliseconds. All-day: YYYY-MM-DD. */
  start: string;
  /** Timed: UTC ISO with milliseconds. All-day: YYYY-MM-DD, exclusive. */
  end: string;
  allDay: boolean;
  summary: string;
}

/** Code-point order, as the corpus (written by Python) sorts strings; JS `<` compares UTF-16 units. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Rows for `events`, sorted by start, uid, end, summary as strings, exactly as the corpus does. */
export function toCorpusJson(events: ExpandedEvent[]): CorpusRow[] {
  const rows: CorpusRow[] = events.map((e) => ({
    uid: e.uidGenerated ? null : e.uid,
    start: e.allDay && e.startDate ? e.startDate : new Date(e.start).toISOString(),
    end: e.allDay && e.endDate ? e.endDate : new Date(e.end).toISOString(),
    allDay: e.allDay,
    summary: e.summary,
  }));
  rows.sort(
    (a, b) =>
      compareStrings(a.start, b.start) ||
      compareStrings(a.uid ?? '', b.uid ?? '') ||
      compareStrings(a.end, b.end) ||
      compareStrings(a.summary, b.summary),
  );
  return rows;
}
