import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  createOffsetLookup,
  daysFromCivil,
  isoWeekLabel,
  localDay,
  monthIndexOfDay,
  monthLabel,
  parseInstant,
  parseIsoDate,
  weekIndexOfDay,
  zonedTimeToUtc,
} from './zone.js';

describe('civil days', () => {
  it('round-trips dates across centuries and leap days', () => {
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
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
  });

  it('labels ISO weeks, including weeks that belong to the neighbouring year', () => {
    const week = (iso: string): string => isoWeekLabel(weekIndexOfDay(parseIsoDate(iso) ?? NaN));
    expect(week('2025-03-03')).toBe('2025-W10'); // a Monday
    expect(week('2025-03-09')).toBe('2025-W10'); // its Sunday
    expect(week('2024-12-30')).toBe('2025-W01');
    expect(week('2021-01-03')).toBe('2020-W53');
    expect(week('2026-01-01')).toBe('2026-W01');
    expect(monthLabel(monthIndexOfDay(parseIsoDate('2025-12-31') ?? NaN))).toBe('2025-12');
  });

  it('parses UTC instants by hand like Date.parse, and others through it', () => {
    for (const s of [
      '2025-03-30T01:00:00Z',
      '2025-03-30T01:00:00.123Z',
      '1999-12-31T23:59:59Z',
      '2025-03-30T03:00:00+02:00',
    ]) {
      expect(parseInstant(s)).toBe(Date.parse(s));
    }
    expect(parseInstant('nonsense')).toBeNaN();
  });
});

describe('zone offsets', () => {
  const berlin = createOffsetLookup('Europe/Berlin');

  it('follows daylight saving time to the second', () => {
    const change = Date.parse('2025-03-30T01:00:00Z');
    expect(berlin(change - 1000)).toBe(3_600_000);
    expect(berlin(change)).toBe(7_200_000);
    expect(berlin(Date.parse('2025-10-26T00:59:59Z'))).toBe(7_200_000);
    expect(berlin(Date.parse('2025-10-26T01:00:00Z'))).toBe(3_600_000);
  });

  it('puts late-evening UTC instants on the next local day', () => {
    const ms = Date.parse('2025-06-30T22:30:00Z'); // 00:30 on 1 July in Berlin
    expect(localDay(ms, berlin)).toBe(parseIsoDate('2025-07-01'));
    expect(localDay(ms, createOffsetLookup('America/New_York'))).toBe(parseIsoDate('2025-06-30'));
  });

  it('turns wall-clock times into instants, in gaps and overlaps too', () => {
    expect(
      new Date(
        zonedTimeToUtc({ year: 2025, month: 3, day: 3, hour: 8, minute: 12 }, berlin),
      ).toISOString(),
    ).toBe('2025-03-03T07:12:00.000Z');
    // 02:30 does not exist on 30 March: read with the winter offset, it is 03:30 summer time.
    expect(
      new Date(
        zonedTimeToUtc({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, berlin),
      ).toISOString(),
    ).toBe('2025-03-30T01:30:00.000Z');
    // 02:30 happens twice on 26 October: the earlier one wins.
    expect(
      new Date(
        zonedTimeToUtc({ year: 2025, month: 10, day: 26, hour: 2, minute: 30 }, berlin),
      ).toISOString(),
    ).toBe('2025-10-26T00:30:00.000Z');
  });

  it('rejects an unknown zone', () => {
    expect(() => createOffsetLookup('Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
