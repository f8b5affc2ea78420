/**
 * Weeks and months as numbered periods of day numbers, for grouping (the analysis' per-week and
 * per-month rows) and for boundaries (the first day of the week or month holding a day). Weeks start
 * on Monday (ISO 8601) unless the user's week starts on Sunday.
 */
import { civilFromDays, daysFromCivil, daysInMonth } from './civil.js';

/** The day a user's week starts on. */
export type WeekStart = 'monday' | 'sunday';

/** Index of the week holding a day; week 0 starts on 1969-12-29 (a Monday) or 1969-12-28 (a Sunday). */
export function weekIndexOfDay(days: number, start: WeekStart = 'monday'): number {
  return Math.floor((days + (start === 'monday' ? 3 : 4)) / 7);
}

/** The first day (a Monday, or a Sunday) of a week index. */
export function firstDayOfWeekIndex(week: number, start: WeekStart = 'monday'): number {
  return week * 7 - (start === 'monday' ? 3 : 4);
}

/** The first day of the week holding `days`. */
export function startOfWeek(days: number, start: WeekStart = 'monday'): number {
  return firstDayOfWeekIndex(weekIndexOfDay(days, start), start);
}

/** ISO 8601 week label of a Monday-based week index, e.g. "2024-W05" (the year of its Thursday). */
export function isoWeekLabel(week: number): string {
  const thursday = firstDayOfWeekIndex(week) + 3;
  const { year } = civilFromDays(thursday);
  const n = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** Month index (year × 12 + month − 1) of a day number. */
export function monthIndexOfDay(days: number): number {
  const { year, month } = civilFromDays(days);
  return year * 12 + month - 1;
}

/** First day number of a month index. */
export function firstDayOfMonthIndex(month: number): number {
  const year = Math.floor(month / 12);
  return daysFromCivil(year, month - year * 12 + 1, 1);
}

/** "YYYY-MM" label of a month index. */
export function monthLabel(month: number): string {
  const year = Math.floor(month / 12);
  return `${year}-${String(month - year * 12 + 1).padStart(2, '0')}`;
}

/** The first day of the month holding `days`. */
export function startOfMonth(days: number): number {
  const { year, month } = civilFromDays(days);
  return daysFromCivil(year, month, 1);
}

/** The last day of the month holding `days`. */
export function endOfMonth(days: number): number {
  const { year, month } = civilFromDays(days);
  return daysFromCivil(year, month, daysInMonth(year, month));
}
