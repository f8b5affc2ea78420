/**
 * The occurrences of one master event: DTSTART, its RRULEs and RDATEs, less its EXDATEs, each placed
 * in the zone of DTSTART (wall-clock recurrence, so 09:00 stays 09:00 across DST) and kept only when
 * it overlaps the window. Overrides are the caller's business.
 */
import { DAY_MS } from '../time/civil.js';
import type { RawProp } from './ics-parse.js';
import { parseDateList, type RdateEntry } from './ics-values.js';
import {
  type ExpandContext,
  endUtcOf,
  type PreparedEvent,
  type Resolved,
  resolveBeside,
} from './prepare-event.js';
import type { RecurrenceRule } from './rrule.js';
import { RruleIterator } from './rrule-iterator.js';

/** Most occurrences one series may put into a window before it is cut off with a warning. */
export const MAX_OCCURRENCES_PER_SERIES = 50_000;

/** Called for each occurrence in the window: wall start in the master's zone, start and end instants. */
export type OccurrenceSink = (
  local: number,
  startUtc: number,
  endUtc: number,
  allDay: boolean,
) => void;

/** True when [start, end) is in the window (a zero-length occurrence when from <= start < to). */
export function inWindow(start: number, end: number, from: number, to: number): boolean {
  return end === start ? start >= from && start < to : start < to && end > from;
}

/** Expands `master` and hands each in-window occurrence to `sink`. */
export function expandSeries(
  ctx: ExpandContext,
  master: PreparedEvent,
  sink: OccurrenceSink,
): void {
  const start = master.start;
  const allDay = start.allDay;
  const zone = start.zone;
  const excluded = exdateKeys(ctx, master);
  const seen = new Set<number>();
  let emitted = 0;
  let stopped = false;
  const consider = (local: number, utc: number, endUtc: number): void => {
    if (stopped || !inWindow(utc, endUtc, ctx.from, ctx.to)) return;
    const key = allDay ? local : utc;
    if (seen.has(key)) return;
    seen.add(key);
    if (excluded.has(key)) return;
    if (++emitted > MAX_OCCURRENCES_PER_SERIES) {
      stopped = true;
      ctx.warnings.push({
        line: master.raw.line,
        message: `more than ${MAX_OCCURRENCES_PER_SERIES} occurrences in the window: the rest left out`,
        ...uidOf(master),
      });
      return;
    }
    sink(local, utc, endUtc, allDay);
  };

  consider(start.local, start.utc, endUtcOf(start, master.end, start.local, start.utc));

  const span = 'exact' in master.end ? master.end.exact : master.end.days * DAY_MS + master.end.ms;
  for (const rule of master.rules) {
    const pastUntil = untilTest(rule, start);
    const it = new RruleIterator(rule, start.local, {
      skipBefore: ctx.from - span - 2 * DAY_MS,
      stopAfter: ctx.to + 2 * DAY_MS,
      maxOccurrences: 1_000_000,
      maxSteps: 1_000_000,
    });
    for (let local = it.next(); !Number.isNaN(local) && !stopped; local = it.next()) {
      const utc = zone.toUtc(local);
      if (pastUntil && pastUntil(local, utc)) break;
      consider(local, utc, endUtcOf(start, master.end, local, utc));
    }
    if (it.capped) {
      ctx.warnings.push({
        line: master.raw.line,
        message: 'recurrence rule too dense: expansion stopped at a safety limit',
        ...uidOf(master),
      });
    }
  }

  for (const { entry, at, line } of masterDates(ctx, master, master.raw.rdate, 'RDATE')) {
    let endUtc: number;
    if (entry.end) {
      const end = onMasterLine(ctx, master, resolveBeside(ctx, master.start, entry.end, line));
      endUtc = Math.max(end.utc, at.utc);
    } else if (entry.duration) {
      endUtc = endUtcOf(
        start,
        { days: entry.duration.days, ms: entry.duration.ms },
        at.local,
        at.utc,
      );
    } else endUtc = endUtcOf(start, master.end, at.local, at.utc);
    consider(at.local, at.utc, endUtc);
  }
}

function uidOf(p: PreparedEvent): { uid?: string } {
  return p.uid === undefined ? {} : { uid: p.uid };
}

/** A time moved onto the master's footing: dates for all-day series, the master's zone otherwise. */
function onMasterLine(
  ctx: ExpandContext,
  master: PreparedEvent,
  r: Resolved,
): { local: number; utc: number } {
  const start = master.start;
  if (start.allDay) {
    const local = Math.floor(r.local / DAY_MS) * DAY_MS;
    return { local, utc: ctx.viewer.toUtc(local) };
  }
  if (r.allDay) return { local: r.local, utc: start.zone.toUtc(r.local) };
  if (r.zone === start.zone) return { local: r.local, utc: r.utc };
  return { local: r.utc + start.zone.offsetAt(r.utc), utc: r.utc };
}

/**
 * The dates of a master's RDATE or EXDATE lines, each moved onto the master's footing; a line's bad
 * values become one warning naming that line.
 */
function* masterDates(
  ctx: ExpandContext,
  master: PreparedEvent,
  props: readonly RawProp[],
  name: 'RDATE' | 'EXDATE',
): Generator<{ entry: RdateEntry; at: { local: number; utc: number }; line: number }> {
  for (const prop of props) {
    const { entries, bad } = parseDateList(prop);
    if (bad > 0)
      ctx.warnings.push({
        line: prop.line,
        message: `${bad} bad ${name} value(s) ignored`,
        ...uidOf(master),
      });
    for (const entry of entries) {
      yield {
        entry,
        line: prop.line,
        at: onMasterLine(ctx, master, resolveBeside(ctx, master.start, entry.start, prop.line)),
      };
    }
  }
}

/** The keys (instant, or midnight for all-day series) that EXDATE removes. */
function exdateKeys(ctx: ExpandContext, master: PreparedEvent): Set<number> {
  const keys = new Set<number>();
  for (const { at } of masterDates(ctx, master, master.raw.exdate, 'EXDATE')) {
    keys.add(master.start.allDay ? at.local : at.utc);
  }
  return keys;
}

/**
 * The UNTIL test of a rule, read the way calendar servers in the wild mean it: for all-day series by
 * date; for floating series as a wall time; otherwise as an instant, a value without Z being read as
 * UTC and a date as its midnight UTC (the reading of the reference implementations).
 */
function untilTest(
  rule: RecurrenceRule,
  start: Resolved,
): ((local: number, utc: number) => boolean) | undefined {
  const until = rule.until;
  if (!until) return undefined;
  if (start.allDay) {
    const lastDay = Math.floor(until.local / DAY_MS) * DAY_MS;
    return (local) => local > lastDay;
  }
  if (start.floating) return (local) => local > until.local;
  return (_local, utc) => utc > until.local;
}
