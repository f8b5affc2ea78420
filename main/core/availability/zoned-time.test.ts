import { describe, expect, it } from 'vitest';
import {
  addDays,
  assertTimeZone,
  formatLocalDate,
  localDateOf,
  localMinutesOf,
  localToUtc,
  offsetAt,
  parseLocalDate,
  weekdayOf,
} from './zoned-time.js';

const utc = (s: string): number => Date.parse(s);
const at = (date: string, hhmm: string, tz: string): string => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(localToUtc(parseLocalDate(date), (h ?? 0) * 60 + (m ?? 0), tz)).toISOString();
};

describe('localToUtc', () => {
  it('keeps 09:00 local on both sides of the Berlin changes', () => {
    expect(at('2025-03-29', '09:00', 'Europe/Berlin')).toBe('2025-03-29T08:00:00.000Z');
    expect(at('2025-03-30', '09:00', 'Europe/Berlin')).toBe('2025-03-30T07:00:00.000Z');
    expect(at('2025-10-25', '09:00', 'Europe/Berlin')).toBe('2025-10-25T07:00:00.000Z');
    expect(at('2025-10-26', '09:00', 'Europe/Berlin')).toBe('2025-10-26T08:00:00.000Z');
  });

  it('keeps 09:00 local on both sides of the New York changes', () => {
    expect(at('2025-03-08', '09:00', 'America/New_York')).toBe('2025-03-08T14:00:00.000Z');
    expect(at('2025-03-09', '09:00', 'America/New_York')).toBe('2025-03-09T13:00:00.000Z');
    expect(at('2025-11-01', '09:00', 'America/New_York')).toBe('2025-11-01T13:00:00.000Z');
    expect(at('2025-11-02', '09:00', 'America/New_York')).toBe('2025-11-02T14:00:00.000Z');
  });

  it('moves a skipped time forward by the gap', () => {
    expect(at('2025-03-30', '02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z'); // 03:30 CEST
    expect(at('2025-03-09', '02:30', 'America/New_York')).toBe('2025-03-09T07:30:00.000Z'); // 03:30 EDT
  });

  it('resolves a time that occurs twice to the first occurrence', () => {
    expect(at('2025-10-26', '02:30', 'Europe/Berlin')).toBe('2025-10-26T00:30:00.000Z'); // still CEST
    expect(at('2025-11-02', '01:30', 'America/New_York')).toBe('2025-11-02T05:30:00.000Z'); // still EDT
  });

  it('handles 24:00, half-hour zones and the southern hemisphere', () => {
    expect(at('2025-06-02', '24:00', 'Europe/Berlin')).toBe('2025-06-02T22:00:00.000Z');
    expect(at('2025-06-02', '09:00', 'Asia/Kolkata')).toBe('2025-06-02T03:30:00.000Z');
    expect(at('2025-10-04', '09:00', 'Australia/Sydney')).toBe('2025-10-03T23:00:00.000Z'); // AEST +10
    expect(at('2025-10-05', '09:00', 'Australia/Sydney')).toBe('2025-10-04T22:00:00.000Z'); // AEDT +11
  });
});

describe('local dates', () => {
  it('reads the local date and time of an instant', () => {
    expect(localDateOf(utc('2025-06-01T22:30:00Z'), 'Europe/Berlin')).toEqual({
      year: 2025,
      month: 6,
      day: 2,
    });
    expect(localDateOf(utc('2025-06-01T22:30:00Z'), 'America/New_York')).toEqual({
      year: 2025,
      month: 6,
      day: 1,
    });
    expect(localMinutesOf(utc('2025-06-01T22:30:00Z'), 'Europe/Berlin')).toBe(30);
    expect(offsetAt(utc('2025-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetAt(utc('2025-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
  });

  it('does calendar arithmetic without a zone', () => {
    const d = parseLocalDate('2024-02-28');
    expect(formatLocalDate(addDays(d, 1))).toBe('2024-02-29');
    expect(formatLocalDate(addDays(d, 2))).toBe('2024-03-01');
    expect(formatLocalDate(addDays(d, -59))).toBe('2023-12-31');
    expect(weekdayOf(parseLocalDate('2025-06-02'))).toBe(1); // a Monday
  });

  it('rejects impossible dates and unknown zones', () => {
    expect(() => parseLocalDate('2025-02-30')).toThrow(RangeError);
    expect(() => parseLocalDate('2025-6-2')).toThrow(/YYYY-MM-DD/);
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(/unknown time zone/);
    expect(() => assertTimeZone('Europe/Berlin')).not.toThrow();
  });
});
