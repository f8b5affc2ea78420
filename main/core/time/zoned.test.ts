import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, expectIsoDate } from './civil.js';
import { intlWall, TEST_ZONES } from './intl-oracle.js';
import { timeZone } from './zone.js';
import {
  dayRange,
  localDayOf,
  localMinutesOf,
  localToUtc,
  monthRange,
  startOfDay,
  weekRange,
} from './zoned.js';

const zoneName = fc.constantFrom(...TEST_ZONES);
const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2080, 0, 1) });
const weekStart = fc.constantFrom('monday' as const, 'sunday' as const);
const dayOfIntl = (t: number, name: string): number => {
  const w = intlWall(t, name);
  return daysFromCivil(w.year, w.month, w.day);
};

/** "YYYY-MM-DD" + "HH:MM" in a zone → ISO UTC, the way working hours place their periods. */
const at = (date: string, hhmm: string, tz: string): string => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(
    localToUtc(expectIsoDate(date), (h ?? 0) * 60 + (m ?? 0), timeZone(tz)),
  ).toISOString();
};

describe('local day and time of an instant, against Intl', () => {
  it('match Intl for random instants and zones', () => {
    fc.assert(
      fc.property(zoneName, instant, (name, t) => {
        const zone = timeZone(name);
        const w = intlWall(t, name);
        expect(localDayOf(t, zone)).toBe(daysFromCivil(w.year, w.month, w.day));
        expect(localMinutesOf(t, zone)).toBe(w.hour * 60 + w.minute);
      }),
      { numRuns: 3000 },
    );
  });

  it('put late-evening UTC instants on the next local day east of Greenwich', () => {
    const ms = Date.parse('2025-06-30T22:30:00Z'); // 00:30 on 1 July in Berlin
    expect(localDayOf(ms, timeZone('Europe/Berlin'))).toBe(expectIsoDate('2025-07-01'));
    expect(localDayOf(ms, timeZone('America/New_York'))).toBe(expectIsoDate('2025-06-30'));
    expect(localMinutesOf(Date.parse('2025-06-01T22:30:00Z'), timeZone('Europe/Berlin'))).toBe(30);
    const june = Date.parse('2025-06-01T22:30:00Z');
    expect(localDayOf(june, timeZone('Europe/Berlin'))).toBe(expectIsoDate('2025-06-02'));
    expect(localDayOf(june, timeZone('America/New_York'))).toBe(expectIsoDate('2025-06-01'));
    expect(timeZone('Europe/Berlin').offsetAt(Date.parse('2025-01-15T12:00:00Z'))).toBe(3_600_000);
    expect(timeZone('America/New_York').offsetAt(Date.parse('2025-07-15T12:00:00Z'))).toBe(
      -4 * 3_600_000,
    );
  });
});

describe('local times to instants', () => {
  it('keep 09:00 local on both sides of the Berlin changes', () => {
    expect(at('2025-03-29', '09:00', 'Europe/Berlin')).toBe('2025-03-29T08:00:00.000Z');
    expect(at('2025-03-30', '09:00', 'Europe/Berlin')).toBe('2025-03-30T07:00:00.000Z');
    expect(at('2025-10-25', '09:00', 'Europe/Berlin')).toBe('2025-10-25T07:00:00.000Z');
    expect(at('2025-10-26', '09:00', 'Europe/Berlin')).toBe('2025-10-26T08:00:00.000Z');
  });

  it('keep 09:00 local on both sides of the New York changes', () => {
    expect(at('2025-03-08', '09:00', 'America/New_York')).toBe('2025-03-08T14:00:00.000Z');
    expect(at('2025-03-09', '09:00', 'America/New_York')).toBe('2025-03-09T13:00:00.000Z');
    expect(at('2025-11-01', '09:00', 'America/New_York')).toBe('2025-11-01T13:00:00.000Z');
    expect(at('2025-11-02', '09:00', 'America/New_York')).toBe('2025-11-02T14:00:00.000Z');
  });

  it('place an ordinary winter time with the winter offset', () => {
    expect(at('2025-03-03', '08:12', 'Europe/Berlin')).toBe('2025-03-03T07:12:00.000Z');
  });

  it('move a skipped time forward by the gap', () => {
    expect(at('2025-03-30', '02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z'); // 03:30 CEST
    expect(at('2025-03-09', '02:30', 'America/New_York')).toBe('2025-03-09T07:30:00.000Z'); // 03:30 EDT
  });

  it('resolve a time that occurs twice to the first occurrence, or the second when asked', () => {
    expect(at('2025-10-26', '02:30', 'Europe/Berlin')).toBe('2025-10-26T00:30:00.000Z'); // still CEST
    expect(at('2025-11-02', '01:30', 'America/New_York')).toBe('2025-11-02T05:30:00.000Z'); // still EDT
    const ny = timeZone('America/New_York');
    expect(localToUtc(expectIsoDate('2025-11-02'), 90, ny, 'later')).toBe(
      Date.parse('2025-11-02T06:30:00Z'),
    );
  });

  it('handle 24:00, odd offsets and the southern hemisphere', () => {
    expect(at('2025-06-02', '24:00', 'Europe/Berlin')).toBe('2025-06-02T22:00:00.000Z');
    expect(at('2025-06-02', '09:00', 'Asia/Kolkata')).toBe('2025-06-02T03:30:00.000Z');
    expect(at('2025-06-02', '09:00', 'Asia/Kathmandu')).toBe('2025-06-02T03:15:00.000Z');
    expect(at('2025-10-04', '09:00', 'Australia/Sydney')).toBe('2025-10-03T23:00:00.000Z'); // AEST +10
    expect(at('2025-10-05', '09:00', 'Australia/Sydney')).toBe('2025-10-04T22:00:00.000Z'); // AEDT +11
    // Lord Howe springs forward by 30 minutes at 02:00 on 5 October 2025.
    expect(at('2025-10-05', '02:15', 'Australia/Lord_Howe')).toBe('2025-10-04T15:45:00.000Z'); // 02:45 +11
  });
});

describe('day, week and month boundaries in a zone', () => {
  it('start each local day at its first instant, against Intl', () => {
    fc.assert(
      fc.property(zoneName, instant, (name, t) => {
        const zone = timeZone(name);
        const day = localDayOf(t, zone);
        const { start, end } = dayRange(day, zone);
        expect(dayOfIntl(start, name)).toBe(day);
        // The neighbours are usually day ± 1, but a zone may skip a whole day (Apia, 30 Dec 2011).
        expect(dayOfIntl(start - 1, name)).toBeLessThan(day);
        expect(dayOfIntl(end - 1, name)).toBe(day);
        expect(dayOfIntl(end, name)).toBeGreaterThan(day);
        expect(t).toBeGreaterThanOrEqual(start);
        expect(t).toBeLessThan(end);
      }),
      { numRuns: 2000 },
    );
  });

  it('make change days 23 and 25 hours long in Berlin, 23.5 and 24.5 on Lord Howe', () => {
    const length = (date: string, tz: string): number => {
      const r = dayRange(expectIsoDate(date), timeZone(tz));
      return (r.end - r.start) / 3_600_000;
    };
    expect(length('2025-03-30', 'Europe/Berlin')).toBe(23);
    expect(length('2025-10-26', 'Europe/Berlin')).toBe(25);
    expect(length('2025-03-09', 'America/New_York')).toBe(23);
    expect(length('2025-11-02', 'America/New_York')).toBe(25);
    expect(length('2025-10-05', 'Australia/Lord_Howe')).toBe(23.5);
    expect(length('2025-04-06', 'Australia/Lord_Howe')).toBe(24.5);
    expect(length('2025-06-02', 'Europe/Berlin')).toBe(24);
  });

  it('start weeks on Monday or Sunday in the zone, against Intl', () => {
    fc.assert(
      fc.property(zoneName, instant, weekStart, (name, t, start) => {
        const zone = timeZone(name);
        const week = weekRange(t, zone, start);
        const first = intlWall(week.start, name);
        expect(first.weekday).toBe(start === 'monday' ? 0 : 6);
        expect(first.hour * 60 + first.minute).toBeLessThan(120); // midnight, or just after a gap
        expect(intlWall(week.start - 1, name).weekday).toBe(start === 'monday' ? 6 : 5);
        expect(intlWall(week.end, name).weekday).toBe(first.weekday);
        expect(dayOfIntl(week.end, name) - dayOfIntl(week.start, name)).toBe(7);
        expect(t).toBeGreaterThanOrEqual(week.start);
        expect(t).toBeLessThan(week.end);
      }),
      { numRuns: 2000 },
    );
  });

  it('tell a Sunday evening in Berlin apart for Monday and Sunday weeks', () => {
    const berlin = timeZone('Europe/Berlin');
    const sundayEvening = Date.parse('2025-06-01T20:00:00Z'); // 22:00 Sunday in Berlin
    expect(weekRange(sundayEvening, berlin, 'monday')).toEqual({
      start: Date.parse('2025-05-25T22:00:00Z'),
      end: Date.parse('2025-06-01T22:00:00Z'),
    });
    expect(weekRange(sundayEvening, berlin, 'sunday')).toEqual({
      start: Date.parse('2025-05-31T22:00:00Z'),
      end: Date.parse('2025-06-07T22:00:00Z'),
    });
    // 23:30 Sunday in Berlin is already Monday in UTC: still the Berlin week that ends at midnight.
    expect(weekRange(Date.parse('2025-06-01T21:30:00Z'), berlin).end).toBe(
      Date.parse('2025-06-01T22:00:00Z'),
    );
  });

  it('bound months at local midnight of the 1st, against Intl', () => {
    fc.assert(
      fc.property(zoneName, instant, (name, t) => {
        const zone = timeZone(name);
        const month = monthRange(t, zone);
        const first = intlWall(month.start, name);
        const now = intlWall(t, name);
        expect([first.year, first.month, first.day]).toEqual([now.year, now.month, 1]);
        expect(intlWall(month.start - 1, name).month).not.toBe(now.month);
        expect(intlWall(month.end, name).day).toBe(1);
        expect(intlWall(month.end - 1, name).month).toBe(now.month);
        expect(t).toBeLessThan(month.end);
      }),
      { numRuns: 2000 },
    );
  });

  it('end February on the 29th in leap years and span the DST change in March', () => {
    const berlin = timeZone('Europe/Berlin');
    expect(monthRange(Date.parse('2024-02-10T12:00:00Z'), berlin)).toEqual({
      start: Date.parse('2024-01-31T23:00:00Z'),
      end: Date.parse('2024-02-29T23:00:00Z'),
    });
    expect(monthRange(Date.parse('2025-03-31T21:59:59Z'), berlin)).toEqual({
      start: Date.parse('2025-02-28T23:00:00Z'),
      end: Date.parse('2025-03-31T22:00:00Z'),
    });
    expect(startOfDay(expectIsoDate('2025-03-30'), berlin)).toBe(
      Date.parse('2025-03-29T23:00:00Z'),
    );
  });
});
