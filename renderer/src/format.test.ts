// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  formatMinutes,
  formatMinutesLong,
  formatMoney,
  formatRelative,
  formatTime,
  formatTimeRange,
  nextOccurrenceOf,
} from './format.js';

const utc = { locale: 'en-GB', timeZone: 'UTC' };

describe('format', () => {
  it('formats clock times in the given locale, adding the weekday only for another day', () => {
    const now = new Date('2025-03-03T10:00:00Z');
    expect(formatTime('2025-03-03T14:30:00Z', now, utc)).toBe('14:30');
    expect(formatTime('2025-03-04T09:05:00Z', now, utc)).toBe('Tue 09:05');
    expect(formatTime('2025-03-03T14:30:00Z', now, { locale: 'en-US', timeZone: 'UTC' })).toBe(
      '2:30 PM',
    );
    expect(
      formatTime('2025-03-03T14:30:00Z', now, { locale: 'de-DE', timeZone: 'Europe/Berlin' }),
    ).toBe('15:30');
  });

  it('formats ranges as clock times even when they end at the next midnight', () => {
    expect(formatTimeRange('2025-03-03T17:00:00Z', '2025-03-04T00:00:00Z', utc)).toMatch(
      /^17:00 – 0?0:00$/,
    );
  });

  it('words durations in German for a German UI', () => {
    expect(formatMinutesLong(120, 'de')).toBe('2 Stunden');
    expect(formatMinutesLong(90, 'de')).toBe('1 Stunde 30 Minuten');
  });

  it("formats money per locale, in the currency's own minor units", () => {
    expect(formatMoney(12050, 'EUR', 'de-DE')).toBe('120,50\u00a0€');
    expect(formatMoney(12000, 'EUR', 'en-US')).toBe('€120');
    expect(formatMoney(15000, 'JPY', 'en-US')).toBe('¥15,000');
  });

  it('words durations for buttons and for screen readers', () => {
    expect([30, 60, 90, 120].map(formatMinutes)).toEqual(['30 min', '1 h', '1 h 30 min', '2 h']);
    expect([1, 30, 60, 120].map((m) => formatMinutesLong(m))).toEqual([
      '1 minute',
      '30 minutes',
      '1 hour',
      '2 hours',
    ]);
  });

  it('says how long ago or ahead an instant is', () => {
    const now = new Date('2025-03-03T10:00:00Z');
    expect(formatRelative('2025-03-03T09:55:00Z', now, { locale: 'en' })).toBe('5 minutes ago');
    expect(formatRelative('2025-03-03T13:00:00Z', now, { locale: 'en' })).toBe('in 3 hours');
  });

  it('finds the next time the clock shows HH:MM: today if ahead, else tomorrow', () => {
    const now = new Date(2025, 2, 3, 10, 0);
    expect(nextOccurrenceOf('17:30', now)).toEqual(new Date(2025, 2, 3, 17, 30));
    expect(nextOccurrenceOf('09:00', now)).toEqual(new Date(2025, 2, 4, 9, 0));
    expect(nextOccurrenceOf('10:00', now)).toEqual(new Date(2025, 2, 4, 10, 0));
    expect(nextOccurrenceOf('25:00', now)).toBeNull();
    expect(nextOccurrenceOf('', now)).toBeNull();
  });
});
