/**
 * A report's period week by week for one client: unscheduled contacts per Monday-to-Sunday week
 * against the allowance, the weeks at the period's ends clipped to it, by the same rules as the
 * period's own numbers (allowanceFor; an unfinished last week counts in full when the period has not
 * ended).
 */
import type { PeriodWeek } from '../../../shared/rate-case.js';
import { formatIsoDate } from '../time/civil.js';
import { firstDayOfWeekIndex, weekIndexOfDay } from '../time/periods.js';
import { allowanceDays, allowanceFor } from './period-stats.js';

/** The period's days, its allowance and whether it runs on past today. */
export interface PeriodWeeksInput {
  /** First and last local day (day numbers) of the period, both inside it. */
  firstDay: number;
  lastDay: number;
  weeklyAllowance: number;
  /** The period has not ended: its last week's days still to come count toward the allowance. */
  openEnded: boolean;
}

/**
 * The period's weeks, given the local day (day number) of each unscheduled contact; days outside
 * [firstDay, lastDay] are left out. Empty when lastDay < firstDay.
 */
export function periodWeeks(adHocDays: Iterable<number>, p: PeriodWeeksInput): PeriodWeek[] {
  if (p.lastDay < p.firstDay) return [];
  const firstWeek = weekIndexOfDay(p.firstDay);
  const lastWeek = weekIndexOfDay(p.lastDay);
  const counts = new Array<number>(lastWeek - firstWeek + 1).fill(0);
  for (const day of adHocDays) {
    if (day < p.firstDay || day > p.lastDay) continue;
    const i = weekIndexOfDay(day) - firstWeek;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts.map((adHoc, i) => {
    const monday = firstDayOfWeekIndex(firstWeek + i);
    const start = Math.max(monday, p.firstDay);
    const end = Math.min(monday + 6, p.lastDay);
    const days = end - start + 1;
    const last = i === counts.length - 1;
    const allowance = allowanceFor(
      p.weeklyAllowance,
      allowanceDays(start, end, last && p.openEnded),
    );
    return { monday: formatIsoDate(monday), days, adHoc, allowance, over: adHoc > allowance };
  });
}
