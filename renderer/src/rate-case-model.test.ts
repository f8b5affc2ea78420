import { describe, expect, it } from 'vitest';
import type { Contact, ContactKind } from '../../shared/ledger.js';
import {
  localDayNumber,
  mailtoLink,
  periodProblem,
  scriptAsText,
  lastTwelveWeeks,
  thisMonth,
  weeklyAdHoc,
} from './rate-case-model.js';

let n = 0;
function contact(at: string, kind: ContactKind = 'call', scheduled = false): Contact {
  return { id: `c${++n}`, clientId: 'acme', kind, at, minutes: 5, scheduled, source: 'manual' };
}

describe('weeklyAdHoc', () => {
  it('counts unscheduled contacts per Monday-to-Sunday week, prorating the allowance at the period ends', () => {
    // Wednesday 5 March to Monday 17 March 2025 (inclusive), in UTC.
    const rows = weeklyAdHoc(
      [
        contact('2025-03-05T09:00:00Z'),
        contact('2025-03-09T22:00:00Z', 'voicemail'),
        contact('2025-03-10T08:00:00Z', 'missed-call'),
        contact('2025-03-11T08:00:00Z', 'email'),
        contact('2025-03-12T08:00:00Z', 'call', true),
        contact('2025-03-17T23:59:00Z', 'ad-hoc-meeting'),
        contact('2025-03-18T00:00:00Z'),
        contact('2025-03-04T23:59:59Z'),
      ],
      {
        from: '2025-03-05T00:00:00Z',
        to: '2025-03-18T00:00:00Z',
        timeZone: 'UTC',
        allowancePerWeek: 1,
      },
    );
    expect(rows).toEqual([
      { monday: '2025-03-03', days: 5, adHoc: 2, allowance: 0.7, over: true },
      { monday: '2025-03-10', days: 7, adHoc: 1, allowance: 1, over: false },
      { monday: '2025-03-17', days: 1, adHoc: 1, allowance: 0.1, over: true },
    ]);
  });

  it('gives the unfinished last week of a period that has not ended its whole allowance', () => {
    // Wednesday 5 March to now, Tuesday 11 March: the week of the 10th has only begun.
    const rows = weeklyAdHoc([contact('2025-03-10T08:00:00Z'), contact('2025-03-11T08:00:00Z')], {
      from: '2025-03-05T00:00:00Z',
      to: '2025-03-11T12:00:00Z',
      timeZone: 'UTC',
      allowancePerWeek: 2,
      openEnded: true,
    });
    expect(rows).toEqual([
      { monday: '2025-03-03', days: 5, adHoc: 0, allowance: 1.4, over: false },
      { monday: '2025-03-10', days: 2, adHoc: 2, allowance: 2, over: false },
    ]);
  });

  it('reads days and weeks in the report zone, not UTC', () => {
    // Sunday 23:30 in UTC is already Monday in Berlin: a new week there.
    const rows = weeklyAdHoc([contact('2025-03-09T23:30:00Z')], {
      from: '2025-03-02T23:00:00Z',
      to: '2025-03-16T23:00:00Z',
      timeZone: 'Europe/Berlin',
      allowancePerWeek: 2,
    });
    expect(rows.map((r) => [r.monday, r.adHoc])).toEqual([
      ['2025-03-03', 0],
      ['2025-03-10', 1],
    ]);
    expect(localDayNumber(Date.parse('1970-01-01T23:30:00Z'), 'Asia/Tokyo')).toBe(1);
  });

  it('is empty for an empty period', () => {
    expect(
      weeklyAdHoc([], {
        from: '2025-03-05T00:00:00Z',
        to: '2025-03-05T00:00:00Z',
        timeZone: 'UTC',
        allowancePerWeek: 1,
      }),
    ).toEqual([]);
  });
});

describe('period', () => {
  it('defaults to the first of this month up to today', () => {
    expect(thisMonth(new Date(2025, 2, 17, 15))).toEqual({ from: '2025-03-01', to: '2025-03-17' });
    // Monday 17 March 2025: twelve weeks back from that Monday; a Sunday belongs to the week before.
    expect(lastTwelveWeeks(new Date(2025, 2, 17, 15))).toEqual({
      from: '2024-12-30',
      to: '2025-03-17',
    });
    expect(lastTwelveWeeks(new Date(2025, 2, 23, 23))).toEqual({
      from: '2024-12-30',
      to: '2025-03-23',
    });
    expect(lastTwelveWeeks(new Date(2025, 2, 24, 0))).toEqual({
      from: '2025-01-06',
      to: '2025-03-24',
    });
  });

  it('explains a period that cannot be shown', () => {
    expect(periodProblem('2025-03-01', '2025-03-01')).toBeNull();
    expect(periodProblem('', '2025-03-01')).toBe('firstDay');
    expect(periodProblem('2025-03-01', '2025-3-1')).toBe('lastDay');
    expect(periodProblem('2025-03-02', '2025-03-01')).toBe('order');
  });
});

describe('mailtoLink', () => {
  it('encodes subject and body, with CRLF line breaks', () => {
    const link = mailtoLink({
      language: 'de',
      subject: 'Vorschlag: fester Termin & mehr',
      body: 'Guten Tag,\n\n100 % sicher?',
    });
    expect(link).toBe(
      'mailto:?subject=Vorschlag%3A%20fester%20Termin%20%26%20mehr&body=Guten%20Tag%2C%0D%0A%0D%0A100%20%25%20sicher%3F',
    );
    expect(new URL(link).protocol).toBe('mailto:');
    expect(mailtoLink({ language: 'en', body: 'Hi' })).toBe('mailto:?body=Hi');
    expect(scriptAsText({ language: 'en', subject: 'S', body: 'B' })).toBe('S\n\nB');
  });
});
