import { describe, expect, it } from 'vitest';
import { expectIsoDate } from '../time/civil.js';
import { periodWeeks } from './period-weeks.js';

const day = expectIsoDate;

describe('periodWeeks', () => {
  it('counts per Monday-to-Sunday week, the allowance pro rata for the days at the period ends', () => {
    // Wednesday 5 March to Monday 17 March 2025, both days inside.
    const weeks = periodWeeks(
      ['2025-03-05', '2025-03-09', '2025-03-10', '2025-03-17', '2025-03-18', '2025-03-04'].map(day),
      {
        firstDay: day('2025-03-05'),
        lastDay: day('2025-03-17'),
        weeklyAllowance: 1,
        openEnded: false,
      },
    );
    expect(weeks).toEqual([
      { monday: '2025-03-03', days: 5, adHoc: 2, allowance: 0.7, over: true },
      { monday: '2025-03-10', days: 7, adHoc: 1, allowance: 1, over: false },
      { monday: '2025-03-17', days: 1, adHoc: 1, allowance: 0.1, over: true },
    ]);
  });

  it('gives the unfinished last week of a period that has not ended its whole allowance', () => {
    // Wednesday 5 March to today, Tuesday 11 March.
    const input = { firstDay: day('2025-03-05'), lastDay: day('2025-03-11'), weeklyAllowance: 2 };
    const days = ['2025-03-10', '2025-03-11'].map(day);
    expect(periodWeeks(days, { ...input, openEnded: true })).toEqual([
      { monday: '2025-03-03', days: 5, adHoc: 0, allowance: 1.4, over: false },
      { monday: '2025-03-10', days: 2, adHoc: 2, allowance: 2, over: false },
    ]);
    // Over and done, the same two days allow two sevenths of the week.
    expect(periodWeeks(days, { ...input, openEnded: false })[1]).toEqual({
      monday: '2025-03-10',
      days: 2,
      adHoc: 2,
      allowance: 0.6,
      over: true,
    });
    // A period of one unfinished day that began mid-week: the days left of that week.
    expect(
      periodWeeks([], {
        firstDay: day('2025-03-12'),
        lastDay: day('2025-03-12'),
        weeklyAllowance: 2,
        openEnded: true,
      }),
    ).toEqual([{ monday: '2025-03-10', days: 1, adHoc: 0, allowance: 1.4, over: false }]);
  });

  it('spans a year end and is empty for an empty period', () => {
    const weeks = periodWeeks([day('2025-01-01')], {
      firstDay: day('2024-12-23'),
      lastDay: day('2025-01-05'),
      weeklyAllowance: 2,
      openEnded: false,
    });
    expect(weeks.map((w) => [w.monday, w.days, w.adHoc])).toEqual([
      ['2024-12-23', 7, 0],
      ['2024-12-30', 7, 1],
    ]);
    expect(
      periodWeeks([day('2025-03-05')], {
        firstDay: day('2025-03-05'),
        lastDay: day('2025-03-04'),
        weeklyAllowance: 2,
        openEnded: false,
      }),
    ).toEqual([]);
  });
});
