import { describe, expect, it } from 'vitest';
import ical from 'node-ical';
import { generateCalendar } from './generate-calendar.js';
import { foldLine } from './generate-helpers.js';

const now = new Date('2025-06-15T10:00:00Z');

describe('generateCalendar', () => {
  it('gives the same text for the same seed and a different one for another seed', () => {
    const a = generateCalendar({ events: 300, seed: 7, now });
    const b = generateCalendar({ events: 300, seed: 7, now });
    const c = generateCalendar({ events: 300, seed: 8, now });
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('writes exactly the requested VEVENTs, and node-ical reads them all', () => {
    const text = generateCalendar({ events: 200, seed: 42, now });
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(200);
    const parsed = ical.sync.parseICS(text);
    const masters = Object.values(parsed).filter((c) => c?.type === 'VEVENT');
    // node-ical files RECURRENCE-ID overrides under their master, each under two keys (date and timestamp).
    const overrides = masters.reduce(
      (n, e) => n + new Set(Object.values(e.recurrences ?? {})).size,
      0,
    );
    expect(overrides).toBe(text.match(/^RECURRENCE-ID/gm)?.length);
    expect(masters.length + overrides).toBe(200);
    expect(masters.some((e) => e.rrule !== undefined)).toBe(true);
    expect(masters.some((e) => e.datetype === 'date')).toBe(true);
    expect(masters.some((e) => e.exdate !== undefined)).toBe(true);
    expect(Object.values(parsed).filter((c) => c?.type === 'VTIMEZONE')).toHaveLength(2);
  });

  it('spreads events over the past four years and the next one, with series, all-day and open-ended ones', () => {
    const text = generateCalendar({ events: 2000, seed: 3, now });
    const vevents = text.slice(text.indexOf('BEGIN:VEVENT'));
    const years = new Set(
      [...vevents.matchAll(/^DTSTART[^:]*:(\d{4})/gm)].map((m) => Number(m[1])),
    );
    expect(Math.min(...years)).toBe(2021);
    // Singles reach a year ahead; overrides of a series that starts soon may lie a little further.
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2026);
    expect(Math.max(...years)).toBeLessThanOrEqual(2027);
    expect(text).toMatch(/^RRULE:FREQ=WEEKLY;INTERVAL=2;/m);
    expect(text).toMatch(/^RRULE:FREQ=MONTHLY;BYMONTHDAY=\d+;COUNT=\d+\r$/m);
    expect(text).toMatch(/^RRULE:FREQ=WEEKLY;BYDAY=[A-Z,]+\r$/m);
    expect(text).toMatch(/^RRULE:.*;UNTIL=\d{8}T235959Z\r$/m);
    expect(text).toMatch(/^DTSTART;TZID=America\/New_York:/m);
    const perEvent = Buffer.byteLength(text) / 2000;
    expect(perEvent).toBeGreaterThan(300);
    expect(perEvent).toBeLessThan(1024);
  });

  it('folds every line at 75 octets without splitting a UTF-8 character', () => {
    const text = generateCalendar({ events: 500, seed: 9, now });
    const lines = text.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
  });
});

describe('foldLine', () => {
  it('keeps a multi-byte character whole at the boundary and unfolds back to the input', () => {
    const line = `DESCRIPTION:${'a'.repeat(62)}Größe ☕ 東京 ${'ü'.repeat(80)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
