/**
 * The recommendation for one client, from its recent-window numbers (formulas in analyse.ts):
 *
 *   propose-standing-call  unscheduled contacts over the allowance two weeks running, no standing call yet
 *   raise-rate             the effective rate is below the target by more than the tolerance
 *   within-boundaries      otherwise
 *
 * The rate numbers (new rate, percentage, retainer) are filled in whenever the effective rate is below
 * target — also with a standing-call proposal, because "if it continues, the rate goes up" is part of
 * that conversation.
 */
import type {
  PeriodStats,
  Recommendation,
  ResolvedAnalysisSettings,
} from '../../../shared/analysis.js';
import type { LedgerClient } from '../../../shared/ledger.js';
import { currencyDigits } from '../ledger/parse-values.js';
import { formatDay, formatHours, formatMoney, formatPercent } from './format.js';

/** Average days in a Gregorian month, for turning the window into months. */
export const DAYS_PER_MONTH = 365.2425 / 12;

/** What the recommendation looks at. */
export interface RecommendInput {
  client: LedgerClient;
  weeklyAllowance: number;
  recent: PeriodStats;
  /** Length of the recent window in days. */
  recentDays: number;
  thisWeek: PeriodStats;
  lastWeek: PeriodStats;
  streak: number;
  share: number | null;
  settings: ResolvedAnalysisSettings;
}

/** Rounds a positive fraction num/den up to a whole multiple of `unit` (integer arithmetic). */
function ceilToUnit(num: number, den: number, unit: number): number {
  const d = den * unit;
  return Math.floor((num + d - 1) / d) * unit;
}

/** Decides what to do about one client and says why in plain words. */
export function recommend(input: RecommendInput): Recommendation {
  const { client, recent, settings } = input;
  const locale = settings.locale;
  const money = (minor: number): string => formatMoney(minor, client.currency, locale);
  const hours = (minutes: number): string => formatHours(minutes, locale);
  const reasons: string[] = [];
  const hasStandingCall = client.hasStandingCall ?? client.nextStandingCall !== undefined;

  reasons.push(
    `${client.name} reached you unscheduled ${input.thisWeek.adHoc} times this week and ${input.lastWeek.adHoc} times last week; ` +
      `your allowance is ${input.weeklyAllowance} a week.`,
  );
  const overTwoWeeks = input.streak >= 2;
  if (overTwoWeeks) reasons.push(`That is over the allowance ${input.streak} weeks running.`);

  const target = client.targetRateMinor ?? client.hourlyRateMinor;
  const B = recent.billedMinutes;
  const M = B + recent.unbilledContactMinutes + recent.overheadMinutes;
  const E = recent.effectiveRateMinor;
  if (M > 0) {
    reasons.push(
      `Since ${formatDay(recent.start, locale)}: ${hours(B)} h billed, ${hours(recent.unbilledContactMinutes)} h of unbilled calls and meetings, ` +
        `and ${hours(recent.overheadMinutes)} h getting back into focus (${recent.adHoc} interruptions × ${settings.recoveryMinutes} min, ` +
        `${settings.recoveryLabel}).`,
    );
  }

  const rec: Recommendation = { kind: 'within-boundaries', reasons, walkAwayWarning: false };
  let belowTarget = false;
  if (target === undefined) {
    reasons.push(`Set an hourly rate for ${client.name} to see what this availability costs you.`);
  } else if (E !== null) {
    reasons.push(
      `That makes an effective rate of ${money(E)}/h against your target of ${money(target)}/h.`,
    );
    belowTarget = E < target * (1 - settings.rateTolerance);
    if (belowTarget && B > 0) {
      const unit = 10 ** (currencyDigits(client.currency) ?? 2);
      // newRate × B / 60 = target × M / 60  ⇒  newRate = target × M / B
      rec.newRateMinor = ceilToUnit(target * M, B, unit);
      const current = client.hourlyRateMinor ?? Math.round((recent.revenueMinor * 60) / B);
      if (current > 0)
        rec.increasePercent = Math.round(((rec.newRateMinor - current) / current) * 1000) / 10;
      // retainer × months = target × M / 60 − revenue
      const gap = (target * M) / 60 - recent.revenueMinor;
      const perMonth = gap / (input.recentDays / DAYS_PER_MONTH);
      rec.retainerMinorPerMonth = Math.ceil(perMonth / unit) * unit;
      reasons.push(
        `At this availability your rate would need to be ${money(rec.newRateMinor)}/h` +
          (rec.increasePercent !== undefined
            ? ` (${formatPercent(rec.increasePercent, locale)} more than ${money(current)}/h)`
            : '') +
          `, or an availability retainer of ${money(rec.retainerMinorPerMonth)} a month at your current rate.`,
      );
    } else if (belowTarget) {
      reasons.push(
        'Nothing was billed in that time, so no rate can make up for it: talk about the scope first.',
      );
    }
  }

  if (overTwoWeeks && !hasStandingCall) {
    rec.kind = 'propose-standing-call';
    reasons.push('There is no standing call yet: offer one, so what can wait has a fixed place.');
  } else if (belowTarget) {
    rec.kind = 'raise-rate';
    if (overTwoWeeks)
      reasons.push('The standing call is in place and the unscheduled contacts continue.');
  } else if (overTwoWeeks) {
    reasons.push(
      'Your effective rate still meets your target: point them to the standing call for now.',
    );
  } else if (input.thisWeek.overAllowance > 0 || input.lastWeek.overAllowance > 0) {
    reasons.push('Over the allowance in one week, not two running: keep an eye on it.');
  } else if (target !== undefined) {
    reasons.push(
      'Unscheduled contacts are within the allowance and the effective rate meets your target.',
    );
  }

  if (input.share !== null && input.share >= settings.walkAwayShare) {
    rec.walkAwayWarning = true;
    reasons.push(
      `${client.name} brings ${formatPercent(input.share * 100, locale)} of your ${client.currency} revenue in that time: ` +
        'decide your walk-away point first.',
    );
  }
  return rec;
}
