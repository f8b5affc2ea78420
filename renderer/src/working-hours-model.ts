/** Pure edits and checks of working hours for the editor (days: 0 = Sunday … 6 = Saturday). */
import type { WorkingHours, WorkingPeriod } from '../../shared/domain.js';

/** Most periods per day the contract accepts. */
export const MAX_PERIODS = 4;

/** Weekday indexes in the order the editor lists them: Monday first, Sunday last. */
export const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** The weekday's name in `locale` (index 0 = Sunday). */
export function weekdayName(day: number, locale?: string): string {
  // 2024-01-07 was a Sunday; noon UTC keeps the date the same in every zone.
  const date = new Date(Date.UTC(2024, 0, 7 + day, 12));
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

function withDay(hours: WorkingHours, day: number, periods: WorkingPeriod[]): WorkingHours {
  return { ...hours, days: hours.days.map((p, i) => (i === day ? periods : p)) };
}

/** `hours` with a new period on `day` (after the last one, or 09:00–17:00), unless the day is full. */
export function addPeriod(hours: WorkingHours, day: number): WorkingHours {
  const periods = hours.days[day] ?? [];
  if (periods.length >= MAX_PERIODS) return hours;
  const last = periods.at(-1);
  const next: WorkingPeriod = last
    ? { start: last.end, end: last.end < '23:00' ? '23:59' : last.end }
    : { start: '09:00', end: '17:00' };
  return withDay(hours, day, [...periods, next]);
}

/** `hours` without period `index` of `day`. */
export function removePeriod(hours: WorkingHours, day: number, index: number): WorkingHours {
  return withDay(
    hours,
    day,
    (hours.days[day] ?? []).filter((_, i) => i !== index),
  );
}

/** `hours` with one field of one period changed. */
export function updatePeriod(
  hours: WorkingHours,
  day: number,
  index: number,
  field: keyof WorkingPeriod,
  value: string,
): WorkingHours {
  return withDay(
    hours,
    day,
    (hours.days[day] ?? []).map((p, i) => (i === index ? { ...p, [field]: value } : p)),
  );
}

/** `hours` with Monday's periods copied to Tuesday–Friday. */
export function copyMondayToWeekdays(hours: WorkingHours): WorkingHours {
  const monday = hours.days[1] ?? [];
  return {
    ...hours,
    days: hours.days.map((p, i) => (i >= 2 && i <= 5 ? monday.map((m) => ({ ...m })) : p)),
  };
}

/** True when `tz` is an IANA zone this browser knows. */
export function isKnownTimeZone(tz: string): boolean {
  if (tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Problems with `hours`, keyed "tz" or "day-index" (e.g. "1-0"); empty when it can be saved. */
export function validateWorkingHours(hours: WorkingHours): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isKnownTimeZone(hours.tz))
    errors.tz = `"${hours.tz}" is not a time zone this computer knows (try Europe/Berlin).`;
  hours.days.forEach((periods, day) =>
    periods.forEach((p, i) => {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(p.start) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(p.end)) {
        errors[`${day}-${i}`] = 'Enter both times as HH:MM.';
      } else if (p.start === p.end && p.start !== '00:00') {
        errors[`${day}-${i}`] = 'Start and end are the same.';
      }
    }),
  );
  return errors;
}
