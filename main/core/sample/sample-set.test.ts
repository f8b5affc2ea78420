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
    const de = sampleSet(Date.now(), 'UTC', 'EUR', 'de');
    expect(de.calendarName).toBe('Beispielkalender');
    expect(de.ics).toContain('SUMMARY:Brightwater Wochentermin');
    expect(de.ics).toContain('SUMMARY:Fokus: konzentriertes Arbeiten');
    expect(de.ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
    expect(de.ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const en = sampleSet(Date.now(), 'UTC', 'EUR', 'en');
    expect(en.calendarName).toBe('Sample calendar');
    expect(en.ics).toContain('SUMMARY:Brightwater weekly');
    expect(en.ics).not.toMatch(/Fokus|Wochentermin|Besprechung/);
  });

  it('gives a German user German-speaking clients and German notes, an English one mostly English', () => {
    const now = Date.parse('2026-11-27T16:00:00Z');
    const de = sampleSet(now, 'Europe/Berlin', 'EUR', 'de');
    const en = sampleSet(now, 'Europe/Berlin', 'EUR', 'en');
    expect(de.clients.map((c) => c.input.locale)).toEqual(['de', 'de', 'de']);
    // Kessler is a German firm and writes German either way; the others follow the user.
    expect(en.clients.map((c) => c.input.locale)).toEqual(['en', 'en', 'de']);
    const notes = (set: typeof de): string[] =>
      set.clients.flatMap((c) => c.contacts('id').map((x) => x.note ?? ''));
    expect(notes(de)).toContain('Frage zum Lieferplan');
    expect(notes(en)).toContain('Question about the delivery schedule');
    expect(notes(de).every((n) => n !== '' && !notes(en).includes(n))).toBe(true);
    // The language changes words only: the same day gives the same numbers in both.
    expect(de.clients.map((c) => c.contacts('id').map((x) => [x.at, x.kind]))).toEqual(
      en.clients.map((c) => c.contacts('id').map((x) => [x.at, x.kind])),
    );
  });
});
