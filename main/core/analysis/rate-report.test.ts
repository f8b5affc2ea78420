import { describe, expect, it } from 'vitest';
import type { Contact, LedgerClient, TimeEntry } from '../../../shared/ledger.js';
import { analyse } from './analyse.js';
import { resolvePeriod, toHours, toMoney, windowStartOf } from './rate-report.js';

const NOW = Date.parse('2025-03-20T12:00:00Z');

describe('resolvePeriod', () => {
  it('reads dates as whole local days (a `to` date includes its day) and instants as they are', () => {
    expect(resolvePeriod({ from: '2025-03-03', to: '2025-03-16' }, 'Europe/Berlin', NOW)).toEqual({
      from: Date.parse('2025-03-02T23:00:00Z'),
      to: Date.parse('2025-03-16T23:00:00Z'),
    });
    // Across the change to summer time the last day is 23 hours long.
    expect(resolvePeriod({ from: '2025-03-30', to: '2025-03-30' }, 'Europe/Berlin', NOW)).toEqual({
      from: Date.parse('2025-03-29T23:00:00Z'),
      to: Date.parse('2025-03-30T22:00:00Z'),
    });
    expect(
      resolvePeriod({ from: '2025-03-01T08:00:00+01:00', to: '2025-03-02T00:00:00Z' }, 'UTC', NOW),
    ).toEqual({
      from: Date.parse('2025-03-01T07:00:00Z'),
      to: Date.parse('2025-03-02T00:00:00Z'),
    });
  });

  it('defaults to this month and the two before, up to now', () => {
    expect(resolvePeriod({}, 'Europe/Berlin', NOW)).toEqual({
      from: Date.parse('2024-12-31T23:00:00Z'),
      to: NOW,
    });
    expect(resolvePeriod({}, 'UTC', NOW, 1)).toEqual({
      from: Date.parse('2025-03-01T00:00:00Z'),
      to: NOW,
    });
    expect(resolvePeriod({ to: '2025-01-15' }, 'UTC', NOW).from).toBe(
      Date.parse('2024-11-01T00:00:00Z'),
    );
  });

  it('refuses an empty period and text that is neither a date nor an instant', () => {
    expect(() => resolvePeriod({ from: '2025-03-10', to: '2025-03-09' }, 'UTC', NOW)).toThrow(
      /to: .* — the period is empty/,
    );
    expect(() => resolvePeriod({ from: 'last week' }, 'UTC', NOW)).toThrow(
      /from: "last week" — allowed: a date/,
    );
  });

  it('names the first local day of a period and converts units at the edge only', () => {
    expect(
      windowStartOf({ from: Date.parse('2025-03-02T23:00:00Z'), to: NOW }, 'Europe/Berlin'),
    ).toBe('2025-03-03');
    expect(toMoney(12_345, 'EUR')).toEqual({ amount: 123.45, currency: 'EUR' });
    expect(toMoney(12_345, 'JPY')).toEqual({ amount: 12_345, currency: 'JPY' });
    expect(toHours(142)).toBe(2.37);
  });
});

describe('analyse with a window start', () => {
  it('sums exactly the days from the window start to today, mid-month included', () => {
    const clients: LedgerClient[] = [
      { id: 'acme', name: 'Acme', currency: 'EUR', hourlyRateMinor: 6_000 },
    ];
    const call = (id: string, at: string): Contact => ({
      id,
      clientId: 'acme',
      kind: 'call',
      at,
      minutes: 10,
      scheduled: false,
      source: 'manual',
    });
    const entry = (id: string, date: string): TimeEntry => ({
      id,
      clientId: 'acme',
      clientName: 'Acme',
      date,
      minutes: 60,
      billable: true,
      source: 'manual',
      importKey: id,
    });
    const result = analyse({
      contacts: [
        call('before', '2025-03-09T10:00:00Z'),
        call('first', '2025-03-10T10:00:00Z'),
        call('last', '2025-03-16T10:00:00Z'),
        call('after', '2025-03-17T10:00:00Z'),
      ],
      entries: [entry('e0', '2025-03-09'), entry('e1', '2025-03-10'), entry('e2', '2025-03-17')],
      clients,
      settings: { timeZone: 'UTC', now: '2025-03-16T23:59:59Z', windowStart: '2025-03-10' },
    });
    const recent = result.clients[0]?.recent;
    // 10–16 March: two calls (20 min, 2 ad hoc → 46 min overhead), one hour billed at €60.
    expect(recent).toMatchObject({
      start: '2025-03-10',
      end: '2025-03-16',
      contactCount: 2,
      adHoc: 2,
      billedMinutes: 60,
      revenueMinor: 6_000,
      allowance: 2,
    });
    // 6000 × 60 / (60 + 20 + 46) = 360 000 / 126 = 2857.1
    expect(recent?.effectiveRateMinor).toBe(2857);
    expect(() =>
      analyse({
        contacts: [],
        entries: [],
        clients,
        settings: { timeZone: 'UTC', now: NOW, windowStart: 'March' },
      }),
    ).toThrow(/windowStart/);
  });
});
