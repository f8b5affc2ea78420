/**
 * What the calendar benchmark measures, each as one operation on a calendar file: the floor, node-ical,
 * our engine (in-thread and in the worker). Parts that still throw (the engine before it lands) are
 * reported with a reason instead of an operation, so the benchmark runs at every stage of the project.
 */
import ical from 'node-ical';
import { expandIcs } from '../main/core/calendar/expand.js';
import { type ParseLimits, parseInWorker } from '../main/core/calendar/parse-pool.js';
import type { ExpandOptions } from '../main/core/calendar/types.js';

/** A generated calendar on disk and in memory. */
export interface CalendarFile {
  events: number;
  path: string;
  text: string;
  bytes: number;
}

/** One thing to time on a calendar file. */
export interface Operation {
  key: string;
  label: string;
  /** False when it reads the file itself (the memory child then does not hold the text either). */
  usesText: boolean;
  run: (file: CalendarFile) => unknown;
}

/** An operation, or why it cannot run yet. */
export type Availability = { op: Operation } | { key: string; label: string; reason: string };

const DAY = 86_400_000;

/**
 * Parse limits for the benchmark: the app's memory cap, but a longer wall time, so a 50k calendar on a
 * machine busy with other work is measured slow rather than cut off at the app's 20 s.
 */
export const BENCH_LIMITS: ParseLimits = { timeoutMs: 180_000 };

/** The sync window of the app: now−35 days … now+60 days, in the viewer zone. */
export function syncWindow(now: number, tz = 'Europe/Berlin'): ExpandOptions {
  return { from: now - 35 * DAY, to: now + 60 * DAY, tz, sourceName: 'bench' };
}

/**
 * The floor: the least any ICS reader must do — find the line breaks (CRLF or LF) and join folded
 * continuation lines (a leading space or tab) onto the line before. One indexOf scan, no regex.
 */
export function unfoldLines(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let pending: string | undefined;
  let start = 0;
  while (start < n) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = n;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const c = text.charCodeAt(start);
    if ((c === 32 || c === 9) && pending !== undefined) pending += text.slice(start + 1, end);
    else {
      if (pending !== undefined) out.push(pending);
      pending = end > start ? text.slice(start, end) : undefined;
    }
    start = nl + 1;
  }
  if (pending !== undefined) out.push(pending);
  return out;
}

/** A one-event calendar: probes whether a part works, and warms it up where a cold start should not count. */
export const PROBE_CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//bench//probe//EN',
  'BEGIN:VEVENT',
  'UID:probe@bench',
  'DTSTAMP:20250101T000000Z',
  'DTSTART:20250102T100000Z',
  'DTEND:20250102T110000Z',
  'SUMMARY:probe',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** Why a part cannot be measured, or undefined when it works on a one-event calendar. */
async function probe(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The operations timed side by side, each probed first. */
export async function calendarOperations(window: ExpandOptions): Promise<Availability[]> {
  const probeWindow: ExpandOptions = {
    from: Date.UTC(2025, 0, 1),
    to: Date.UTC(2025, 1, 1),
    tz: window.tz,
  };
  const expandReason = await probe(() => expandIcs(PROBE_CALENDAR, probeWindow));
  const workerReason =
    expandReason ?? (await probe(() => parseInWorker(PROBE_CALENDAR, probeWindow)));
  const ops: Operation[] = [
    {
      key: 'floor',
      label: 'floor: split + unfold lines',
      usesText: true,
      run: (f) => unfoldLines(f.text),
    },
    {
      key: 'node-ical',
      label: 'node-ical sync.parseICS (no expansion)',
      usesText: true,
      run: (f) => ical.sync.parseICS(f.text),
    },
    {
      key: 'expand',
      label: 'expandIcs (main thread)',
      usesText: true,
      run: (f) => expandIcs(f.text, window),
    },
    {
      key: 'worker-text',
      label: 'parseInWorker(text)',
      usesText: true,
      run: (f) => parseInWorker(f.text, window, BENCH_LIMITS),
    },
    {
      key: 'worker-file',
      label: 'parseInWorker({file})',
      usesText: false,
      run: (f) => parseInWorker({ file: f.path }, window, BENCH_LIMITS),
    },
  ];
  const named = (name: string, reason: string | undefined): string | undefined =>
    reason === undefined || reason.includes(name) ? reason : `${name}: ${reason}`;
  const reasons: Record<string, string | undefined> = {
    expand: named('expandIcs', expandReason),
    'worker-text': named('parseInWorker', workerReason),
    'worker-file': named('parseInWorker', workerReason),
  };
  return ops.map((op) => {
    const reason = reasons[op.key];
    return reason === undefined ? { op } : { key: op.key, label: op.label, reason };
  });
}
