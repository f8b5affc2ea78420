import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  expectIsoDate,
  formatIsoDate,
  isLeapYear,
  isValidCivil,
  parseIsoDate,
  weekdayOf,
} from './civil.js';
import { parseInstant } from './instant.js';

/** Day numbers from year 1 to 9999 (Date's own range for four-digit years). */
const dayNumber = fc.integer({ min: daysFromCivil(1, 1, 1), max: daysFromCivil(9999, 12, 31) });
/** Date's reading of a day number, as the oracle. */
const dateOf = (days: number): Date => new Date(days * 86_400_000);

describe('civil days against Date', () => {
  it('round-trip with Date for any day from year 1 to 9999', () => {
    fc.assert(
      fc.property(dayNumber, (days) => {
        const d = dateOf(days);
        const c = civilFromDays(days);
        expect(c).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
        });
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(days);
        expect(weekdayOf(days)).toBe((d.getUTCDay() + 6) % 7);
        expect(formatIsoDate(days)).toBe(d.toISOString().slice(0, 10));
        expect(parseIsoDate(formatIsoDate(days))).toBe(days);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trip dates across centuries and leap days', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [1900, 3, 1],
      [2024, 12, 31],
      [2100, 2, 28],
    ] as const) {
      expect(civilFromDays(daysFromCivil(y, m, d))).toEqual({ year: y, month: m, day: d });
      expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });

  it('knows month lengths and leap years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const next = new Date(0);
        next.setUTCFullYear(y, m, 0); // day 0 of the next month: the last of this one
        expect(daysInMonth(y, m)).toBe(next.getUTCDate());
        expect(isLeapYear(y)).toBe(daysInMonth(y, 2) === 29);
      }),
    );
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('calls 2025-06-02 a Monday and 2025-06-01 a Sunday', () => {
    expect(weekdayOf(daysFromCivil(2025, 6, 2))).toBe(0);
    expect(weekdayOf(daysFromCivil(2025, 6, 1))).toBe(6);
  });
});

describe('adding months', () => {
  it('keeps the day of the month, or clamps to the month end', () => {
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: -1200, max: 1200 }), (days, n) => {
        const from = civilFromDays(days);
        fc.pre(from.year + Math.floor(n / 12) > 1 && from.year + Math.ceil(n / 12) < 9999);
        const to = civilFromDays(addMonths(days, n));
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(n);
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
    const d = (iso: string): number => expectIsoDate(iso);
    expect(formatIsoDate(addMonths(d('2025-01-31'), 1))).toBe('2025-02-28');
    expect(formatIsoDate(addMonths(d('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatIsoDate(addMonths(d('2024-03-31'), -1))).toBe('2024-02-29');
    expect(formatIsoDate(addMonths(d('2024-02-29'), 12))).toBe('2025-02-28');
    expect(formatIsoDate(addMonths(d('2025-11-15'), 2))).toBe('2026-01-15');
  });

  it('adds days as plain day numbers, across month ends and leap days', () => {
    const d = expectIsoDate('2024-02-28');
    expect(formatIsoDate(d + 1)).toBe('2024-02-29');
    expect(formatIsoDate(d + 2)).toBe('2024-03-01');
    expect(formatIsoDate(d - 59)).toBe('2023-12-31');
  });
});

describe('reading and writing dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(parseIsoDate('2024-02-29')).toBe(daysFromCivil(2024, 2, 29));
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('2025-6-2')).toBeUndefined();
    expect(parseIsoDate('2025-13-01')).toBeUndefined();
    expect(parseIsoDate('2025-04-31')).toBeUndefined();
    expect(parseIsoDate('2025-04-30T00:00')).toBeUndefined();
    expect(isValidCivil(2025, 2, 28.5)).toBe(false);
    expect(isValidCivil(2025, 0, 1)).toBe(false);
  });

  it('says why a date is refused', () => {
    expect(() => expectIsoDate('2025-02-30')).toThrow(RangeError);
    expect(() => expectIsoDate('2025-02-30')).toThrow(/no such date: 2025-02-30/);
    expect(() => expectIsoDate('2025-6-2')).toThrow(/YYYY-MM-DD/);
    expect(formatIsoDate(daysFromCivil(33, 1, 5))).toBe('0033-01-05');
  });
});

describe('instants', () => {
  it('parse UTC instants by hand like Date.parse, and others through it', () => {
    for (const s of [
      '2025-03-30T01:00:00Z',
      '2025-03-30T01:00:00.123Z',
      '1999-12-31T23:59:59Z',
      '2025-03-30T03:00:00+02:00',
      '2025-02-30T00:00:00Z',
      '2025-01-01T24:00:00Z',
    ]) {
      expect(parseInstant(s)).toBe(Date.parse(s));
    }
    expect(parseInstant('nonsense')).toBeNaN();
  });

  it('agree with Date.parse for any instant toISOString writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 0, 1) }), (t) => {
        const iso = new Date(t).toISOString();
        expect(parseInstant(iso)).toBe(t);
        expect(parseInstant(iso.replace(/\.\d{3}Z$/, 'Z'))).toBe(Math.floor(t / 1000) * 1000);
      }),
    );
  });
});
