import { describe, expect, it } from 'vitest';
import {
  mailtoLink,
  periodProblem,
  scriptAsText,
  periodDates,
  thisMonth,
} from './rate-case-model.js';

describe('period', () => {
  it('defaults to the first of this month up to today', () => {
    expect(thisMonth(new Date(2025, 2, 17, 15))).toEqual({ from: '2025-03-01', to: '2025-03-17' });
  });

  it("shows a report's period as its first and last day in the report's zone", () => {
    expect(
      periodDates({
        from: '2024-12-22T23:00:00.000Z',
        to: '2025-03-12T11:00:00.000Z',
        timeZone: 'Europe/Berlin',
      }),
    ).toEqual({ from: '2024-12-23', to: '2025-03-12' });
    // An end at midnight belongs to the day before it.
    expect(
      periodDates({
        from: '2025-03-01T00:00:00.000Z',
        to: '2025-03-04T00:00:00.000Z',
        timeZone: 'UTC',
      }),
    ).toEqual({ from: '2025-03-01', to: '2025-03-03' });
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
