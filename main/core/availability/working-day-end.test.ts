import { describe, expect, it } from 'vitest';
import type { WorkingHours } from '../../../shared/domain.js';
import { endOfWorkingDay } from './working-day-end.js';
import { defaultWorkingHours } from './working-hours.js';

const berlin = defaultWorkingHours('Europe/Berlin');
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('endOfWorkingDay', () => {
  it('is the end of today’s working hours in the user’s zone', () => {
    // Monday 2025-03-03, 11:00 in Berlin (UTC+1): the day ends at 17:00 Berlin = 16:00 UTC.
    expect(iso(endOfWorkingDay(berlin, at('2025-03-03T10:00:00Z')))).toBe(
      '2025-03-03T16:00:00.000Z',
    );
    // Summer time: 17:00 Berlin = 15:00 UTC.
    expect(iso(endOfWorkingDay(berlin, at('2025-07-01T08:00:00Z')))).toBe(
      '2025-07-01T15:00:00.000Z',
    );
  });

  it('is null outside working hours and at the weekend', () => {
    expect(endOfWorkingDay(berlin, at('2025-03-03T16:30:00Z'))).toBeNull();
    expect(endOfWorkingDay(berlin, at('2025-03-03T06:00:00Z'))).toBeNull();
    expect(endOfWorkingDay(berlin, at('2025-03-08T10:00:00Z'))).toBeNull();
  });

  it('looks past a lunch break, and keeps a night shift to the day it started', () => {
    const split: WorkingHours = {
      tz: 'UTC',
      days: [
        [],
        [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '18:00' },
        ],
        [],
        [],
        [],
        [],
        [],
      ],
    };
    expect(iso(endOfWorkingDay(split, at('2025-03-03T10:00:00Z')))).toBe(
      '2025-03-03T18:00:00.000Z',
    );
    expect(endOfWorkingDay(split, at('2025-03-03T12:30:00Z'))).toBeNull();
    const night: WorkingHours = {
      tz: 'UTC',
      days: [[], [{ start: '22:00', end: '06:00' }], [], [], [], [], []],
    };
    expect(iso(endOfWorkingDay(night, at('2025-03-04T02:00:00Z')))).toBe(
      '2025-03-04T06:00:00.000Z',
    );
  });
});
