/**
 * The recommendation for one client, from the numbers of one period only — the period the screen or
 * report shows (formulas in analyse.ts):
 *
 *   propose-standing-call  unscheduled contacts over the allowance two weeks running inside the
 *                          period, and no standing call yet
 *   raise-rate             the effective rate is below the target by more than the tolerance, with
 *                          at least `minBilledWeeks` weeks of billed hours in the period as evidence
 *   not-enough-data        the rate would be in question but the evidence is short (what is missing
 *                          is said, and when the period itself is shorter than the evidence asked
 *                          for, that a longer period is needed); also a client with nothing billed
 *   within-boundaries      otherwise
 *
 * The rate numbers (new rate, percentage, retainer) are filled in whenever the effective rate is below
 * target and the evidence suffices — also with a standing-call proposal, because "if it continues,
 * the rate goes up" is part of that conversation.
 */
import type {
  PeriodStats,
  Recommendation,
  ResolvedAnalysisSettings,
} from '../../../shared/analysis.js';
import type { LedgerClient } from '../../../shared/ledger.js';
import { currencyDigits } from '../ledger/parse-values.js';
import { REASONS, reasonFormat } from './reasons.js';

/** Average days in a Gregorian month, for turning the window into months. */
export const DAYS_PER_MONTH = 365.2425 / 12;

/** The recovery label in German (the English one is RECOVERY_LABEL). */
const RECOVERY_LABEL_DE = 'Gloria Marks Angabe im Interview';

/** What the recommendation looks at. */
export interface RecommendInput {
  client: LedgerClient;
  weeklyAllowance: number;
  /** The period's totals. */
  recent: PeriodStats;
  /** Length of the period in days. */
  recentDays: number;
  /** Weeks the period touches (a period of fewer than `minBilledWeeks` can never be evidence enough). */
  periodWeeks: number;
  /** Weeks over the allowance in a row inside the period, ending with its last week. */
  streak: number;
  /** Weeks inside the period with billed time. */
  billedWeeks: number;
  share: number | null;
  settings: ResolvedAnalysisSettings;
}

/** Rounds a positive fraction num/den up to a whole multiple of `unit` (integer arithmetic). */
function ceilToUnit(num: number, den: number, unit: number): number {
  const d = den * unit;
  return Math.floor((num + d - 1) / d) * unit;
}

/** Decides what to do about one client and says why in plain words, in the settings' locale. */
export function recommend(input: RecommendInput): Recommendation {
  const { client, recent, settings } = input;
  const f = reasonFormat(settings.locale, client.currency);
  const reasons: string[] = [];
  const hasStandingCall = client.hasStandingCall === true || client.nextStandingCall !== undefined;
  const need = settings.minBilledWeeks;
  const enoughEvidence = input.billedWeeks >= need;

  reasons.push(
    REASONS.demand(f, {
      name: client.name,
      adHoc: recent.adHoc,
      start: recent.start,
      end: recent.end,
      allowance: recent.allowance,
      weekly: input.weeklyAllowance,
    }),
  );
  const overTwoWeeks = input.streak >= 2;
  if (overTwoWeeks) reasons.push(REASONS.streak(f, input.streak));

  const target = client.targetRateMinor ?? client.hourlyRateMinor;
  const B = recent.billedMinutes;
  const M = B + recent.unbilledContactMinutes + recent.overheadMinutes;
  const E = recent.effectiveRateMinor;
  if (M > 0) {
    reasons.push(
      REASONS.time(f, {
        billed: B,
        unbilled: recent.unbilledContactMinutes,
        overhead: recent.overheadMinutes,
        adHoc: recent.adHoc,
        recovery: settings.recoveryMinutes,
        label: f.lang === 'de' ? RECOVERY_LABEL_DE : settings.recoveryLabel,
      }),
    );
  }

  const rec: Recommendation = { kind: 'within-boundaries', reasons, walkAwayWarning: false };
  let belowTarget = false;
  if (target === undefined) {
    reasons.push(REASONS.noRate(f, client.name));
  } else if (E !== null) {
    reasons.push(REASONS.effective(f, { effective: E, target }));
    belowTarget = E < target * (1 - settings.rateTolerance);
    if (belowTarget && B > 0 && enoughEvidence) {
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
        REASONS.newRate(f, {
          rate: rec.newRateMinor,
          percent: rec.increasePercent,
          current,
          retainer: rec.retainerMinorPerMonth,
        }),
      );
    }
  }
  // A rate question without enough billed weeks behind it is not answered yet; so is a client who
  // reached you beyond the allowance while nothing was billed (that is a question of scope).
  const overAtAll = recent.overAllowance > 0;
  const rateInQuestion = belowTarget || (B === 0 && overAtAll);
  const shortOfEvidence = rateInQuestion && !enoughEvidence;
  const missing = {
    billedWeeks: input.billedWeeks,
    neededWeeks: need,
    periodWeeks: input.periodWeeks,
  };

  if (overTwoWeeks && !hasStandingCall) {
    rec.kind = 'propose-standing-call';
    reasons.push(REASONS.proposeStandingCall(f));
  } else if (shortOfEvidence) {
    rec.kind = 'not-enough-data';
    rec.missing = missing;
  } else if (belowTarget) {
    rec.kind = 'raise-rate';
    if (overTwoWeeks) reasons.push(REASONS.standingCallContinues(f));
  } else if (overTwoWeeks) {
    reasons.push(REASONS.pointToStandingCall(f));
  } else if (overAtAll) {
    reasons.push(REASONS.overOnce(f));
  } else if (target !== undefined && E !== null) {
    reasons.push(REASONS.withinBoundaries(f));
  }
  if (!enoughEvidence && rateInQuestion) {
    // A period shorter than the evidence asked for cannot fill it by importing more: say so.
    reasons.push(
      input.periodWeeks < need
        ? REASONS.periodTooShort(f, { weeks: input.periodWeeks, need })
        : REASONS.notEnoughData(f, { have: input.billedWeeks, need }),
    );
    if (rec.kind === 'propose-standing-call') rec.missing = missing;
  }
  if (B === 0 && overAtAll) reasons.push(REASONS.scope(f));

  if (input.share !== null && input.share >= settings.walkAwayShare) {
    rec.walkAwayWarning = true;
    reasons.push(
      REASONS.walkAway(f, { name: client.name, share: input.share, currency: client.currency }),
    );
  }
  return rec;
}
