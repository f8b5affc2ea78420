// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { WorkingHours } from '../../shared/domain.js';
import {
  MAX_PERIODS,
  addPeriod,
  copyMondayToWeekdays,
  removePeriod,
  updatePeriod,
  validateWorkingHours,
  weekdayName,
} from './working-hours-model.js';

const empty: WorkingHours = { tz: 'Europe/Berlin', days: [[], [], [], [], [], [], []] };

describe('working hours model', () => {
  it('names weekdays from Sunday = 0 in the locale', () => {
    expect(weekdayName(0, 'en')).toBe('Sunday');
    expect(weekdayName(1, 'de')).toBe('Montag');
  });

  it('adds, edits and removes periods without touching other days', () => {
    let h = addPeriod(empty, 1);
    expect(h.days[1]).toEqual([{ start: '09:00', end: '17:00' }]);
    h = updatePeriod(h, 1, 0, 'end', '12:00');
    h = addPeriod(h, 1);
    expect(h.days[1]).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '12:00', end: '23:59' },
    ]);
    expect(h.days[2]).toEqual([]);
    expect(empty.days[1]).toEqual([]);
    h = removePeriod(h, 1, 0);
    expect(h.days[1]).toEqual([{ start: '12:00', end: '23:59' }]);
  });

  it('stops at the most periods a day may have', () => {
    let h = empty;
    for (let i = 0; i < MAX_PERIODS + 2; i++) h = addPeriod(h, 3);
    expect(h.days[3]).toHaveLength(MAX_PERIODS);
  });

  it('copies Monday to the other weekdays only', () => {
    const h = copyMondayToWeekdays(addPeriod(empty, 1));
    expect(h.days.map((d) => d.length)).toEqual([0, 1, 1, 1, 1, 1, 0]);
  });

  it('flags unknown zones and unusable periods', () => {
    const bad: WorkingHours = {
      tz: 'Mars/Olympus',
      days: [
        [],
        [{ start: '09:00', end: '' }],
        [{ start: '10:00', end: '10:00' }],
        [{ start: '22:00', end: '02:00' }],
        [],
        [],
        [],
      ],
    };
    expect(validateWorkingHours(bad)).toEqual({
      tz: expect.stringContaining('Mars/Olympus'),
      '1-0': 'Enter both times as HH:MM.',
      '2-0': 'Start and end are the same.',
    });
    expect(validateWorkingHours(addPeriod(empty, 1))).toEqual({});
  });
});
