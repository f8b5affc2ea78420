/**
 * What a client's detail draws, worked out once so the charts and their tables show the very same
 * numbers: the weeks' stacks, the rate trend against the target, and the weekday × hour grid.
 */
import {
  AD_HOC_KINDS,
  type ClientDetail,
  type DetailWeek,
  type Money,
} from '../../../shared/rate-case.js';
import { dateTimeFormat } from '../../../shared/intl-cache.js';

/** An interrupting kind, in the order the chart stacks them. */
export type AdHocKind = (typeof AD_HOC_KINDS)[number];

/** The stacking order (bottom first). */
export const STACK_KINDS: readonly AdHocKind[] = AD_HOC_KINDS;

/** A date (YYYY-MM-DD, a whole local day) as the locale writes it short: "3 Mar" / "3. März". */
export function formatDay(date: string, locale: string): string {
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The week with the most unscheduled contacts (the first of equals); null when every week is empty. */
export function peakWeek(weeks: readonly DetailWeek[]): DetailWeek | null {
  let best: DetailWeek | null = null;
  for (const w of weeks) if (w.adHoc > 0 && (best === null || w.adHoc > best.adHoc)) best = w;
  return best;
}

/** Sum of the stacked kinds of a week: what its bar's height shows. */
export function stackTotal(week: DetailWeek): number {
  return STACK_KINDS.reduce((sum, k) => sum + week.byKind[k], 0);
}

/** The rate to hold the effective rate against: the target, else the list rate; with which it is. */
export function rateTarget(
  detail: Pick<ClientDetail, 'report'>,
): { rate: Money; source: 'target' | 'list' } | null {
  const { targetHourlyRate, hourlyRate } = detail.report;
  if (targetHourlyRate) return { rate: targetHourlyRate, source: 'target' };
  if (hourlyRate) return { rate: hourlyRate, source: 'list' };
  return null;
}

/** The weeks with an effective rate (billed time), in order. */
export function ratedWeeks(
  weeks: readonly DetailWeek[],
): Array<DetailWeek & { effectiveRate: Money }> {
  return weeks.filter((w): w is DetailWeek & { effectiveRate: Money } => w.effectiveRate !== null);
}

/** Weekday names, Monday first, in the locale ("Monday" / "Montag"). */
export function weekdayNames(locale: string, width: 'long' | 'short' = 'long'): string[] {
  const format = dateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** An hour of the day as the locale writes a clock time ("09:00" / "9 AM"). */
export function formatHour(hour: number, locale: string): string {
  return dateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, 0, 1, hour)));
}

/**
 * The hours the grid shows: the working day (08–18) widened to every hour with a contact, so an early
 * or late caller is seen and the grid stays readable.
 */
export function gridHours(rhythm: readonly (readonly number[])[]): number[] {
  let first = 8;
  let last = 18;
  rhythm.forEach((row) =>
    row.forEach((count, hour) => {
      if (count > 0) {
        first = Math.min(first, hour);
        last = Math.max(last, hour);
      }
    }),
  );
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The largest count of the grid (at least 1, to scale the shades by). */
export function gridMax(rhythm: readonly (readonly number[])[]): number {
  return Math.max(1, ...rhythm.flat());
}
