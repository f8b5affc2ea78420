/**
 * What the Clients overview computes: its sortable columns, the default order (over-allowance clients
 * first), the period it asks the core for, and numbers, money and dates in the UI locale through Intl.
 */
import type { RecommendationKind } from '../../../shared/analysis.js';
import type { ApiInput } from '../../../shared/api.js';
import type { ClientReport, Money } from '../../../shared/rate-case.js';
import { currencyDigits, formatMoney, reasonWords } from '../format.js';
import { numberFormat, dateTimeFormat, collator } from '../../../shared/intl-cache.js';

/** The overview's columns, in the order shown. */
export const OVERVIEW_COLUMNS = [
  'client',
  'unscheduled',
  'billed',
  'revenue',
  'rate',
  'share',
  'recommendation',
] as const;

/** One column of the overview. */
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];

/** How the table is sorted. */
export interface OverviewSort {
  column: OverviewColumn;
  direction: 'ascending' | 'descending';
}

/** The default: most over the allowance first, so the clients to act on lead. */
export const DEFAULT_SORT: OverviewSort = { column: 'unscheduled', direction: 'descending' };

/** How urgent each recommendation is, for sorting (higher = act sooner). */
const URGENCY: Record<RecommendationKind, number> = {
  'within-boundaries': 0,
  'not-enough-data': 1,
  'propose-standing-call': 2,
  'raise-rate': 3,
};

/** The effective rate as a share of the list rate (0.8 = 80 %); null when either is missing. */
export function rateShare(c: ClientReport): number | null {
  const eff = c.effectiveHourlyRate;
  const list = c.hourlyRate;
  if (!eff || !list || list.amount <= 0 || eff.currency !== list.currency) return null;
  return eff.amount / list.amount;
}

/** A client row as the overview sorts it (the excess is computed once). */
type Row = ClientReport & { adHocExcess: number };

/** The value a column sorts by; null sorts last whichever the direction. */
function sortValue(c: Row, column: OverviewColumn): number | string | null {
  switch (column) {
    case 'client':
      return c.name;
    case 'unscheduled':
      // Over the allowance by how much, then by how many: within-allowance clients follow.
      return c.adHocExcess;
    case 'billed':
      return c.billedHours;
    case 'revenue':
      return c.revenue.amount;
    case 'rate':
      // Against the list rate: a client without one cannot be compared and goes last.
      return rateShare(c);
    case 'share':
      return c.revenueShare;
    case 'recommendation':
      return URGENCY[c.recommendation.kind];
  }
}

/** The clients in the order `sort` asks for; ties fall back to the name, so the order is stable. */
export function sortClients(
  clients: readonly ClientReport[],
  sort: OverviewSort,
  locale?: string,
): ClientReport[] {
  const names = collator(locale, { sensitivity: 'base', numeric: true });
  const rows: Row[] = clients.map((c) => ({ ...c, adHocExcess: c.contacts.adHoc - c.allowance }));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  rows.sort((a, b) => {
    const va = sortValue(a, sort.column);
    const vb = sortValue(b, sort.column);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    let diff = 0;
    if (typeof va === 'string' && typeof vb === 'string') diff = names.compare(va, vb);
    else if (typeof va === 'number' && typeof vb === 'number') diff = va - vb;
    if (diff === 0 && sort.column === 'unscheduled') diff = a.contacts.adHoc - b.contacts.adHoc;
    if (diff !== 0) return diff * sign;
    return names.compare(a.name, b.name);
  });
  return rows.map(({ adHocExcess: _excess, ...c }) => c);
}

/** The sort after a click on `column`: the other direction on the same column, else its natural first. */
export function nextSort(current: OverviewSort, column: OverviewColumn): OverviewSort {
  if (current.column === column)
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  // Names read A to Z; numbers and urgency most first.
  return { column, direction: column === 'client' ? 'ascending' : 'descending' };
}

/** Which period the overview shows. */
export type OverviewPeriod =
  | { kind: 'last-12-weeks' }
  | { kind: 'this-week' }
  | { kind: 'this-month' }
  | { kind: 'chosen'; from: string; to: string };

/**
 * The period the overview opens with: this week, whose interruptions are the ones to answer now. It is
 * too short to decide a rate on (that needs weeks of billed hours), so the screen says so beside it and
 * offers the last 12 weeks, the same as a client's chart, in one click.
 */
export const DEFAULT_PERIOD_KIND: OverviewPeriod['kind'] = 'this-week';

/**
 * When some client's rate question is open only because the period is shorter than the evidence a
 * rate decision needs: the weeks it covers and the weeks needed (for the hint to choose a longer one).
 */
export function shortPeriod(
  clients: readonly ClientReport[],
): { weeks: number; need: number } | null {
  for (const c of clients) {
    const m = c.recommendation.missing;
    if (m && m.periodWeeks < m.neededWeeks) return { weeks: m.periodWeeks, need: m.neededWeeks };
  }
  return null;
}

/** What the period is wrong with, as a catalogue key under `overview:period`, or null. */
export function periodProblemKey(period: OverviewPeriod): 'firstDay' | 'lastDay' | 'order' | null {
  if (period.kind !== 'chosen') return null;
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(period.from)) return 'firstDay';
  if (!date.test(period.to)) return 'lastDay';
  if (period.to < period.from) return 'order';
  return null;
}

/** The getReport input for a period, with reasons worded in `language` and dated in `locale`. */
export function reportInput(
  period: OverviewPeriod,
  language: 'en' | 'de',
  locale: string = language,
): ApiInput<'getReport'> {
  const words = reasonWords(language, locale);
  return period.kind === 'chosen'
    ? { from: period.from, to: period.to, ...words }
    : { preset: period.kind, ...words };
}

/** Money (major units) in the locale: "€1,234.50" / "1.234,50 €"; "–" for none. */
export function formatAmount(money: Money | null | undefined, locale: string): string {
  if (!money) return '–';
  const minor = Math.round(money.amount * 10 ** currencyDigits(money.currency));
  return formatMoney(minor, money.currency, locale);
}

/** A number with at most `digits` decimals in the locale ("1.5" / "1,5"). */
export function formatNumber(n: number, locale: string, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(n);
}

/** A share (0–1) as a percentage in the locale ("42%" / "42 %"); "–" for none. */
export function formatShare(share: number | null, locale: string): string {
  if (share === null) return '–';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A report period [from, to) as the locale writes a date range, in the zone whose days count. */
export function formatPeriod(from: string, to: string, timeZone: string, locale: string): string {
  const format = dateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  });
  const start = new Date(from);
  // The end is exclusive: the last day shown is the one before it.
  const end = new Date(Math.max(start.getTime(), new Date(to).getTime() - 1));
  return format.formatRange(start, end);
}
