import { describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/domain.js';
import type { Contact, ContactKind, LedgerClient, TimeEntry } from '../../../shared/ledger.js';
import { analyse, type AnalysisSettings } from './analyse.js';

/*
 * A hand-computed table. "Today" is Wednesday 12 March 2025 in Berlin: this week is 2025-W11
 * (10–16 March), last week 2025-W10 (3–9 March). The recommendation window is March alone
 * (recentMonths 1): 1–12 March, 12 days.
 *
 * Acme (EUR, €100/h, no standing call, allowance 2)
 *   W10  call 10' · missed 0' · voicemail 1' · scheduled meeting 60' (billed) · e-mail 5'
 *        adHoc 3, contact minutes 76, unbilled 16, overhead 3×23 = 69
 *        entries: 120' no amount → 120×10000/60 = 20000; 90' with amount 15000 → billed 210, revenue 35000
 *        effective = 35000×60 / (210+16+69) = 2 100 000 / 295 = 7118.6 → 7119
 *   W11  call 20' · ad-hoc meeting 30' · call 15' (billed: true) · message 2' · call 5' at Sunday 23:30 UTC
 *        (= Monday 00:30 in Berlin, so W11)
 *        adHoc 4, contact minutes 72, unbilled 57, overhead 92
 *        entries: 60' amount 0 (tracker without rate) → 10000; 30' non-billable
 *        effective = 10000×60 / (60+57+92) = 600 000 / 209 = 2870.8 → 2871
 *   W09  one call 10' (26 Feb); W08 one 60' entry (20 Feb) → revenue 10000
 *   Over the allowance in W11 (4) and W10 (3), not W09 (1): streak 2, no standing call → propose one.
 *   March: adHoc 7, unbilled 73, overhead 161, billed 270, revenue 45000
 *        effective = 2 700 000 / 504 = 5357.1 → 5357 < 10000 × 0.95
 *        newRate = 10000 × 504 / 270 = 18666.7 → rounded up to a whole euro: 18700 (+87 %)
 *        retainer = (10000×504/60 − 45000) / (12 / 30.436875) = 39000 × 2.53640625 = 98919.8 → 99000
 *   February: adHoc 1, unbilled 10, overhead 23, billed 60, revenue 10000 → 600 000 / 93 = 6451.6 → 6452
 *
 * Beta (EUR, €80/h, standing call, allowance 3): 4 calls of 10' in each of W10 and W11 (over by 1 twice)
 *   entries 600' and 300' without amounts → 80000 + 40000 = 120000
 *   March: adHoc 8, unbilled 80, overhead 184, billed 900 → 7 200 000 / 1164 = 6185.6 → 6186 < 7600
 *   newRate = 8000 × 1164 / 900 = 10346.7 → 10400 (+30 %); retainer = (155200 − 120000) × 2.53640625
 *   = 89281.5 → 89300. Standing call exists → raise the rate.
 *
 * Gamma (USD, $150/h): one 240' entry with amount 60000 → effective 15000 = target → within boundaries.
 * An entry for an unknown client (EUR 350.00) counts in the EUR total: 45000 + 120000 + 35000 = 200000,
 *   so Acme has 22.5 % (no warning) and Beta 60 % (walk-away warning); Gamma has all USD revenue.
 */

const clients: LedgerClient[] = [
  { id: 'acme', name: 'Acme', currency: 'EUR', hourlyRateMinor: 10_000 },
  {
    id: 'beta',
    name: 'Beta',
    currency: 'EUR',
    hourlyRateMinor: 8_000,
    adHocAllowancePerWeek: 3,
    hasStandingCall: true,
  },
  { id: 'gamma', name: 'Gamma', currency: 'USD', hourlyRateMinor: 15_000 },
];

let seq = 0;
const contact = (
  clientId: string,
  kind: ContactKind,
  at: string,
  minutes: number,
  extra: Partial<Contact> = {},
): Contact => ({
  id: `c${++seq}`,
  clientId,
  kind,
  at,
  minutes,
  scheduled: kind === 'scheduled-meeting',
  source: 'manual',
  ...extra,
});
const entry = (
  clientId: string | undefined,
  date: string,
  minutes: number,
  extra: Partial<TimeEntry> = {},
): TimeEntry => ({
  id: `e${++seq}`,
  ...(clientId ? { clientId } : {}),
  clientName: clientId ?? 'Unknown Ltd',
  date,
  minutes,
  billable: true,
  source: 'manual',
  importKey: `k${seq}`,
  ...extra,
});

const contacts: Contact[] = [
  contact('acme', 'call', '2025-03-03T09:00:00Z', 10),
  contact('acme', 'missed-call', '2025-03-04T10:00:00Z', 0),
  contact('acme', 'voicemail', '2025-03-05T11:00:00Z', 1),
  contact('acme', 'scheduled-meeting', '2025-03-06T13:00:00Z', 60),
  contact('acme', 'email', '2025-03-07T08:00:00Z', 5),
  contact('acme', 'call', '2025-03-10T09:00:00Z', 20),
  contact('acme', 'ad-hoc-meeting', '2025-03-11T14:00:00Z', 30),
  contact('acme', 'call', '2025-03-12T08:00:00Z', 15, { billed: true }),
  contact('acme', 'message', '2025-03-12T09:00:00Z', 2),
  contact('acme', 'call', '2025-03-09T23:30:00Z', 5),
  contact('acme', 'call', '2025-02-26T10:00:00Z', 10),
  ...[
    '2025-03-03',
    '2025-03-04',
    '2025-03-05',
    '2025-03-06',
    '2025-03-10',
    '2025-03-10T15',
    '2025-03-11',
    '2025-03-12',
  ].map((d) => contact('beta', 'call', d.length === 10 ? `${d}T10:00:00Z` : `${d}:00:00Z`, 10)),
  contact('ghost', 'call', '2025-03-10T09:00:00Z', 10),
];
const entries: TimeEntry[] = [
  entry('acme', '2025-03-04', 120),
  entry('acme', '2025-03-06', 90, { amountMinor: 15_000, currency: 'EUR' }),
  entry('acme', '2025-03-11', 60, { amountMinor: 0, currency: 'EUR' }),
  entry('acme', '2025-03-11', 30, { billable: false }),
  entry('acme', '2025-02-20', 60),
  entry('beta', '2025-03-05', 600),
  entry('beta', '2025-03-11', 300),
  entry('gamma', '2025-03-03', 240, { amountMinor: 60_000, currency: 'USD' }),
  entry(undefined, '2025-03-07', 60, { amountMinor: 35_000, currency: 'EUR' }),
];
const settings: AnalysisSettings = {
  timeZone: 'Europe/Berlin',
  now: '2025-03-12T12:00:00Z',
  recentMonths: 1,
  // The hand-computed table has two weeks of billed hours; the evidence rule is tested on its own.
  minBilledWeeks: 1,
};

describe('analyse', () => {
  const result = analyse({ contacts, entries, clients, settings });
  const byId = (id: string) => result.clients.find((c) => c.clientId === id)!;
  const acme = byId('acme');
  const beta = byId('beta');
  const gamma = byId('gamma');

  it('counts contacts by kind per ISO week in the user zone', () => {
    expect(acme.weeks.map((w) => [w.key, w.adHoc])).toEqual([
      ['2025-W08', 0],
      ['2025-W09', 1],
      ['2025-W10', 3],
      ['2025-W11', 4],
    ]);
    expect(acme.lastWeek).toMatchObject({
      key: '2025-W10',
      start: '2025-03-03',
      end: '2025-03-09',
      contacts: {
        call: 1,
        'missed-call': 1,
        voicemail: 1,
        'ad-hoc-meeting': 0,
        'scheduled-meeting': 1,
        email: 1,
        message: 0,
      },
      contactCount: 5,
      allowance: 2,
      overAllowance: 1,
      contactMinutes: 76,
      unbilledContactMinutes: 16,
      overheadMinutes: 69,
      billedMinutes: 210,
      revenueMinor: 35_000,
      effectiveRateMinor: 7119,
    });
    expect(acme.thisWeek).toMatchObject({
      key: '2025-W11',
      contacts: { call: 3, 'ad-hoc-meeting': 1, message: 1 },
      adHoc: 4,
      overAllowance: 2,
      contactMinutes: 72,
      unbilledContactMinutes: 57,
      overheadMinutes: 92,
      billedMinutes: 60,
      nonBillableMinutes: 30,
      revenueMinor: 10_000,
      effectiveRateMinor: 2871,
      trend: {
        adHoc: 1,
        billedMinutes: -150,
        revenueMinor: -25_000,
        effectiveRateMinor: 2871 - 7119,
      },
    });
  });

  it('counts weeks in the zone it is given', () => {
    const utc = analyse({ contacts, entries, clients, settings: { ...settings, timeZone: 'UTC' } });
    const a = utc.clients.find((c) => c.clientId === 'acme')!;
    expect([a.lastWeek.adHoc, a.thisWeek.adHoc]).toEqual([4, 3]);
  });

  it('sums months, with per-day allowances, rates per billed hour and trends', () => {
    expect(acme.months.map((m) => m.key)).toEqual(['2025-02', '2025-03']);
    expect(acme.lastMonth).toMatchObject({
      adHoc: 1,
      unbilledContactMinutes: 10,
      overheadMinutes: 23,
      billedMinutes: 60,
      revenueMinor: 10_000,
      effectiveRateMinor: 6452,
    });
    expect(acme.thisMonth).toMatchObject({
      start: '2025-03-01',
      end: '2025-03-31',
      adHoc: 7,
      allowance: 8.9,
      overAllowance: 0,
      billedMinutes: 270,
      revenueMinor: 45_000,
      effectiveRateMinor: 5357,
      contactsPerBilledHour: 2.22,
      adHocPerBilledHour: 1.56,
      trend: {
        adHoc: 6,
        billedMinutes: 210,
        revenueMinor: 35_000,
        effectiveRateMinor: 5357 - 6452,
      },
    });
    expect(acme.recent).toMatchObject({
      start: '2025-03-01',
      end: '2025-03-12',
      allowance: 3.4,
      effectiveRateMinor: 5357,
    });
  });

  it('proposes a standing call after two weeks over the allowance, with the rate case for later', () => {
    expect(acme.overAllowanceStreak).toBe(2);
    expect(acme.recommendation).toMatchObject({
      kind: 'propose-standing-call',
      newRateMinor: 18_700,
      increasePercent: 87,
      retainerMinorPerMonth: 99_000,
      walkAwayWarning: false,
    });
    expect(acme.revenueShare).toBeCloseTo(0.225, 10);
    const reasons = acme.recommendation.reasons.join(' ');
    // The same period as the numbers: 7 in 1–12 March against 3.4, not "this week" and "last week".
    expect(reasons).toContain(
      '7 times from March 1, 2025 to March 12, 2025; the allowance for that time is 3.4 (2 a week)',
    );
    expect(reasons).toContain("Gloria Mark's interview figure");
    expect(reasons).toContain('€53.57/h against your target of €100/h');
    expect(reasons).toContain('€187/h');
  });

  it('recommends a raise when a standing call exists and the rate falls short, and warns about a big client', () => {
    expect(beta.recent).toMatchObject({
      adHoc: 8,
      unbilledContactMinutes: 80,
      overheadMinutes: 184,
      billedMinutes: 900,
      revenueMinor: 120_000,
      effectiveRateMinor: 6186,
    });
    expect(beta.overAllowanceStreak).toBe(2);
    expect(beta.recommendation).toMatchObject({
      kind: 'raise-rate',
      newRateMinor: 10_400,
      increasePercent: 30,
      retainerMinorPerMonth: 89_300,
      walkAwayWarning: true,
    });
    expect(beta.revenueShare).toBeCloseTo(0.6, 10);
    expect(beta.recommendation.reasons.join(' ')).toContain('decide your walk-away point first');
  });

  it('leaves a client within boundaries alone, and keeps currencies apart', () => {
    expect(gamma.recommendation.kind).toBe('within-boundaries');
    expect(gamma.recommendation.newRateMinor).toBeUndefined();
    expect(gamma.recent.effectiveRateMinor).toBe(15_000);
    expect(gamma.revenueShare).toBe(1);
    expect(result.revenueByCurrency).toEqual({ EUR: 200_000, USD: 60_000 });
    expect(result.unassigned).toEqual({ entries: 1, minutes: 60 });
  });

  it('takes the recovery minutes and allowance from the settings', () => {
    const r = analyse({
      contacts,
      entries,
      clients,
      settings: { ...settings, recoveryMinutes: 0, weeklyAllowance: 5 },
    });
    const a = r.clients.find((c) => c.clientId === 'acme')!;
    // 2 700 000 / (270 + 73) = 7871.7 → 7872; nobody is over 5 a week.
    expect([a.recent.overheadMinutes, a.recent.effectiveRateMinor, a.overAllowanceStreak]).toEqual([
      0, 7872, 0,
    ]);
    expect(r.settings.recoveryLabel).toBe("Gloria Mark's interview figure");
  });

  it('warns about entries it cannot price, and handles a client with no data', () => {
    const r = analyse({
      contacts: [],
      entries: [
        entry('nobody', '2025-03-03', 60),
        entry('usd', '2025-03-03', 60, { amountMinor: 5000, currency: 'EUR' }),
      ],
      clients: [
        { id: 'nobody', name: 'No Rate', currency: 'EUR' },
        { id: 'usd', name: 'Dollar', currency: 'USD', hourlyRateMinor: 6000 },
        { id: 'empty', name: 'Empty', currency: 'EUR', hourlyRateMinor: 9000 },
      ],
      settings,
    });
    const [noRate, dollar, empty] = r.clients;
    expect(noRate?.warnings[0]).toBe(
      '1 billable time entry has no amount and No Rate has no hourly rate: it counts as no revenue.',
    );
    expect(noRate?.recommendation.reasons.join(' ')).toContain('Set an hourly rate for No Rate');
    expect(dollar?.warnings[0]).toMatch(/priced in another currency/);
    expect(dollar?.recent.revenueMinor).toBe(6000);
    expect(empty?.weeks.map((w) => w.key)).toEqual(['2025-W10', '2025-W11']);
    expect(empty?.recent.effectiveRateMinor).toBeNull();
    expect(empty?.recommendation.kind).toBe('within-boundaries');
  });

  it('words the data warnings in the language asked for', () => {
    const r = analyse({
      contacts: [],
      entries: [
        entry('nobody', '2025-03-03', 60),
        entry('usd', '2025-03-03', 60, { amountMinor: 5000, currency: 'EUR' }),
      ],
      clients: [
        { id: 'nobody', name: 'No Rate', currency: 'EUR' },
        { id: 'usd', name: 'Dollar', currency: 'USD', hourlyRateMinor: 6000 },
      ],
      settings: { ...settings, locale: 'de' },
    });
    const [noRate, dollar] = r.clients;
    expect(noRate?.warnings).toEqual([
      '1 abrechenbarer Zeiteintrag hat keinen Betrag, und für No Rate ist kein Stundensatz hinterlegt: Er zählt nicht zum Umsatz.',
    ]);
    expect(dollar?.warnings[0]).toBe(
      '1 Zeiteintrag ist in einer anderen Währung als USD bepreist; er wurde zum Satz des Kunden bewertet.',
    );
  });

  it('takes the stored Client record as it is', () => {
    const stored: Client = {
      id: 'acme',
      name: 'Acme',
      color: '#336699',
      domains: ['acme.com'],
      keywords: [],
      phones: ['+49 30 1234567'],
      hourlyRateMinor: 10_000,
      currency: 'EUR',
      adHocAllowancePerWeek: 5,
      locale: 'de',
      timeZone: 'Europe/Berlin',
      policyText: { en: '', de: '' },
      statusToken: 'x',
      createdAt: '2025-01-01T00:00:00Z',
    };
    const r = analyse({ contacts, entries, clients: [stored], settings });
    expect(r.clients[0]?.weeklyAllowance).toBe(5);
    expect(r.clients[0]?.overAllowanceStreak).toBe(0);
  });
});
