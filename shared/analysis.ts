/**
 * Results of the demand-vs-billed analysis, as the dashboard and the report show them. Money is in
 * integer minor units of the client's currency; durations in whole minutes.
 */
import type { ContactKind } from './ledger.js';

/** The label shown beside the recovery-minutes setting, so nobody mistakes it for a law of nature. */
export const RECOVERY_LABEL = "Gloria Mark's interview figure";

/** Changes from the previous period of the same length (this minus previous). */
export interface PeriodTrend {
  adHoc: number;
  billedMinutes: number;
  revenueMinor: number;
  /** Null when either period has no effective rate. */
  effectiveRateMinor: number | null;
}

/** One client's numbers for one week, month or window. */
export interface PeriodStats {
  /** "2024-W05", "2024-03", or "recent" for the recommendation window. */
  key: string;
  /** First and last local date of the period, YYYY-MM-DD (inclusive). */
  start: string;
  end: string;
  contacts: Record<ContactKind, number>;
  contactCount: number;
  /** Unscheduled contacts (calls, missed calls, voicemails, ad-hoc meetings). */
  adHoc: number;
  /** Unscheduled contacts the allowance accepts in this period (weekly allowance × days / 7). */
  allowance: number;
  /** max(0, adHoc − allowance). */
  overAllowance: number;
  contactMinutes: number;
  /** Minutes of contacts not already in the billed hours. */
  unbilledContactMinutes: number;
  /** adHoc × recovery minutes. */
  overheadMinutes: number;
  /** Minutes of billable time entries. */
  billedMinutes: number;
  /** Minutes of time entries marked non-billable (shown, not in the effective rate). */
  nonBillableMinutes: number;
  revenueMinor: number;
  /** revenue ÷ (billed + unbilled contact + overhead hours); null when there is no time at all. */
  effectiveRateMinor: number | null;
  /** Contacts per billed hour; null without billed time. */
  contactsPerBilledHour: number | null;
  /** Unscheduled contacts per billed hour; null without billed time. */
  adHocPerBilledHour: number | null;
  /** Against the previous period; null for the first one. */
  trend: PeriodTrend | null;
}

/** The recommendations there are, from the mildest. */
export const RECOMMENDATION_KINDS = [
  'within-boundaries',
  'not-enough-data',
  'propose-standing-call',
  'raise-rate',
] as const;

/** One of RECOMMENDATION_KINDS. */
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** What to do about a client. */
export interface Recommendation {
  kind: RecommendationKind;
  /** Plain-words reasons, for the user. */
  reasons: string[];
  /** The hourly rate (minor units) that would restore the target effective rate. */
  newRateMinor?: number;
  /** newRate against the current nominal rate, in percent (one decimal). */
  increasePercent?: number;
  /** The monthly availability retainer (minor units) that would restore it at the current rate. */
  retainerMinorPerMonth?: number;
  /** The client is a large share of revenue: decide your walk-away point first. */
  walkAwayWarning: boolean;
  /** When the rate question cannot be answered yet: what evidence is missing. */
  missing?: MissingEvidence;
}

/** Why no rate decision is possible yet. */
export interface MissingEvidence {
  /** Weeks in the period with billed hours. */
  billedWeeks: number;
  /** Weeks with billed hours a rate decision needs. */
  neededWeeks: number;
  /** Weeks the period touches: fewer than `neededWeeks` means only a longer period can help. */
  periodWeeks: number;
}

/** Everything the analysis says about one client. */
export interface ClientAnalysis {
  clientId: string;
  name: string;
  currency: string;
  nominalRateMinor?: number;
  targetRateMinor?: number;
  weeklyAllowance: number;
  /** Every week from the client's first activity to the current week, oldest first. */
  weeks: PeriodStats[];
  /** Every month from the client's first activity to the current month, oldest first. */
  months: PeriodStats[];
  thisWeek: PeriodStats;
  lastWeek: PeriodStats;
  thisMonth: PeriodStats;
  lastMonth: PeriodStats;
  /** The recommendation window (the last `recentMonths` months up to today). */
  recent: PeriodStats;
  /**
   * Consecutive weeks over the allowance inside the recommendation window, ending with its last week
   * (or the one before when the last, unfinished, week is not over yet).
   */
  overAllowanceStreak: number;
  /** Weeks inside the recommendation window with billed time (the evidence for a rate decision). */
  billedWeeks: number;
  /** Share of the revenue in this client's currency over the recent window (0–1); null when none. */
  revenueShare: number | null;
  recommendation: Recommendation;
  /** Data problems worth telling the user (entries priced in another currency, no rate set). */
  warnings: string[];
}

/** The settings the analysis ran with, defaults filled in. */
export interface ResolvedAnalysisSettings {
  timeZone: string;
  now: string;
  weeklyAllowance: number;
  recoveryMinutes: number;
  recoveryLabel: string;
  walkAwayShare: number;
  recentMonths: number;
  rateTolerance: number;
  /** Weeks with billed hours needed before a rate change is recommended. */
  minBilledWeeks: number;
  locale: string;
}

/** The whole analysis. */
export interface Analysis {
  settings: ResolvedAnalysisSettings;
  clients: ClientAnalysis[];
  /** Revenue over the recent window per currency code (minor units). */
  revenueByCurrency: Record<string, number>;
  /** Time entries that match no known client. */
  unassigned: { entries: number; minutes: number };
}
