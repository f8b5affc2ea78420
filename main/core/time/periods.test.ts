import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, daysInMonth, expectIsoDate, weekdayOf } from './civil.js';
import {
  endOfMonth,
  firstDayOfMonthIndex,
  firstDayOfWeekIndex,
  isoWeekLabel,
  monthIndexOfDay,
  monthLabel,
  startOfMonth,
  startOfWeek,
  weekIndexOfDay,
} from './periods.js';

const dayNumber = fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2200, 12, 31) });

/** ISO 8601 week label by the textbook rule (ordinal day, weekday, year-end adjustments). */
function textbookIsoWeek(days: number): string {
  const { year } = civilFromDays(days);
  const isoWeekday = weekdayOf(days) + 1;
  const ordinal = days - daysFromCivil(year, 1, 1) + 1;
  const week = Math.floor((ordinal - isoWeekday + 10) / 7);
  const weeksIn = (y: number): number => {
    const p = (yy: number): number =>
      (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400)) % 7;
    return p(y) === 4 || p(y - 1) === 3 ? 53 : 52;
  };
  if (week < 1) return `${year - 1}-W${weeksIn(year - 1)}`;
  if (week > weeksIn(year)) return `${year + 1}-W01`;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

describe('weeks', () => {
  it('start on Monday or on Sunday and hold seven days', () => {
    fc.assert(
      fc.property(dayNumber, fc.constantFrom('monday' as const, 'sunday' as const), (d, start) => {
        const first = startOfWeek(d, start);
        expect(weekdayOf(first)).toBe(start === 'monday' ? 0 : 6);
        expect(d - first).toBeGreaterThanOrEqual(0);
        expect(d - first).toBeLessThan(7);
        const w = weekIndexOfDay(d, start);
        expect(firstDayOfWeekIndex(w, start)).toBe(first);
        expect(weekIndexOfDay(first + 7, start)).toBe(w + 1);
      }),
    );
  });

  it('put a Sunday in the week before for Monday starts and the week after for Sunday starts', () => {
    const sunday = expectIsoDate('2025-06-01');
    expect(startOfWeek(sunday, 'monday')).toBe(expectIsoDate('2025-05-26'));
    expect(startOfWeek(sunday, 'sunday')).toBe(sunday);
    const monday = expectIsoDate('2025-06-02');
    expect(startOfWeek(monday, 'monday')).toBe(monday);
    expect(startOfWeek(monday, 'sunday')).toBe(sunday);
    expect(startOfWeek(monday)).toBe(monday);
  });

  it('label ISO weeks as the textbook rule does', () => {
    fc.assert(
      fc.property(dayNumber, (d) => {
        expect(isoWeekLabel(weekIndexOfDay(d))).toBe(textbookIsoWeek(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('label ISO weeks, including weeks that belong to the neighbouring year', () => {
    const week = (iso: string): string => isoWeekLabel(weekIndexOfDay(expectIsoDate(iso)));
    expect(week('2025-03-03')).toBe('2025-W10'); // a Monday
    expect(week('2025-03-09')).toBe('2025-W10'); // its Sunday
    expect(week('2024-12-30')).toBe('2025-W01');
    expect(week('2021-01-03')).toBe('2020-W53');
    expect(week('2026-01-01')).toBe('2026-W01');
  });
});

describe('months', () => {
  it('start on the 1st and end on the last day, leap years included', () => {
    fc.assert(
      fc.property(dayNumber, (d) => {
        const c = civilFromDays(d);
        expect(civilFromDays(startOfMonth(d))).toEqual({ ...c, day: 1 });
        expect(civilFromDays(endOfMonth(d))).toEqual({ ...c, day: daysInMonth(c.year, c.month) });
        const m = monthIndexOfDay(d);
        expect(firstDayOfMonthIndex(m)).toBe(startOfMonth(d));
        expect(firstDayOfMonthIndex(m + 1)).toBe(endOfMonth(d) + 1);
        expect(monthLabel(m)).toBe(`${c.year}-${String(c.month).padStart(2, '0')}`);
      }),
    );
    expect(endOfMonth(expectIsoDate('2024-02-10'))).toBe(expectIsoDate('2024-02-29'));
    expect(endOfMonth(expectIsoDate('2023-02-10'))).toBe(expectIsoDate('2023-02-28'));
    expect(endOfMonth(expectIsoDate('2000-02-01'))).toBe(expectIsoDate('2000-02-29'));
    expect(endOfMonth(expectIsoDate('1900-02-01'))).toBe(expectIsoDate('1900-02-28'));
    expect(monthLabel(monthIndexOfDay(expectIsoDate('2025-12-31')))).toBe('2025-12');
  });
});
