/** Domain types shared by the core, the dashboard and the status pages. Instants are ISO-8601 UTC strings. */

/** How events of a calendar count: busy by default, every event a focus block, or not at all. */
export type CalendarRole = 'busy' | 'focus' | 'ignore';

/** A calendar the user subscribed to: an https/webcal URL or a local .ics file. */
export interface CalendarSource {
  id: string;
  name: string;
  /** https:// or webcal:// URL (a secret: never log it in full) or an absolute file path. */
  location: string;
  kind: 'url' | 'file';
  /** Minutes between refreshes (default 5). */
  refreshMinutes: number;
  role: CalendarRole;
  addedAt: string;
}

/** Outcome of the latest sync of one source. A failing source keeps serving its last good copy. */
export interface SourceStatus {
  id: string;
  ok: boolean;
  /** Why the latest attempt failed (HTTP status, timeout, too large, parse error with line). */
  error?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** When the cached copy in use was fetched. */
  cachedAt?: string;
  eventCount?: number;
  warnings?: number;
  bytes?: number;
}

/** What an event means for availability ('away': out of office, vacation, holiday). */
export type EventKind = 'focus' | 'client-meeting' | 'standing-call' | 'busy' | 'free' | 'away';

/** What tells a client's meetings apart (a subset of the client record). */
export interface ClientMatcher {
  id: string;
  name: string;
  /** E-mail domains of attendees/organizer, lower-case, e.g. "acme.com". */
  domains: string[];
  /** Title keywords, matched case-insensitively as words. */
  keywords: string[];
}

/** Rules the user can edit that sort events into kinds. */
export interface ClassificationRules {
  /** Title keywords that mark a focus block (case-insensitive). */
  focusKeywords: string[];
  /** Treat TENTATIVE events as busy (default true). */
  tentativeIsBusy: boolean;
  /** Title keywords that mark the user away (out of office, vacation); the built-in list when absent. */
  awayKeywords?: string[];
}

/** A working period on one weekday in the user's zone, "HH:MM" 24h; end <= start crosses midnight. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** Working hours per weekday (0 = Sunday … 6 = Saturday) in an IANA zone. */
export interface WorkingHours {
  tz: string;
  days: WorkingPeriod[][];
}

/** A manual override of the calendar-derived status. */
export interface Override {
  mode: 'available' | 'unavailable';
  /** ISO instant when it ends by itself; absent = until changed back to "follow calendar". */
  until?: string;
  setAt: string;
}

/** The user's state at an instant. */
export type AvailabilityState = 'available' | 'focus' | 'meeting' | 'away' | 'off-hours';

/** The state at an instant and when it changes. */
export interface StatusNow {
  at: string;
  state: AvailabilityState;
  available: boolean;
  /** Plain words for the user (never sent to clients as is: may name an event kind, never a title). */
  reason: string;
  /** When this state began (null: before the known timeline). */
  since: string | null;
  /** When this state ends (null: not within the known timeline). */
  until: string | null;
  /** The next change, if known. */
  next: { at: string; state: AvailabilityState; available: boolean } | null;
  /** True when a manual override decides the state. */
  overridden: boolean;
  /** Client id when the state is a meeting with a known client (for filtering: never shown to other clients). */
  clientId?: string;
}

/** One stretch of a day's timeline. */
export interface TimelineSegment {
  start: string;
  end: string;
  state: AvailabilityState;
  available: boolean;
  reason: string;
  /** Client id when the stretch is a meeting with a known client. */
  clientId?: string;
  /** True when the stretch is a standing (recurring) call with `clientId`: shown to that client as "our next call". */
  standing?: boolean;
}

/** A client the user bills: who they are, how to recognise them, and what their status page shows. */
export interface Client {
  id: string;
  name: string;
  /** Display colour, "#rrggbb". */
  color: string;
  /** E-mail domains of the client's people, lower-case, e.g. "acme.com". */
  domains: string[];
  /** Title keywords that mark a meeting as theirs (case-insensitive). */
  keywords: string[];
  /** Phone numbers as the user typed them (matched against call logs after normalising). */
  phones: string[];
  /** Hourly rate in integer minor units of `currency` (cents), never a float. */
  hourlyRateMinor: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** Unscheduled contacts per week that are part of the deal (default 2). */
  adHocAllowancePerWeek: number;
  /** Language of the client's status page and scripts. */
  locale: 'en' | 'de';
  /** The client's IANA zone, for showing times on their status page. */
  timeZone: string;
  /** The availability policy shown on the client's status page, per language. */
  policyText: { en: string; de: string };
  /** Secret of the client's status link (>= 128 random bits, base64url). Revoke by replacing it. */
  statusToken: string;
  createdAt: string;
}
