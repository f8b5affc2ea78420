/** Rate-case numbers for component tests: a report with three clients, and one client's detail. */
import type { ClientView } from '../../../shared/api.js';
import { CONTACT_KINDS, type ContactKind } from '../../../shared/ledger.js';
import type {
  ClientDetail,
  ClientReport,
  DetailWeek,
  RateReport,
} from '../../../shared/rate-case.js';

const noKinds = (): Record<ContactKind, number> =>
  Object.fromEntries(CONTACT_KINDS.map((k) => [k, 0])) as Record<ContactKind, number>;

/** One client's numbers; `adHoc` and `allowance` decide whether it is over. */
export function clientReport(
  over: Partial<ClientReport> & { id: string; name: string; adHoc?: number },
): ClientReport {
  const { adHoc = 0, ...rest } = over;
  const allowance = rest.allowance ?? 2;
  return {
    billedHours: 10,
    nonBillableHours: 0,
    revenue: { amount: 1000, currency: 'EUR' },
    contacts: {
      total: adHoc,
      adHoc,
      byKind: { ...noKinds(), call: adHoc },
      hours: 0,
      unbilledHours: 0,
    },
    allowancePerWeek: 2,
    allowance,
    overAllowance: Math.max(0, adHoc - allowance),
    overheadHours: 0,
    effectiveHourlyRate: { amount: 100, currency: 'EUR' },
    hourlyRate: { amount: 120, currency: 'EUR' },
    targetHourlyRate: null,
    revenueShare: 0.3,
    overAllowanceStreak: 0,
    billedWeeks: 4,
    nextStandingCall: null,
    recommendation: { kind: 'within-boundaries', reasons: [], walkAwayWarning: false },
    warnings: [],
    ...rest,
  };
}

/** Three clients: Acme over its allowance, Beta within and earning most, Gamma without a list rate. */
export function threeClientReport(from = '2025-03-10T00:00:00.000Z'): RateReport {
  return {
    from,
    to: '2025-03-13T00:00:00.000Z',
    timeZone: 'UTC',
    openEnded: false,
    recoveryMinutes: 23,
    recoveryLabel: 'Gloria Mark',
    unassigned: { entries: 0, hours: 0 },
    clients: [
      clientReport({
        id: 'beta',
        name: 'Beta',
        adHoc: 1,
        billedHours: 30,
        revenue: { amount: 3600.5, currency: 'EUR' },
        effectiveHourlyRate: { amount: 118, currency: 'EUR' },
        revenueShare: 0.6,
      }),
      clientReport({
        id: 'acme',
        name: 'Acme',
        adHoc: 5,
        billedHours: 8,
        revenue: { amount: 1234.5, currency: 'EUR' },
        effectiveHourlyRate: { amount: 70, currency: 'EUR' },
        revenueShare: 0.3,
        recommendation: {
          kind: 'raise-rate',
          reasons: ['5 unscheduled contacts against an allowance of 2'],
          walkAwayWarning: false,
          newHourlyRate: { amount: 150, currency: 'EUR' },
          increasePercent: 25,
        },
      }),
      clientReport({
        id: 'gamma',
        name: 'Gamma',
        adHoc: 0,
        billedHours: 2,
        revenue: { amount: 200, currency: 'EUR' },
        effectiveHourlyRate: { amount: 100, currency: 'EUR' },
        hourlyRate: null,
        revenueShare: 0.1,
        recommendation: { kind: 'not-enough-data', reasons: [], walkAwayWarning: false },
      }),
    ],
  };
}

/** Acme as the Clients list knows it. */
export const acmeView: ClientView = {
  id: 'acme',
  name: 'Acme',
  color: '#2f6fdf',
  domains: ['acme.com'],
  keywords: [],
  phones: [],
  hourlyRateMinor: 12000,
  currency: 'EUR',
  adHocAllowancePerWeek: 2,
  locale: 'en',
  timeZone: 'UTC',
  policyText: { en: 'E', de: 'D' },
  createdAt: '2025-01-01T00:00:00.000Z',
  statusLink: 'http://127.0.0.1:4777/s/old-token-aaaaaaaaaaaaaaaa',
};

/** Twelve weeks from Monday 2024-12-23, with contacts in the last three and billed hours in four. */
export function acmeDetail(): ClientDetail {
  const weeks: DetailWeek[] = Array.from({ length: 12 }, (_, i) => {
    const monday = new Date(Date.UTC(2024, 11, 23 + 7 * i));
    const start = monday.toISOString().slice(0, 10);
    const end = new Date(monday.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
    return {
      key: `W${i}`,
      start,
      end,
      byKind: { call: 0, 'missed-call': 0, voicemail: 0, 'ad-hoc-meeting': 0 },
      adHoc: 0,
      allowance: 2,
      billedHours: 0,
      effectiveRate: null,
    };
  });
  const set = (i: number, byKind: DetailWeek['byKind'], hours: number, rate: number): void => {
    const w = weeks[i];
    if (!w) return;
    w.byKind = byKind;
    w.adHoc = Object.values(byKind).reduce((s, n) => s + n, 0);
    w.billedHours = hours;
    w.effectiveRate = { amount: rate, currency: 'EUR' };
  };
  set(8, { call: 0, 'missed-call': 0, voicemail: 0, 'ad-hoc-meeting': 0 }, 6, 110);
  set(9, { call: 1, 'missed-call': 1, voicemail: 0, 'ad-hoc-meeting': 0 }, 5, 95);
  set(10, { call: 2, 'missed-call': 0, voicemail: 1, 'ad-hoc-meeting': 1 }, 4, 80);
  set(11, { call: 3, 'missed-call': 0, voicemail: 1, 'ad-hoc-meeting': 0 }, 2.5, 64.25);
  const rhythm = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  (rhythm[1] as number[])[9] = 4;
  (rhythm[1] as number[])[10] = 1;
  (rhythm[3] as number[])[15] = 2;
  (rhythm[4] as number[])[7] = 1;
  return {
    from: '2024-12-23T00:00:00.000Z',
    to: '2025-03-12T12:00:00.000Z',
    timeZone: 'UTC',
    report: clientReport({
      id: 'acme',
      name: 'Acme',
      adHoc: 10,
      allowance: 22.3,
      targetHourlyRate: { amount: 100, currency: 'EUR' },
      recommendation: {
        kind: 'propose-standing-call',
        reasons: ['Most calls come on Tuesdays at 9'],
        walkAwayWarning: true,
      },
    }),
    weeks,
    rhythm,
    busiest: { weekday: 1, hour: 9, count: 4 },
  };
}
