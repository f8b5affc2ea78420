import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../time/civil.js';
import { timeZone } from '../time/zone.js';
import { localDayOf, localMinutesOf } from '../time/zoned.js';
import { sampleSet } from './sample-set.js';

const HOUR = 3_600_000;

describe('sampleSet', () => {
  it('lays contacts in working hours before now and billed days up to today, at any hour of a fortnight', () => {
    const zoneName = 'America/New_York';
    const zone = timeZone(zoneName);
    const start = Date.parse('2026-03-02T00:00:00Z'); // DST starts on 8 March in New York.
    for (let now = start; now < start + 14 * 24 * HOUR; now += 5 * HOUR) {
      const set = sampleSet(now, zoneName, 'USD', 'en');
      const today = localDayOf(now, zone);
      for (const client of set.clients) {
        expect(client.input.currency).toBe('USD');
        for (const c of client.contacts('id')) {
          const at = Date.parse(c.at);
          expect(at).toBeLessThan(now);
          expect(weekdayOf(localDayOf(at, zone))).toBeLessThan(5);
          expect(localMinutesOf(at, zone)).toBeGreaterThanOrEqual(9 * 60);
          expect(localMinutesOf(at, zone)).toBeLessThanOrEqual(16 * 60 + 30);
        }
        const entries = client.entries('id');
        expect(entries.length).toBeGreaterThan(40);
        for (const e of entries)
          expect(Date.parse(e.date) / (24 * HOUR)).toBeLessThanOrEqual(today);
      }
    }
  });

  it('gives the demanding client more unscheduled contacts than its allowance, week after week', () => {
    const now = Date.parse('2026-11-27T16:00:00Z'); // a Friday afternoon
    const [northwind] = sampleSet(now, 'Europe/Berlin', 'EUR', 'de').clients;
    expect(northwind?.input).toMatchObject({
      name: 'Northwind Logistics',
      adHocAllowancePerWeek: 2,
    });
    expect(northwind?.contacts('n').length).toBeGreaterThan(12 * 2);
  });

  it('writes a calendar in the chosen language with a weekly standing call', () => {
    const { ics, calendarName } = sampleSet(Date.now(), 'UTC', 'EUR', 'de');
    expect(calendarName).toBe('Beispielkalender');
    expect(ics).toContain('SUMMARY:Brightwater Wochentermin');
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });
});
