/**
 * What the rate-case calls of the Api return: a logged contact with this week's count, an undo, an
 * import's preview, the report and the wording. Pure TypeScript. Totals are computed in integer minor
 * units; `Money` turns them into major units only for display and JSON.
 */
import type { MissingEvidence, Recommendation } from './analysis.js';
import type { Contact, ContactKind, ImportError } from './ledger.js';

/** An amount in major units (12.5 = €12.50) with its ISO 4217 code. */
export interface Money {
  amount: number;
  currency: string;
}

/** What `logContact` logged, and where the client stands this week. */
export interface LoggedContact {
  contact: Contact;
  clientName: string;
  /** The ISO week (Monday–Sunday in the user's zone) the contact falls in, the contact included. */
  week: {
    /** Its Monday, YYYY-MM-DD. */
    start: string;
    /** Whether that week is the current one. */
    current: boolean;
    contacts: number;
    /** Unscheduled contacts (calls, missed calls, voicemails, ad-hoc meetings). */
    adHoc: number;
    /** Unscheduled contacts per week the client's deal accepts. */
    allowance: number;
  };
}

/** What `undoLastContact` reversed. */
export interface UndoneContactChange {
  /** The change undone; null when there was nothing to undo. */
  op: 'add' | 'edit' | 'delete' | 'import' | null;
  /** add: the contact removed; edit: the contact as restored; delete: the contact back again. */
  contact?: Contact;
  /** import: how many imported contacts were removed. */
  count?: number;
}

/**
 * Periods a report can be asked for by name, each up to now in the user's zone: this ISO week, this
 * month, and the twelve ISO weeks ending with this one (long enough to be evidence for a rate decision).
 */
export const REPORT_PRESETS = ['last-12-weeks', 'this-week', 'this-month'] as const;

/** One of REPORT_PRESETS. */
export type ReportPreset = (typeof REPORT_PRESETS)[number];

/**
 * The files `importFile` reads: time-tracker exports, the generic call-log CSV, the FRITZ!Box call
 * list and an Android "SMS Backup & Restore" call log.
 */
export const IMPORT_KINDS = [
  'toggl',
  'harvest',
  'clockify',
  'calls',
  'fritzbox',
  'android-calls',
] as const;

/** One kind of file `importFile` reads. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The kinds whose rows become contacts (calls), not time entries. */
export const CALL_IMPORT_KINDS: readonly ImportKind[] = ['calls', 'fritzbox', 'android-calls'];

/** Whether a kind of file holds calls (contacts) rather than time entries. */
export function isCallImport(kind: ImportKind): boolean {
  return CALL_IMPORT_KINDS.includes(kind);
}

/** The latest import made through the dashboard, which `undoImport` takes back (kept in the data folder). */
export interface LastImport {
  kind: ImportKind;
  /** The file's name as it was sent. */
  file: string;
  /** When it was imported (ISO instant). */
  at: string;
  /** Its rows still in the ledger: time entries, or contacts for call logs. */
  count: number;
}

/** One problem with one row of an imported file, with its column's position when known. */
export interface ImportRowError extends ImportError {
  /** 1-based position of `column` in the file's header. */
  columnNumber?: number;
}

/** One new row of an import, as the preview shows it. */
export interface ImportPreviewRow {
  /** YYYY-MM-DD for time entries, an ISO instant for calls. */
  when: string;
  /** The matched client's name, or the name as the file spelled it when none matched ('' for none). */
  client: string;
  matched: boolean;
  /** Contact kind for call logs; "billable" / "non-billable" for time entries. */
  what: string;
  minutes: number;
  amount?: Money;
}

/** What an import read and did. */
export interface ImportSummary {
  kind: ImportKind;
  file: string;
  dryRun: boolean;
  /** Whether anything was written (false for a dry run, and when errors stopped the import). */
  imported: boolean;
  /** Data rows in the file. */
  rows: number;
  /** Rows that are new: added, or that would be (a dry run, or errors stopped the import). */
  added: number;
  /** Rows already in the ledger (or deleted by the user after an earlier import). */
  duplicates: number;
  /** Benign rows left out: blank, totals, running timers, calls with nobody you bill. */
  skipped: number;
  /** Call logs: calls that matched no client (also counted in `skipped`). */
  unmatched?: number;
  /** Call logs: the first of those calls (at most 10), the caller as the log writes them. */
  unmatchedPreview?: ImportPreviewRow[];
  /** Call logs: rows left out on purpose besides unmatched calls ("blocked calls"), by reason. */
  skippedReasons?: { reason: string; count: number }[];
  /** Time entries whose client matches none of yours (imported, shown as unassigned). */
  unassigned?: number;
  errors: ImportRowError[];
  /** The first new rows (at most 10). */
  preview: ImportPreviewRow[];
}

/** One client's numbers over the report's period. */
export interface ClientReport {
  id: string;
  name: string;
  billedHours: number;
  nonBillableHours: number;
  revenue: Money;
  contacts: {
    total: number;
    /** Unscheduled: calls, missed calls, voicemails, ad-hoc meetings. */
    adHoc: number;
    byKind: Record<ContactKind, number>;
    hours: number;
    /** Hours of contacts not already in the billed hours. */
    unbilledHours: number;
  };
  allowancePerWeek: number;
  /** Unscheduled contacts the allowance accepts over the period (per week × days ÷ 7). */
  allowance: number;
  overAllowance: number;
  /** Unscheduled contacts × recovery minutes, in hours. */
  overheadHours: number;
  /** Revenue ÷ (billed + unbilled contact + overhead hours); null without any time. */
  effectiveHourlyRate: Money | null;
  hourlyRate: Money | null;
  targetHourlyRate: Money | null;
  /** Share of the revenue in this currency over the period (0–1). */
  revenueShare: number | null;
  /** Weeks over the allowance in a row inside the period, up to its end. */
  overAllowanceStreak: number;
  /** Weeks inside the period with billed hours (a rate change needs a minimum of them). */
  billedWeeks: number;
  /** The next standing call with this client (ISO), when the calendar shows one. */
  nextStandingCall: string | null;
  recommendation: {
    kind: Recommendation['kind'];
    reasons: string[];
    newHourlyRate?: Money;
    increasePercent?: number;
    retainerPerMonth?: Money;
    walkAwayWarning: boolean;
    /** Why no rate decision is possible yet: weeks with billed hours, how many are needed, the period's weeks. */
    missing?: MissingEvidence;
  };
  warnings: string[];
  /** The period's weeks, only for the client a report was asked them of (getReport's `weeksOf`). */
  weeks?: PeriodWeek[];
}

/** One Monday-to-Sunday week of a report's period, for the client the report was asked weeks of. */
export interface PeriodWeek {
  /** Its Monday, YYYY-MM-DD. */
  monday: string;
  /** Days of this week inside the period (7 except at its ends). */
  days: number;
  /** Unscheduled contacts on those days. */
  adHoc: number;
  /**
   * The weekly allowance for those days, as the period's own (per week × days ÷ 7); the unfinished
   * last week of a period that has not ended counts in full.
   */
  allowance: number;
  over: boolean;
}

/** The rate case over a period: per client demand against billed work, and what to do. */
export interface RateReport {
  /** The period, [from, to), ISO instants. */
  from: string;
  to: string;
  /** The zone whose days and weeks count. */
  timeZone: string;
  /**
   * The period has not ended yet (it runs to now or later): its unfinished last week's allowance
   * counts in full, since the contacts of the days still to come cannot have happened.
   */
  openEnded: boolean;
  recoveryMinutes: number;
  /** Where the recovery minutes come from ("Gloria Mark's interview figure"). */
  recoveryLabel: string;
  clients: ClientReport[];
  /** Time entries in the whole ledger (not only this period) whose client matches none of yours. */
  unassigned: { entries: number; hours: number };
}

/** A text to send or say. */
export interface ScriptText {
  language: 'en' | 'de';
  subject?: string;
  body: string;
}

/** The wording for one client, filled with this period's numbers and the next standing call. */
export interface ClientScripts {
  clientId: string;
  name: string;
  language: 'en' | 'de';
  /** Which script the recommendation calls for; null when the client is within boundaries. */
  recommended: 'standingCallProposal' | 'rateChangeNotice' | null;
  /** Null when a standing call with the client exists already. */
  standingCallProposal: ScriptText | null;
  voicemailFollowUp: ScriptText;
  availabilityConversation: ScriptText;
  /** Null when no new rate is recommended. */
  rateChangeNotice: ScriptText | null;
}

/** The contact kinds that interrupt (unscheduled), in the order charts stack them. */
export const AD_HOC_KINDS = ['call', 'missed-call', 'voicemail', 'ad-hoc-meeting'] as const;

/** One week of a client's detail chart. */
export interface DetailWeek {
  /** "2026-W49". */
  key: string;
  /** Monday and Sunday, YYYY-MM-DD. */
  start: string;
  end: string;
  /** Contacts per interrupting kind. */
  byKind: Record<(typeof AD_HOC_KINDS)[number], number>;
  /** Unscheduled contacts (the kinds above, less those marked scheduled). */
  adHoc: number;
  allowance: number;
  billedHours: number;
  effectiveRate: Money | null;
}

/** Everything the client detail screen shows, over one period: the twelve weeks of its chart. */
export interface ClientDetail {
  /** The period, [from, to): Monday eleven weeks back to now. */
  from: string;
  to: string;
  timeZone: string;
  /** The client's numbers and recommendation over that period. */
  report: ClientReport;
  weeks: DetailWeek[];
  /** Unscheduled contacts by weekday (0 = Monday) and hour of day (0–23), in the user's zone. */
  rhythm: number[][];
  /** The weekday and hour most unscheduled contacts came in; null without any. */
  busiest: { weekday: number; hour: number; count: number } | null;
}
