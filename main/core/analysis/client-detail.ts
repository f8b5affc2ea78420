/**
 * One client's detail, aggregated here in the core so the dashboard draws without adding anything up:
 * the last twelve ISO weeks (unscheduled contacts by kind against billed hours, the effective rate
 * against the target) and when the client's unscheduled contacts come, by weekday and hour of day in
 * the user's zone — the basis for proposing a standing-call slot.
 */
import type { ClientAnalysis } from '../../../shared/analysis.js';
import { isAdHocContact, type Contact } from '../../../shared/ledger.js';
import { AD_HOC_KINDS, type ClientDetail, type DetailWeek } from '../../../shared/rate-case.js';
import { formatIsoDate } from '../time/civil.js';
import { parseInstant } from '../time/instant.js';
import { firstDayOfWeekIndex, isoWeekLabel, weekIndexOfDay } from '../time/periods.js';
import type { TimeZone } from '../time/zone.js';
import { localDayOf, localMinutesOf } from '../time/zoned.js';
import { toMoney } from './rate-report.js';

/** Weeks the detail chart shows. */
export const DETAIL_WEEKS = 12;

/** Per interrupting kind, one week's unscheduled contacts. */
export type WeekKinds = DetailWeek['byKind'];

/**
 * Unscheduled contacts per kind in each of the twelve weeks from ISO week index `firstWeek`, within
 * [from, to) in `zone`. Counted here from the contacts themselves, not from the analysis' per-kind
 * sums: those include calls marked scheduled, which would stack a bar above the unscheduled total.
 */
export function unscheduledByWeek(
  contacts: Iterable<Contact>,
  from: number,
  to: number,
  zone: TimeZone,
  firstWeek: number,
): WeekKinds[] {
  const weeks: WeekKinds[] = Array.from({ length: DETAIL_WEEKS }, () => ({
    call: 0,
    'missed-call': 0,
    voicemail: 0,
    'ad-hoc-meeting': 0,
  }));
  for (const c of contacts) {
    if (!isAdHocContact(c)) continue;
    const ms = parseInstant(c.at);
    if (!(ms >= from && ms < to)) continue;
    const week = weeks[weekIndexOfDay(localDayOf(ms, zone)) - firstWeek];
    const kind = c.kind as keyof WeekKinds;
    if (week && kind in week) week[kind]++;
  }
  return weeks;
}

/**
 * The twelve weeks from ISO week index `firstWeek`, as the chart plots them (empty weeks as zeros);
 * `kinds` gives each week's unscheduled contacts per kind (see unscheduledByWeek).
 */
export function detailWeeks(
  a: ClientAnalysis,
  firstWeek: number,
  kinds: readonly WeekKinds[],
): DetailWeek[] {
  const byStart = new Map(a.weeks.map((w) => [w.start, w]));
  const out: DetailWeek[] = [];
  for (let i = 0; i < DETAIL_WEEKS; i++) {
    const monday = firstDayOfWeekIndex(firstWeek + i);
    const w = byStart.get(formatIsoDate(monday));
    out.push({
      key: w?.key ?? isoWeekLabel(firstWeek + i),
      start: formatIsoDate(monday),
      end: formatIsoDate(monday + 6),
      byKind: Object.fromEntries(
        AD_HOC_KINDS.map((k) => [k, kinds[i]?.[k] ?? 0]),
      ) as DetailWeek['byKind'],
      adHoc: w?.adHoc ?? 0,
      allowance: w?.allowance ?? a.weeklyAllowance,
      billedHours: Math.round(((w?.billedMinutes ?? 0) / 60) * 100) / 100,
      effectiveRate:
        w === undefined || w.effectiveRateMinor === null
          ? null
          : toMoney(w.effectiveRateMinor, a.currency),
    });
  }
  return out;
}

/**
 * Unscheduled contacts of `contacts` within [from, to) counted by weekday (0 = Monday) × hour of day,
 * in `zone`. Contacts marked scheduled do not count: they are not the problem.
 */
export function contactRhythm(
  contacts: Iterable<Contact>,
  from: number,
  to: number,
  zone: TimeZone,
): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const c of contacts) {
    if (!isAdHocContact(c)) continue;
    const ms = parseInstant(c.at);
    if (!(ms >= from && ms < to)) continue;
    const day = localDayOf(ms, zone);
    // 1970-01-01 (day 0) was a Thursday: Monday-based weekday is (day + 3) mod 7.
    const weekday = (((day + 3) % 7) + 7) % 7;
    const hour = Math.floor(localMinutesOf(ms, zone) / 60);
    const row = grid[weekday];
    if (row && hour >= 0 && hour < 24) row[hour] = (row[hour] ?? 0) + 1;
  }
  return grid;
}

/** The busiest weekday and hour of a rhythm grid, when it has any contact. */
export function busiestSlot(grid: readonly (readonly number[])[]): ClientDetail['busiest'] {
  let best: ClientDetail['busiest'] = null;
  grid.forEach((row, weekday) =>
    row.forEach((count, hour) => {
      if (count > 0 && (best === null || count > best.count)) best = { weekday, hour, count };
    }),
  );
  return best;
}
