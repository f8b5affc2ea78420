/**
 * Working hours as local wall-clock periods per weekday, turned into UTC instants for a range.
 * Each period is placed by its local date and time, so a 09:00 start stays 09:00 on both sides of a
 * daylight-saving change (the UTC instant moves instead).
 */
import type { WorkingHours, WorkingPeriod } from '../../../shared/domain.js';
import { weekdayOf } from '../time/civil.js';
import { assertTimeZone, timeZone } from '../time/zone.js';
import { localDayOf, localToUtc } from '../time/zoned.js';

/** A half-open stretch of time [start, end) in epoch ms. */
export interface Interval {
  start: number;
  end: number;
}

/** Monday to Friday, 09:00–17:00 in `tz`. */
export function defaultWorkingHours(tz: string): WorkingHours {
  const weekday = (): WorkingPeriod[] => [{ start: '09:00', end: '17:00' }];
  return { tz, days: [[], weekday(), weekday(), weekday(), weekday(), weekday(), []] };
}

/** "HH:MM" (00:00–24:00) → minutes since midnight; throws a RangeError for anything else. */
export function parseClock(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (m === null || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`not a time of day (HH:MM): ${text}`);
  }
  return hours * 60 + minutes;
}

/** Problems with a working-hours setting, in plain words; empty when it is usable. */
export function validateWorkingHours(hours: WorkingHours): string[] {
  const problems: string[] = [];
  try {
    assertTimeZone(hours.tz, 'tz');
  } catch (err) {
    problems.push((err as Error).message);
  }
  if (hours.days.length !== 7) problems.push(`expected 7 weekdays, got ${hours.days.length}`);
  hours.days.forEach((periods, day) => {
    for (const p of periods) {
      for (const t of [p.start, p.end]) {
        try {
          parseClock(t);
        } catch (err) {
          problems.push(`day ${day}: ${(err as Error).message}`);
        }
      }
      if (p.start === '24:00') problems.push(`day ${day}: a period cannot start at 24:00`);
    }
  });
  return problems;
}

/** Sorts and merges overlapping or touching intervals (in place on a copy). */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/**
 * The working time within [from, to) as sorted, merged UTC intervals. A period whose end is at or
 * before its start runs past midnight into the next day (Fri 22:00–06:00 ends Sat 06:00), so the
 * day before `from` is looked at too.
 */
export function workingIntervals(hours: WorkingHours, from: number, to: number): Interval[] {
  if (!(to > from)) return [];
  const parsed = hours.days.map((periods) =>
    periods.map((p) => ({ start: parseClock(p.start), end: parseClock(p.end) })),
  );
  const zone = timeZone(hours.tz);
  const last = localDayOf(to, zone);
  const found: Interval[] = [];
  for (let day = localDayOf(from, zone) - 1; day <= last; day++) {
    // WorkingHours.days starts on Sunday; weekdayOf counts from Monday.
    for (const p of parsed[(weekdayOf(day) + 1) % 7] ?? []) {
      const start = localToUtc(day, p.start, zone);
      const end = p.end > p.start ? localToUtc(day, p.end, zone) : localToUtc(day + 1, p.end, zone);
      const s = Math.max(start, from);
      const e = Math.min(end, to);
      if (e > s) found.push({ start: s, end: e });
    }
  }
  return mergeIntervals(found);
}
