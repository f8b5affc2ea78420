/**
 * The rate-case report: the analysis of a chosen period turned into the JSON the `report` command
 * prints and the dashboard shows. The period's numbers are the analysis' recommendation window, run
 * with `windowStart` = the first day and "now" = the last instant of the period. Hours are rounded to
 * two decimals and money is shown in major units here, at the edge; every sum behind them is exact.
 */
import type { Analysis, ClientAnalysis } from '../../../shared/analysis.js';
import type { ClientReport, Money, RateReport } from '../../../shared/rate-case.js';
import { UserError } from '../../../shared/errors.js';
import { ALLOWED } from '../../../shared/input-errors.js';
import { currencyDigits } from '../ledger/parse-values.js';
import { addMonths, formatIsoDate, parseIsoDate } from '../time/civil.js';
import { startOfMonth } from '../time/periods.js';
import { type TimeZone, timeZone } from '../time/zone.js';
import { localDayOf, startOfDay } from '../time/zoned.js';

/** A report period [from, to) in epoch ms. */
export interface Period {
  from: number;
  to: number;
}

/** Minor units as money in major units (exact for any amount below 2^53 minor units). */
export function toMoney(minor: number, currency: string): Money {
  return { amount: minor / 10 ** (currencyDigits(currency) ?? 2), currency };
}

/** Minutes as hours, two decimals. */
export function toHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** An instant, or a date meaning its local midnight (`endOfDay`: the midnight after it). */
function readBound(text: string, zone: TimeZone, endOfDay: boolean, name: string): number {
  const day = parseIsoDate(text);
  if (day !== undefined) return startOfDay(endOfDay ? day + 1 : day, zone);
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms))
    throw new UserError({
      field: name,
      value: text,
      allowed: `${ALLOWED.date} or ${ALLOWED.instant}`,
    });
  return ms;
}

/**
 * The period a report covers. `from`/`to` are ISO instants or dates (a `to` date includes that day).
 * Defaults: up to now, from the first of the month `months − 1` months back (the analysis' window).
 */
export function resolvePeriod(
  input: { from?: string | undefined; to?: string | undefined },
  timeZoneName: string,
  now: number,
  months = 3,
): Period {
  const zone = timeZone(timeZoneName);
  const to = input.to === undefined ? now : readBound(input.to, zone, true, 'to');
  let from: number;
  if (input.from !== undefined) {
    from = readBound(input.from, zone, false, 'from');
  } else {
    const lastMonth = startOfMonth(localDayOf(to - 1, zone));
    from = startOfDay(addMonths(lastMonth, -(months - 1)), zone);
  }
  if (!(to > from)) {
    throw new UserError({
      field: 'to',
      value: new Date(to).toISOString(),
      problem: 'the period is empty',
      allowed: 'an end after the start (from)',
    });
  }
  return { from, to };
}

/** The first local date of a period, as the analysis' `windowStart`. */
export function windowStartOf(period: Period, timeZoneName: string): string {
  return formatIsoDate(localDayOf(period.from, timeZone(timeZoneName)));
}

/** One client's report from its analysis. */
export function clientReport(
  a: ClientAnalysis,
  nextStandingCall: string | undefined,
): ClientReport {
  const r = a.recent;
  const money = (minor: number): Money => toMoney(minor, a.currency);
  const rec = a.recommendation;
  const recommendation: ClientReport['recommendation'] = {
    kind: rec.kind,
    reasons: [...rec.reasons],
    walkAwayWarning: rec.walkAwayWarning,
  };
  if (rec.newRateMinor !== undefined) recommendation.newHourlyRate = money(rec.newRateMinor);
  if (rec.increasePercent !== undefined) recommendation.increasePercent = rec.increasePercent;
  if (rec.retainerMinorPerMonth !== undefined)
    recommendation.retainerPerMonth = money(rec.retainerMinorPerMonth);
  if (rec.missing !== undefined) recommendation.missing = { ...rec.missing };
  return {
    id: a.clientId,
    name: a.name,
    billedHours: toHours(r.billedMinutes),
    nonBillableHours: toHours(r.nonBillableMinutes),
    revenue: money(r.revenueMinor),
    contacts: {
      total: r.contactCount,
      adHoc: r.adHoc,
      byKind: { ...r.contacts },
      hours: toHours(r.contactMinutes),
      unbilledHours: toHours(r.unbilledContactMinutes),
    },
    allowancePerWeek: a.weeklyAllowance,
    allowance: r.allowance,
    overAllowance: r.overAllowance,
    overheadHours: toHours(r.overheadMinutes),
    effectiveHourlyRate: r.effectiveRateMinor === null ? null : money(r.effectiveRateMinor),
    hourlyRate: a.nominalRateMinor === undefined ? null : money(a.nominalRateMinor),
    targetHourlyRate: a.targetRateMinor === undefined ? null : money(a.targetRateMinor),
    revenueShare: a.revenueShare === null ? null : Math.round(a.revenueShare * 1000) / 1000,
    overAllowanceStreak: a.overAllowanceStreak,
    billedWeeks: a.billedWeeks,
    nextStandingCall: nextStandingCall ?? null,
    recommendation,
    warnings: [...a.warnings],
  };
}

/** The whole report from an analysis run over `period` (see the module comment). */
export function buildRateReport(
  analysis: Analysis,
  period: Period,
  nextStandingCalls: ReadonlyMap<string, string>,
  openEnded: boolean,
): RateReport {
  return {
    from: new Date(period.from).toISOString(),
    to: new Date(period.to).toISOString(),
    timeZone: analysis.settings.timeZone,
    openEnded,
    recoveryMinutes: analysis.settings.recoveryMinutes,
    recoveryLabel: analysis.settings.recoveryLabel,
    clients: analysis.clients.map((a) => clientReport(a, nextStandingCalls.get(a.clientId))),
    unassigned: {
      entries: analysis.unassigned.entries,
      hours: toHours(analysis.unassigned.minutes),
    },
  };
}
