import { describe, expect, it } from 'vitest';
import { scanCalendar } from './ics-parse.js';
import { findTimeZone, type TimeZone } from '../time/zone.js';
import { resolveTzid, windowsZoneToIana } from './time-zones.js';
import { zoneFromVtimezone } from './vtimezone.js';

const HOUR = 3_600_000;
/** Wall time written as if UTC. */
const wall = (y: number, mo: number, d: number, h = 0, mi = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi);

function zonesOf(ics: string): Map<string, TimeZone> {
  const map = new Map<string, TimeZone>();
  for (const comp of scanCalendar(ics).timezones) {
    const zone = zoneFromVtimezone(comp);
    if (zone) map.set(zone.id, zone);
  }
  return map;
}

const BERLIN_VTIMEZONE = `BEGIN:VCALENDAR
BEGIN:VTIMEZONE
TZID:My Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
END:VCALENDAR
`;

describe('Windows zone names', () => {
  it('maps the common ones to IANA', () => {
    expect(windowsZoneToIana('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(windowsZoneToIana('eastern standard time')).toBe('America/New_York');
    expect(windowsZoneToIana('Tokyo Standard Time')).toBe('Asia/Tokyo');
    expect(windowsZoneToIana('Nowhere Standard Time')).toBeUndefined();
  });

  it('resolve as TZIDs, quoted or not', () => {
    const empty = new Map<string, TimeZone>();
    expect(resolveTzid('"W. Europe Standard Time"', empty)?.offsetAt(Date.UTC(2024, 6, 1))).toBe(
      2 * HOUR,
    );
    expect(resolveTzid('Eastern Standard Time', empty)?.offsetAt(Date.UTC(2024, 0, 1))).toBe(
      -5 * HOUR,
    );
    expect(resolveTzid('/Europe/London', empty)?.offsetAt(Date.UTC(2024, 6, 1))).toBe(HOUR);
    expect(resolveTzid('Z', empty)?.offsetAt(Date.UTC(2024, 6, 1))).toBe(0);
    expect(resolveTzid('Zulu', empty)?.id).toBe('UTC');
  });
});

describe('zones defined by an in-file VTIMEZONE', () => {
  it('match the IANA zone they describe, hour by hour over three years', () => {
    const mine = zonesOf(BERLIN_VTIMEZONE).get('My Berlin') as TimeZone;
    const real = findTimeZone('Europe/Berlin') as TimeZone;
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2026, 0, 1); t += HOUR) {
      if (mine.offsetAt(t) !== real.offsetAt(t))
        throw new Error(`differs at ${new Date(t).toISOString()}`);
    }
    expect(mine.toUtc(wall(2024, 3, 31, 2, 30))).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(mine.toUtc(wall(2024, 10, 27, 2, 30))).toBe(Date.UTC(2024, 9, 27, 0, 30));
  });

  it('take part in TZID resolution only when the name is not an IANA or Windows name', () => {
    const zones = zonesOf(BERLIN_VTIMEZONE);
    expect(resolveTzid('My Berlin', zones)?.id).toBe('My Berlin');
    expect(resolveTzid('Nowhere/Middle', zones)).toBeUndefined();
  });

  it('follow RDATE-listed transitions', () => {
    const zones = zonesOf(`BEGIN:VCALENDAR
BEGIN:VTIMEZONE
TZID:Listed
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0300
TZOFFSETTO:+0300
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20240407T020000
RDATE:20250406T020000
TZOFFSETFROM:+0300
TZOFFSETTO:+0400
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20240929T030000
RDATE:20250928T030000
TZOFFSETFROM:+0400
TZOFFSETTO:+0300
END:STANDARD
END:VTIMEZONE
END:VCALENDAR
`);
    const zone = zones.get('Listed') as TimeZone;
    expect(zone.offsetAt(Date.UTC(2024, 0, 10))).toBe(3 * HOUR);
    expect(zone.offsetAt(Date.UTC(2024, 5, 10))).toBe(4 * HOUR);
    expect(zone.offsetAt(Date.UTC(2024, 11, 10))).toBe(3 * HOUR);
    expect(zone.offsetAt(Date.UTC(2025, 5, 10))).toBe(4 * HOUR);
    // After the last listed transition the last offset stays.
    expect(zone.offsetAt(Date.UTC(2030, 5, 10))).toBe(3 * HOUR);
    expect(zone.toUtc(wall(2025, 6, 10, 12))).toBe(Date.UTC(2025, 5, 10, 8));
  });

  it('with equal offsets everywhere become a fixed offset (Outlook writes these)', () => {
    const zone = zonesOf(`BEGIN:VCALENDAR
BEGIN:VTIMEZONE
TZID:(UTC+07:00) Bangkok\\, Hanoi\\, Jakarta
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0700
TZOFFSETTO:+0700
END:STANDARD
END:VTIMEZONE
END:VCALENDAR
`).get('(UTC+07:00) Bangkok, Hanoi, Jakarta');
    expect(zone?.toUtc(wall(2024, 1, 1, 9))).toBe(Date.UTC(2024, 0, 1, 2));
  });

  it('are skipped when no observance is usable', () => {
    const [comp] = scanCalendar(
      'BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Empty\nEND:VTIMEZONE\nEND:VCALENDAR\n',
    ).timezones;
    expect(comp && zoneFromVtimezone(comp)).toBeUndefined();
  });
});
