import { describe, expect, it } from 'vitest';
import type { WorkingHours } from '../../../shared/domain.js';
import {
  defaultWorkingHours,
  mergeIntervals,
  parseClock,
  validateWorkingHours,
  workingIntervals,
} from './working-hours.js';

const utc = (s: string): number => Date.parse(s);
const iso = (list: { start: number; end: number }[]): string[][] =>
  list.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]);

describe('default working hours', () => {
  it('are Monday to Friday 09:00–17:00, staying 09:00 local across the Berlin spring change', () => {
    // Fri 28 Mar (CET) to Tue 1 Apr (CEST); the clocks went forward on Sun 30 Mar.
    const got = workingIntervals(
      defaultWorkingHours('Europe/Berlin'),
      utc('2025-03-28T00:00:00Z'),
      utc('2025-04-01T00:00:00Z'),
    );
    expect(iso(got)).toEqual([
      ['2025-03-28T08:00:00.000Z', '2025-03-28T16:00:00.000Z'],
      ['2025-03-31T07:00:00.000Z', '2025-03-31T15:00:00.000Z'],
    ]);
  });

  it('stay 09:00 local across the New York autumn change', () => {
    const got = workingIntervals(
      defaultWorkingHours('America/New_York'),
      utc('2025-10-31T00:00:00Z'),
      utc('2025-11-04T00:00:00Z'),
    );
    expect(iso(got)).toEqual([
      ['2025-10-31T13:00:00.000Z', '2025-10-31T21:00:00.000Z'],
      ['2025-11-03T14:00:00.000Z', '2025-11-03T22:00:00.000Z'],
    ]);
  });

  it('are clipped to the range asked for', () => {
    const got = workingIntervals(
      defaultWorkingHours('UTC'),
      utc('2025-06-02T12:00:00Z'),
      utc('2025-06-02T13:00:00Z'),
    );
    expect(iso(got)).toEqual([['2025-06-02T12:00:00.000Z', '2025-06-02T13:00:00.000Z']]);
    expect(workingIntervals(defaultWorkingHours('UTC'), 5, 5)).toEqual([]);
  });
});

describe('periods crossing midnight', () => {
  const night: WorkingHours = {
    tz: 'Europe/Berlin',
    days: [[], [], [], [], [], [{ start: '22:00', end: '06:00' }], []],
  };

  it('a Friday 22:00–06:00 shift runs into Saturday morning', () => {
    const got = workingIntervals(night, utc('2025-06-05T00:00:00Z'), utc('2025-06-09T00:00:00Z'));
    expect(iso(got)).toEqual([['2025-06-06T20:00:00.000Z', '2025-06-07T04:00:00.000Z']]);
  });

  it('is found when the range starts on Saturday (the day before is looked at)', () => {
    const got = workingIntervals(night, utc('2025-06-06T22:00:00Z'), utc('2025-06-07T10:00:00Z'));
    expect(iso(got)).toEqual([['2025-06-06T22:00:00.000Z', '2025-06-07T04:00:00.000Z']]);
  });

  it('touching periods on consecutive days merge, and 00:00–00:00 is a whole day', () => {
    const hours: WorkingHours = {
      tz: 'UTC',
      days: [
        [],
        [{ start: '22:00', end: '06:00' }],
        [{ start: '06:00', end: '10:00' }],
        [{ start: '00:00', end: '00:00' }],
        [],
        [],
        [],
      ],
    };
    const got = workingIntervals(hours, utc('2025-06-01T00:00:00Z'), utc('2025-06-08T00:00:00Z'));
    expect(iso(got)).toEqual([
      ['2025-06-02T22:00:00.000Z', '2025-06-03T10:00:00.000Z'],
      ['2025-06-04T00:00:00.000Z', '2025-06-05T00:00:00.000Z'],
    ]);
  });
});

describe('parsing and validation', () => {
  it('parses clock times', () => {
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('9:30')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
    for (const bad of ['24:01', '25:00', '9:5', '9am', '', '12:60'])
      expect(() => parseClock(bad)).toThrow(RangeError);
  });

  it('reports every problem of a setting', () => {
    expect(validateWorkingHours(defaultWorkingHours('Europe/Berlin'))).toEqual([]);
    const problems = validateWorkingHours({
      tz: 'Nowhere/Else',
      days: [[{ start: '9am', end: '17:00' }], [], [], [], [], []],
    });
    expect(problems).toEqual([
      'tz: "Nowhere/Else" — allowed: an IANA time zone like Europe/Berlin',
      'expected 7 weekdays, got 6',
      'day 0: not a time of day (HH:MM): 9am',
    ]);
  });

  it('merges overlapping intervals and drops empty ones', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 9 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
        { start: 8, end: 12 },
        { start: 7, end: 7 },
      ]),
    ).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 12 },
    ]);
  });
});
