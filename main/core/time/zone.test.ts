import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors.js';
import { intlOffset, intlWallMs, TEST_ZONES } from './intl-oracle.js';
import { assertTimeZone, findTimeZone, timeZone, type TimeZone } from './zone.js';

const HOUR = 3_600_000;
/** Wall time written as if UTC. */
const wallOf = (y: number, mo: number, d: number, h = 0, mi = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi);
const DAY = 86_400_000;
const zoneName = fc.constantFrom(...TEST_ZONES);
/** Instants from 1950 to 2100, to the millisecond. */
const instant = fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('offsets against Intl', () => {
  it('match Intl for random instants and zones', () => {
    fc.assert(
      fc.property(zoneName, instant, (name, t) => {
        expect(timeZone(name).offsetAt(t)).toBe(intlOffset(t, name));
      }),
      { numRuns: 3000 },
    );
  });

  it('match Intl on either side of a change, to the second', () => {
    fc.assert(
      fc.property(zoneName, instant, (name, t) => {
        // Find a change near t by Intl alone, then compare the second before and the second at it.
        const before = intlOffset(t, name);
        let lo = t;
        let hi = t + 200 * DAY;
        if (intlOffset(hi, name) === before) return;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (intlOffset(mid, name) === before) lo = mid;
          else hi = mid;
        }
        const zone = timeZone(name);
        expect(zone.offsetAt(hi - 1000)).toBe(intlOffset(hi - 1000, name));
        expect(zone.offsetAt(hi)).toBe(intlOffset(hi, name));
      }),
      { numRuns: 300 },
    );
  });

  it('follow daylight saving time to the second in Berlin and New York', () => {
    const berlin = timeZone('Europe/Berlin');
    const change = Date.parse('2025-03-30T01:00:00Z');
    expect(berlin.offsetAt(change - 1000)).toBe(HOUR);
    expect(berlin.offsetAt(change)).toBe(2 * HOUR);
    expect(berlin.offsetAt(Date.parse('2025-10-26T00:59:59Z'))).toBe(2 * HOUR);
    expect(berlin.offsetAt(Date.parse('2025-10-26T01:00:00Z'))).toBe(HOUR);
    const ny = timeZone('America/New_York');
    expect(ny.offsetAt(Date.parse('2025-03-09T06:59:59Z'))).toBe(-5 * HOUR);
    expect(ny.offsetAt(Date.parse('2025-03-09T07:00:00Z'))).toBe(-4 * HOUR);
    expect(ny.offsetAt(Date.parse('2025-11-02T05:59:59Z'))).toBe(-4 * HOUR);
    expect(ny.offsetAt(Date.parse('2025-11-02T06:00:00Z'))).toBe(-5 * HOUR);
    expect(timeZone('Australia/Lord_Howe').offsetAt(Date.UTC(2025, 0, 15))).toBe(11 * HOUR);
    expect(timeZone('Australia/Lord_Howe').offsetAt(Date.UTC(2025, 6, 15))).toBe(10.5 * HOUR);
    expect(timeZone('Asia/Kathmandu').offsetAt(Date.UTC(2025, 0, 15))).toBe(5.75 * HOUR);
    expect(timeZone('Pacific/Chatham').offsetAt(Date.UTC(2025, 0, 15))).toBe(13.75 * HOUR);
  });
});

describe('wall times to instants against Intl', () => {
  /** The instants whose Intl wall clock reads `wall`, found from the offsets a day either side. */
  function intlReadings(wall: number, name: string): number[] {
    const offsets = new Set([intlOffset(wall - DAY, name), intlOffset(wall + DAY, name)]);
    return [...offsets]
      .map((o) => wall - o)
      .filter((t) => intlWallMs(t, name) === wall)
      .sort((a, b) => a - b);
  }

  it('pick the earlier reading by default and the later when asked; gaps move forward', () => {
    fc.assert(
      fc.property(zoneName, instant, (name, t) => {
        const wall = Math.floor(t / 1000) * 1000;
        const zone = timeZone(name);
        const readings = intlReadings(wall, name);
        const earlier = zone.toUtc(wall);
        const later = zone.toUtc(wall, 'later');
        if (readings.length > 0) {
          expect(earlier).toBe(readings[0]);
          expect(later).toBe(readings[readings.length - 1]);
        } else {
          // Skipped: read with the offset before the gap, so the clock shows a later time.
          expect(earlier).toBe(wall - intlOffset(wall - DAY, name));
          expect(later).toBe(earlier);
          expect(intlWallMs(earlier, name)).toBeGreaterThan(wall);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trip every instant through its wall time', () => {
    fc.assert(
      fc.property(zoneName, instant, (name, t) => {
        const zone = timeZone(name);
        const wall = t + zone.offsetAt(t);
        expect([zone.toUtc(wall), zone.toUtc(wall, 'later')]).toContain(t);
      }),
      { numRuns: 3000 },
    );
  });

  it('near changes too: instants within a day of a Berlin or New York change', () => {
    const changes = ['2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z'].map(Date.parse);
    changes.push(...['2025-03-09T07:00:00Z', '2025-11-02T06:00:00Z'].map(Date.parse));
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2, 3), fc.integer({ min: -DAY, max: DAY }), (i, d) => {
        const name = i < 2 ? 'Europe/Berlin' : 'America/New_York';
        const zone = timeZone(name);
        const t = (changes[i] as number) + d;
        const wall = t + zone.offsetAt(t);
        expect(zone.offsetAt(t)).toBe(intlOffset(t, name));
        expect([zone.toUtc(wall), zone.toUtc(wall, 'later')]).toContain(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('read a skipped Berlin time forward and a repeated one as asked', () => {
    const berlin = timeZone('Europe/Berlin');
    const wall = (iso: string): number => Date.parse(`${iso}Z`);
    // 02:30 does not exist on 30 March 2025: read with the winter offset, it is 03:30 summer time.
    expect(berlin.toUtc(wall('2025-03-30T02:30:00'))).toBe(Date.parse('2025-03-30T01:30:00Z'));
    expect(berlin.toUtc(wall('2025-03-30T02:30:00'), 'later')).toBe(
      Date.parse('2025-03-30T01:30:00Z'),
    );
    // 02:30 happens twice on 26 October 2025.
    expect(berlin.toUtc(wall('2025-10-26T02:30:00'))).toBe(Date.parse('2025-10-26T00:30:00Z'));
    expect(berlin.toUtc(wall('2025-10-26T02:30:00'), 'later')).toBe(
      Date.parse('2025-10-26T01:30:00Z'),
    );
    expect(berlin.toUtc(wall('2025-10-26T03:00:00'))).toBe(Date.parse('2025-10-26T02:00:00Z'));
  });

  it('read a skipped New York time forward and a repeated one as asked', () => {
    const ny = timeZone('America/New_York');
    const wall = (iso: string): number => Date.parse(`${iso}Z`);
    expect(ny.toUtc(wall('2025-03-09T02:30:00'))).toBe(Date.parse('2025-03-09T07:30:00Z')); // 03:30 EDT
    expect(ny.toUtc(wall('2025-11-02T01:30:00'))).toBe(Date.parse('2025-11-02T05:30:00Z')); // EDT
    expect(ny.toUtc(wall('2025-11-02T01:30:00'), 'later')).toBe(
      Date.parse('2025-11-02T06:30:00Z'), // EST
    );
  });
});

describe('zone names', () => {
  it('knows IANA names and aliases, and nothing else', () => {
    expect(findTimeZone('Europe/Berlin')?.id).toBe('Europe/Berlin');
    expect(findTimeZone('US/Eastern')?.offsetAt(Date.UTC(2025, 0, 15))).toBe(-5 * HOUR);
    expect(findTimeZone('UTC')?.offsetAt(0)).toBe(0);
    expect(findTimeZone('Etc/GMT')?.offsetAt(0)).toBe(0);
    expect(findTimeZone('Europe/Atlantis')).toBeUndefined();
    expect(findTimeZone('W. Europe Standard Time')).toBeUndefined();
    expect(findTimeZone('')).toBeUndefined();
    expect(findTimeZone('+01:00')).toBeUndefined();
  });

  it('names the unknown zone when it must be one', () => {
    expect(() => timeZone('Mars/Olympus')).toThrow(
      'timeZone: "Mars/Olympus" — allowed: an IANA time zone like Europe/Berlin',
    );
    // The user's input, not a fault of the app: a UserError (400, exit 2), never a RangeError.
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(UserError);
    expect(() => assertTimeZone('Mars/Olympus', 'tz')).toThrow(/^tz: "Mars\/Olympus"/);
    expect(() => assertTimeZone('Europe/Berlin')).not.toThrow();
  });

  it('shares one zone per name, so its tables are built once', () => {
    expect(timeZone('Asia/Kathmandu')).toBe(timeZone('Asia/Kathmandu'));
  });
});

describe('IANA zones through Intl, as calendars use them', () => {
  const berlin = findTimeZone('Europe/Berlin') as TimeZone;

  it('knows the offset at an instant, summer and winter', () => {
    expect(berlin.offsetAt(Date.UTC(2024, 6, 1))).toBe(2 * HOUR);
    expect(berlin.offsetAt(Date.UTC(2024, 0, 1))).toBe(HOUR);
    // The switch happens at 01:00 UTC on the last Sunday of March.
    expect(berlin.offsetAt(Date.UTC(2024, 2, 31, 0, 59, 59))).toBe(HOUR);
    expect(berlin.offsetAt(Date.UTC(2024, 2, 31, 1))).toBe(2 * HOUR);
    expect(findTimeZone('Australia/Sydney')?.offsetAt(Date.UTC(2024, 0, 15))).toBe(11 * HOUR);
    expect(findTimeZone('Asia/Kolkata')?.offsetAt(Date.UTC(2024, 0, 15))).toBe(5.5 * HOUR);
  });

  it('reads a wall time that does not exist with the offset before the gap (RFC 5545 3.3.5)', () => {
    expect(berlin.toUtc(wallOf(2024, 3, 31, 2, 30))).toBe(Date.UTC(2024, 2, 31, 1, 30));
  });

  it('reads a wall time that exists twice as the first of the two', () => {
    expect(berlin.toUtc(wallOf(2024, 10, 27, 2, 30))).toBe(Date.UTC(2024, 9, 27, 0, 30));
    expect(berlin.toUtc(wallOf(2024, 10, 27, 3, 0))).toBe(Date.UTC(2024, 9, 27, 2, 0));
  });

  it('rejects names Intl does not know', () => {
    expect(findTimeZone('Europe/Atlantis')).toBeUndefined();
    expect(findTimeZone('W. Europe Standard Time')).toBeUndefined();
    expect(findTimeZone('UTC')?.offsetAt(0)).toBe(0);
  });
});
