import { describe, expect, it } from 'vitest';
import type { Contact, ContactKind, LedgerClient, TimeEntry } from '../../../shared/ledger.js';
import { analyse, type AnalysisSettings } from './analyse.js';

/*
 * "Today" is Wednesday 2 December 2026 in UTC (week 2026-W49, Monday 30 November). Busy has an
 * allowance of 2 a week, €100/h, and calls: 5 in W48 (23–29 Nov), 2 on Mon 30 Nov, 3 on 1–2 Dec.
 */
let seq = 0;
const contact = (clientId: string, kind: ContactKind, at: string, minutes = 10): Contact => ({
  id: `c${++seq}`,
  clientId,
  kind,
  at,
  minutes,
  scheduled: false,
  source: 'manual',
});
const entry = (clientId: string, date: string, minutes: number): TimeEntry => ({
  id: `e${++seq}`,
  clientId,
  clientName: clientId,
  date,
  minutes,
  billable: true,
  source: 'manual',
  importKey: `k${seq}`,
});
const busy: LedgerClient = { id: 'busy', name: 'Busy', currency: 'EUR', hourlyRateMinor: 10_000 };
const calls: Contact[] = [
  ...['23', '24', '25', '26', '27'].map((d) => contact('busy', 'call', `2026-11-${d}T10:00:00Z`)),
  contact('busy', 'call', '2026-11-30T09:00:00Z'),
  contact('busy', 'voicemail', '2026-11-30T15:00:00Z'),
  contact('busy', 'call', '2026-12-01T09:00:00Z'),
  contact('busy', 'missed-call', '2026-12-01T11:00:00Z'),
  contact('busy', 'call', '2026-12-02T08:00:00Z'),
];
const base: AnalysisSettings = { timeZone: 'UTC', now: '2026-12-02T23:59:59Z' };
const only = (input: Parameters<typeof analyse>[0]) => analyse(input).clients[0]!;

describe('a sound rate case', () => {
  it('speaks of the same period as its numbers: a 1–2 December view says 3 against 0.6', () => {
    const a = only({
      contacts: calls,
      entries: [],
      clients: [busy],
      settings: { ...base, windowStart: '2026-12-01' },
    });
    expect([a.recent.adHoc, a.recent.allowance]).toEqual([3, 0.6]);
    const reasons = a.recommendation.reasons.join(' ');
    expect(reasons).toContain('unscheduled 3 times from December 1, 2026 to December 2, 2026');
    expect(reasons).toContain('the allowance for that time is 0.6 (2 a week)');
    // Weeks that begin before the period are not in it: no streak, no talk of "this week" (4) or last week (5).
    expect(a.overAllowanceStreak).toBe(0);
    expect(reasons).not.toMatch(/this week|last week|weeks running/);
    expect(a.recommendation.kind).not.toBe('propose-standing-call');
  });

  it('counts a streak only over weeks that begin inside the period', () => {
    const from = (windowStart: string) =>
      only({ contacts: calls, entries: [], clients: [busy], settings: { ...base, windowStart } });
    expect(from('2026-11-23').overAllowanceStreak).toBe(2);
    expect(from('2026-11-24').overAllowanceStreak).toBe(1);
  });

  it('recommends no raise from fewer than four weeks of billed hours, and says what is missing', () => {
    // Three weeks billed at €100/h, with many interruptions: the effective rate is far below target.
    const entries = ['2026-11-11', '2026-11-18', '2026-11-25'].map((d) => entry('busy', d, 120));
    const a = only({
      contacts: calls,
      entries,
      clients: [{ ...busy, hasStandingCall: true }],
      settings: { ...base, windowStart: '2026-11-09' },
    });
    expect(a.billedWeeks).toBe(3);
    expect(a.recent.effectiveRateMinor).toBeLessThan(9_500);
    expect(a.recommendation.kind).toBe('not-enough-data');
    // Nov 9 to Dec 2 touches four weeks: long enough, so the advice is to import, not to widen it.
    expect(a.recommendation.missing).toEqual({ billedWeeks: 3, neededWeeks: 4, periodWeeks: 4 });
    expect(a.recommendation.newRateMinor).toBeUndefined();
    expect(a.recommendation.reasons.join(' ')).toContain(
      'Not enough data yet for a rate decision: billed hours in 3 of the 4 weeks needed.',
    );
    // A fourth billed week is enough evidence: now the raise is recommended, with its numbers.
    const b = only({
      contacts: calls,
      entries: [...entries, entry('busy', '2026-12-01', 120)],
      clients: [{ ...busy, hasStandingCall: true }],
      settings: { ...base, windowStart: '2026-11-09' },
    });
    expect(b.billedWeeks).toBe(4);
    expect(b.recommendation.kind).toBe('raise-rate');
    expect(b.recommendation.newRateMinor).toBeGreaterThan(10_000);
    expect(b.recommendation.missing).toBeUndefined();
  });

  it('says a period shorter than the evidence needed cannot decide a rate, and to choose a longer one', () => {
    // This week alone (Mon 30 Nov – Wed 2 Dec), billed and interrupted: one week can never be four.
    const week = {
      contacts: calls,
      entries: [entry('busy', '2026-12-01', 120)],
      clients: [{ ...busy, hasStandingCall: true }],
    };
    const a = only({ ...week, settings: { ...base, windowStart: '2026-11-30' } });
    expect(a.recommendation.kind).toBe('not-enough-data');
    expect(a.recommendation.missing).toEqual({ billedWeeks: 1, neededWeeks: 4, periodWeeks: 1 });
    const en = a.recommendation.reasons.join(' ');
    expect(en).toContain(
      'This period is too short for a rate decision: it covers 1 week, and a decision needs billed hours in 4 weeks.',
    );
    expect(en).not.toContain('Import your time tracker');
    // Asked for more weeks than twelve, twelve are no advice.
    const long = only({
      ...week,
      settings: { ...base, windowStart: '2026-11-30', minBilledWeeks: 16 },
    });
    expect(long.recommendation.reasons.join(' ')).toContain(
      'Choose a period of at least 16 weeks.',
    );
    expect(long.recommendation.reasons.join(' ')).not.toContain('last 12 weeks');
    const de = only({ ...week, settings: { ...base, windowStart: '2026-11-30', locale: 'de-DE' } });
    expect(de.recommendation.reasons.join(' ')).toContain(
      'Für eine Entscheidung über den Satz ist dieser Zeitraum zu kurz: Er umfasst 1 Woche',
    );
  });

  it('does not offer a standing call where one exists already', () => {
    const settings = { ...base, windowStart: '2026-11-23', minBilledWeeks: 0 };
    const without = only({ contacts: calls, entries: [], clients: [busy], settings });
    expect(without.recommendation.kind).toBe('propose-standing-call');
    for (const client of [
      { ...busy, hasStandingCall: true },
      { ...busy, nextStandingCall: '2026-12-04T09:00:00Z' },
    ]) {
      const a = only({ contacts: calls, entries: [], clients: [client], settings });
      expect(a.recommendation.kind).not.toBe('propose-standing-call');
      expect(a.recommendation.reasons.join(' ')).not.toContain('There is no standing call yet');
    }
  });

  it('gives a client with nothing billed a coherent answer: the scope first, no raise', () => {
    const a = only({
      contacts: calls,
      entries: [],
      clients: [{ ...busy, hasStandingCall: true }],
      settings: { ...base, windowStart: '2026-11-23' },
    });
    expect(a.recent.billedMinutes).toBe(0);
    expect(a.recommendation.kind).toBe('not-enough-data');
    expect(a.recommendation.newRateMinor).toBeUndefined();
    const reasons = a.recommendation.reasons.join(' ');
    expect(reasons).toContain('talk about the scope of the engagement first');
    expect(reasons).not.toContain('would need to be');
  });

  it('writes reasons, numbers and money in one locale: German throughout for "de"', () => {
    const entries = ['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25'].map((d) =>
      entry('busy', d, 90),
    );
    const a = only({
      contacts: calls,
      entries,
      clients: [{ ...busy, hasStandingCall: true }],
      settings: { ...base, windowStart: '2026-11-02', locale: 'de' },
    });
    expect(a.recommendation.kind).toBe('raise-rate');
    const reasons = a.recommendation.reasons.join(' ');
    expect(reasons).toContain('vom 2. November 2026 bis 2. Dezember 2026 10-mal');
    expect(reasons).toMatch(/6 h abgerechnet/);
    expect(reasons).toMatch(/\d+,\d{2}\s€\/h bei einem Ziel von 100\s€\/h/);
    expect(reasons).not.toMatch(/ billed| against |€\d/);
    const english = only({
      contacts: calls,
      entries,
      clients: [{ ...busy, hasStandingCall: true }],
      settings: { ...base, windowStart: '2026-11-02', locale: 'en' },
    });
    expect(english.recommendation.reasons.join(' ')).toMatch(
      /€\d+\.\d{2}\/h against your target of €100\/h/,
    );
    expect(english.recommendation.reasons.join(' ')).not.toMatch(/\d,\d{2}\s€/);
  });
});
