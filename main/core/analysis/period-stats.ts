/**
 * Running sums for every client and period, kept in flat Float64Arrays (one row of FIELDS numbers per
 * period) so the analysis' single pass over 100k contacts allocates nothing per contact; and how one
 * row becomes the reported PeriodStats. Sums stay exact: they are integers far below 2^53.
 */
import type { PeriodStats, PeriodTrend } from '../../../shared/analysis.js';
import { CONTACT_KINDS, type ContactKind } from '../../../shared/ledger.js';
import { formatIsoDate } from '../time/civil.js';
import { firstDayOfWeekIndex, weekIndexOfDay } from '../time/periods.js';

/** Position of each contact kind in a row (the first CONTACT_KINDS.length fields). */
export const KIND_INDEX: Readonly<Record<ContactKind, number>> = Object.fromEntries(
  CONTACT_KINDS.map((k, i) => [k, i]),
) as Record<ContactKind, number>;

const K = CONTACT_KINDS.length;
/** Field offsets within a row after the per-kind counts. */
export const F = {
  adHoc: K,
  contactMinutes: K + 1,
  unbilledMinutes: K + 2,
  billedMinutes: K + 3,
  nonBillableMinutes: K + 4,
  revenueMinor: K + 5,
} as const;
/** Numbers per period row. */
export const FIELDS = K + 6;

/** A table of period rows: row i is period `first + i`. */
export class PeriodTable {
  readonly sums: Float64Array;

  constructor(
    readonly first: number,
    readonly count: number,
  ) {
    this.sums = new Float64Array(Math.max(0, count) * FIELDS);
  }

  /** Offset of a period's row in `sums`. */
  row(period: number): number {
    return (period - this.first) * FIELDS;
  }

  /** Adds one contact to a period. */
  addContact(period: number, kind: number, adHoc: number, minutes: number, unbilled: number): void {
    const r = (period - this.first) * FIELDS;
    const s = this.sums;
    s[r + kind] = (s[r + kind] ?? 0) + 1;
    s[r + F.adHoc] = (s[r + F.adHoc] ?? 0) + adHoc;
    s[r + F.contactMinutes] = (s[r + F.contactMinutes] ?? 0) + minutes;
    s[r + F.unbilledMinutes] = (s[r + F.unbilledMinutes] ?? 0) + unbilled;
  }

  /** Adds one time entry to a period. */
  addEntry(period: number, billable: boolean, minutes: number, revenue: number): void {
    const r = (period - this.first) * FIELDS;
    const s = this.sums;
    const field = billable ? F.billedMinutes : F.nonBillableMinutes;
    s[r + field] = (s[r + field] ?? 0) + minutes;
    s[r + F.revenueMinor] = (s[r + F.revenueMinor] ?? 0) + revenue;
  }

  /** Sums the rows of periods [from, to] (clamped to the table) into one row. */
  total(from: number, to: number): Float64Array {
    const out = new Float64Array(FIELDS);
    for (let p = Math.max(from, this.first); p <= Math.min(to, this.first + this.count - 1); p++) {
      const r = this.row(p);
      for (let f = 0; f < FIELDS; f++) out[f] = (out[f] ?? 0) + (this.sums[r + f] ?? 0);
    }
    return out;
  }
}

/** Effective hourly rate in minor units: revenue × 60 ÷ minutes, rounded; null without minutes. */
export function effectiveRate(revenueMinor: number, minutes: number): number | null {
  return minutes > 0 ? Math.round((revenueMinor * 60) / minutes) : null;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** A period's label and bounds, computed once and shared by every client. */
export interface PeriodLabel {
  key: string;
  /** First and last local date, YYYY-MM-DD. */
  start: string;
  end: string;
  days: number;
}

/** The label of a period of `days` days from day number `startDay`. */
export function periodLabel(key: string, startDay: number, days: number): PeriodLabel {
  return { key, start: formatIsoDate(startDay), end: formatIsoDate(startDay + days - 1), days };
}

/**
 * The days an allowance is for, of the days firstDay…lastDay (day numbers, both inside): those days,
 * or, when they run to now (`openEnded`), on to the Sunday of lastDay's week — the contacts of the
 * days still to come cannot have happened yet, so an unfinished week allows its whole allowance.
 */
export function allowanceDays(firstDay: number, lastDay: number, openEnded: boolean): number {
  const end = openEnded ? firstDayOfWeekIndex(weekIndexOfDay(lastDay) + 1) - 1 : lastDay;
  return end - firstDay + 1;
}

/**
 * The unscheduled contacts a weekly allowance accepts over `days` days: per week × days ÷ 7, to one
 * decimal. The one place this rule lives: the report's periods and its weeks both use it.
 */
export function allowanceFor(weeklyAllowance: number, days: number): number {
  return Math.round(((weeklyAllowance * days) / 7) * 10) / 10;
}

/** Turns one row of sums (at offset `r` of `sums`) into the reported numbers for one period. */
export function finalize(
  sums: Float64Array,
  r: number,
  period: PeriodLabel,
  weeklyAllowance: number,
  recoveryMinutes: number,
  previous: PeriodStats | null,
  /** Days the allowance is for, when more than the period's (see allowanceDays). */
  allowedDays: number = period.days,
): PeriodStats {
  const at = (f: number): number => sums[r + f] ?? 0;
  // A literal with a fixed shape (in CONTACT_KINDS order): thousands of these are built per analysis.
  const contacts: Record<ContactKind, number> = {
    call: at(0),
    'missed-call': at(1),
    voicemail: at(2),
    'ad-hoc-meeting': at(3),
    'scheduled-meeting': at(4),
    email: at(5),
    message: at(6),
  };
  let contactCount = 0;
  for (let i = 0; i < K; i++) contactCount += at(i);
  const adHoc = at(F.adHoc);
  const billedMinutes = at(F.billedMinutes);
  const unbilledMinutes = at(F.unbilledMinutes);
  const revenueMinor = at(F.revenueMinor);
  const allowance = allowanceFor(weeklyAllowance, allowedDays);
  const overheadMinutes = adHoc * recoveryMinutes;
  const effectiveRateMinor = effectiveRate(
    revenueMinor,
    billedMinutes + unbilledMinutes + overheadMinutes,
  );
  const billedHours = billedMinutes / 60;
  let trend: PeriodTrend | null = null;
  if (previous) {
    trend = {
      adHoc: adHoc - previous.adHoc,
      billedMinutes: billedMinutes - previous.billedMinutes,
      revenueMinor: revenueMinor - previous.revenueMinor,
      effectiveRateMinor:
        effectiveRateMinor === null || previous.effectiveRateMinor === null
          ? null
          : effectiveRateMinor - previous.effectiveRateMinor,
    };
  }
  return {
    key: period.key,
    start: period.start,
    end: period.end,
    contacts,
    contactCount,
    adHoc,
    allowance,
    overAllowance: Math.max(0, Math.round((adHoc - allowance) * 10) / 10),
    contactMinutes: at(F.contactMinutes),
    unbilledContactMinutes: unbilledMinutes,
    overheadMinutes,
    billedMinutes,
    nonBillableMinutes: at(F.nonBillableMinutes),
    revenueMinor,
    effectiveRateMinor,
    contactsPerBilledHour: billedHours > 0 ? round2(contactCount / billedHours) : null,
    adHocPerBilledHour: billedHours > 0 ? round2(adHoc / billedHours) : null,
    trend,
  };
}
