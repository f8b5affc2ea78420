/**
 * Ledger types shared by the core and the dashboard: contacts (client demand) and time entries (billed
 * work). Pure TypeScript. Instants are ISO-8601 UTC strings; money is integer minor units beside an
 * ISO 4217 currency code, never a float.
 */

/** What kind of contact a client made (or the user had with a client). */
export type ContactKind =
  | 'call'
  | 'missed-call'
  | 'voicemail'
  | 'ad-hoc-meeting'
  | 'scheduled-meeting'
  | 'email'
  | 'message';

/** Every contact kind, in display order. */
export const CONTACT_KINDS: readonly ContactKind[] = [
  'call',
  'missed-call',
  'voicemail',
  'ad-hoc-meeting',
  'scheduled-meeting',
  'email',
  'message',
];

/** Where a contact came from: the tray quick-log, the calendar, or an imported call log. */
export type ContactSource = 'manual' | 'calendar' | 'import:calls';

/** One contact with a client. */
export interface Contact {
  id: string;
  clientId: string;
  kind: ContactKind;
  /** When it happened (start), ISO UTC. */
  at: string;
  /** How long it took, whole minutes (0 for a missed call or a short message). */
  minutes: number;
  /** Planned ahead (a standing call logged by hand, say): never counts as an interruption. */
  scheduled: boolean;
  /** For meetings: minutes between booking and start. */
  leadTimeMinutes?: number;
  note?: string;
  /** For voicemails: whether the caller left a message. */
  voicemailHasMessage?: boolean;
  /**
   * Whether this contact's time is already in the billed hours (logged in the time tracker). Absent:
   * scheduled meetings are assumed billed, everything else unbilled.
   */
  billed?: boolean;
  source: ContactSource;
  /** Stable identity of the source row or calendar occurrence, so re-importing adds nothing twice. */
  importKey?: string;
}

/** Where a time entry came from. */
export type TimeEntrySource = 'toggl' | 'harvest' | 'clockify' | 'manual';

/** One tracked stretch of work (from a time tracker export or typed in). */
export interface TimeEntry {
  id: string;
  /** The matched client; absent when the name in the export matches no known client. */
  clientId?: string;
  /** The client's name as the source spelled it. */
  clientName: string;
  /** The local date the work was done, YYYY-MM-DD. */
  date: string;
  /** Whole minutes. */
  minutes: number;
  billable: boolean;
  /** What the tracker priced this entry at, in minor units of `currency`. */
  amountMinor?: number;
  /** ISO 4217 code of `amountMinor`. */
  currency?: string;
  description?: string;
  source: TimeEntrySource;
  /** Stable identity of the source row (a hash), so re-importing the same file adds nothing. */
  importKey: string;
}

/**
 * A client as the ledger and the analysis need it. The stored `Client` (domain.ts) fits as it is;
 * the optional extras (target rate, aliases, the next standing call) come from settings and the
 * calendar when the caller has them.
 */
export interface LedgerClient {
  id: string;
  name: string;
  /** ISO 4217 code the client is billed in. */
  currency: string;
  /** Nominal hourly rate in minor units of `currency`. */
  hourlyRateMinor?: number;
  /** Effective hourly rate the user wants to keep with this client (default: the nominal rate). */
  targetRateMinor?: number;
  /** Unscheduled contacts per week the user accepts from this client (default: the global allowance). */
  adHocAllowancePerWeek?: number;
  /** Phone numbers in any notation, matched against call logs. */
  phones?: string[];
  /** Other names the client goes by in time trackers and call logs. */
  aliases?: string[];
  /** BCP 47 locale for wording sent to this client, e.g. "de-DE" or just "de". */
  locale?: string;
  /** IANA zone the client reads dates in. */
  timeZone?: string;
  /** Whether a standing call with this client exists (true when `nextStandingCall` is known). */
  hasStandingCall?: boolean;
  /** The next standing call, ISO UTC. */
  nextStandingCall?: string;
}

/** Calls, missed calls, voicemails and ad-hoc meetings interrupt; meetings booked ahead, e-mail and messages do not. */
export function isAdHoc(kind: ContactKind): boolean {
  return (
    kind === 'call' || kind === 'missed-call' || kind === 'voicemail' || kind === 'ad-hoc-meeting'
  );
}

/** Whether a contact counts as an interruption: an ad-hoc kind that was not planned ahead. */
export function isAdHocContact(contact: Pick<Contact, 'kind' | 'scheduled'>): boolean {
  return !contact.scheduled && isAdHoc(contact.kind);
}

/** One problem with one row of an imported file. */
export interface ImportError {
  /** 1-based line of the file where the row starts (1 = the header). */
  line: number;
  /** The column's header as written in the file, when the problem is in one column. */
  column?: string;
  reason: string;
}

/** What an importer read from one file. */
export interface ImportResult<T> {
  /** Rows turned into entries; empty when there were errors and the caller did not allow a partial import. */
  entries: T[];
  errors: ImportError[];
  /** Data rows deliberately left out (blank, totals, running timers, zero length), not errors. */
  skipped: number;
  /** Data rows read. */
  rows: number;
}
