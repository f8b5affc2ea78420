/**
 * When the app notifies, as pure functions of the previous and next state and the time: a focus block
 * starts or ends, a client passes the weekly allowance (once per client and week), a calendar has
 * failed for over an hour (once per failure), an override ends in five minutes; and the "Logged"
 * notice with its Undo button.
 */
import type { StatusNow } from '../../shared/domain.js';
import type { LoggedContact } from '../../shared/rate-case.js';
import type { AppWords } from './i18n.js';
import { type TimeFormatter, stateWords } from './status-words.js';
import { type TrayContactKind, contactKindWords } from './tray-menu.js';

/** A notification to show. */
export interface NotificationContent {
  title: string;
  body: string;
  /** Button labels (macOS shows them; elsewhere a click on the notice takes the first). */
  actions?: string[];
}

/** How long a calendar fails before the user is told. */
export const CALENDAR_FAILING_NOTICE_MS = 60 * 60 * 1000;
/** How long before a manual override ends the user is told. */
export const OVERRIDE_ENDING_LEAD_MS = 5 * 60 * 1000;

/** A focus block began or ended between `previous` and `next` (null: neither, or start-up). */
export function focusChangeNotice(
  previous: StatusNow | null,
  next: StatusNow,
  words: AppWords,
  format: TimeFormatter,
): NotificationContent | null {
  if (previous === null) return null;
  const was = previous.state === 'focus';
  const is = next.state === 'focus';
  if (was === is) return null;
  const n = words.notifications;
  if (is)
    return {
      title: n('focusStartTitle'),
      body: next.until ? n('focusStartUntil', { time: format(next.until) }) : n('focusStart'),
    };
  return {
    title: n('focusEndTitle'),
    body: n('focusEnd', { state: stateWords(words, next.state) }),
  };
}

/** Where one client stands in a week, as far as the allowance notice goes. */
export interface AllowanceStanding {
  clientId: string;
  clientName: string;
  week: LoggedContact['week'];
}

/** The key that makes the allowance notice once per client and week. */
export function allowanceKey(standing: Pick<AllowanceStanding, 'clientId' | 'week'>): string {
  return `${standing.clientId}@${standing.week.start}`;
}

/**
 * The notices for clients past their weekly allowance: only for the current week, only once the
 * unscheduled contacts exceed the allowance, and only for keys `told` lacks. Returns the notices and
 * what has been told after them — the current week's keys only, so the memory stays small.
 */
export function allowanceNotices(
  standings: readonly AllowanceStanding[],
  told: ReadonlySet<string>,
  words: AppWords,
): { notices: NotificationContent[]; told: Set<string> } {
  const notices: NotificationContent[] = [];
  const next = new Set<string>();
  for (const standing of standings) {
    const { week } = standing;
    if (!week.current) continue;
    const key = allowanceKey(standing);
    if (told.has(key)) next.add(key);
    if (week.adHoc <= week.allowance || told.has(key)) continue;
    next.add(key);
    notices.push({
      title: words.notifications('allowanceTitle', { client: standing.clientName }),
      body: words.notifications('allowanceBody', { adHoc: week.adHoc, allowance: week.allowance }),
    });
  }
  return { notices, told: next };
}

/** A calendar's sync outcome, as far as failure notices go. */
export interface CalendarHealth {
  id: string;
  name: string;
  ok: boolean;
  error?: string;
  lastSuccessAt?: string;
  /** When the calendar was added (stands in for the last success when there never was one). */
  addedAt: string;
}

/** The calendars to tell about now, and the ids told about (failing ones stay until they recover). */
export function calendarFailureNotices(
  calendars: readonly CalendarHealth[],
  told: ReadonlySet<string>,
  now: number,
  words: AppWords,
  format: TimeFormatter,
): { notices: NotificationContent[]; told: Set<string> } {
  const notices: NotificationContent[] = [];
  const next = new Set<string>();
  for (const c of calendars) {
    if (c.ok) continue;
    const since = Date.parse(c.lastSuccessAt ?? c.addedAt);
    if (told.has(c.id)) {
      next.add(c.id);
      continue;
    }
    if (!(now - since > CALENDAR_FAILING_NOTICE_MS)) continue;
    next.add(c.id);
    const error = c.error ?? '?';
    notices.push({
      title: words.notifications('calendarFailingTitle', { name: c.name }),
      body: c.lastSuccessAt
        ? words.notifications('calendarFailingBody', { time: format(c.lastSuccessAt), error })
        : words.notifications('calendarFailingNever', { error }),
    });
  }
  return { notices, told: next };
}

/** When to warn that the override in `status` ends (null: no timed override, or its end is past). */
export function overrideWarningAt(status: StatusNow, now: number): number | null {
  if (!status.overridden || !status.until) return null;
  const end = Date.parse(status.until);
  if (!(end > now)) return null;
  return Math.max(now, end - OVERRIDE_ENDING_LEAD_MS);
}

/** The "override ends soon" notice for `status` at `now` (null when it is not due). */
export function overrideEndingNotice(
  status: StatusNow,
  now: number,
  words: AppWords,
  format: TimeFormatter,
): NotificationContent | null {
  const at = overrideWarningAt(status, now);
  if (at === null || at > now || !status.until) return null;
  return {
    title: words.notifications('overrideEndingTitle'),
    body: words.notifications('overrideEndingBody', {
      state: stateWords(words, status.state),
      time: format(status.until),
    }),
  };
}

/** "Logged — Acme: 3 of 2 unscheduled this week", with an Undo button. */
export function loggedNotice(
  logged: LoggedContact,
  kind: TrayContactKind,
  words: AppWords,
  format: TimeFormatter,
): NotificationContent {
  const n = words.notifications;
  return {
    title: n('loggedTitle', {
      client: logged.clientName,
      adHoc: logged.week.adHoc,
      allowance: logged.week.allowance,
    }),
    body: n('loggedBody', {
      kind: contactKindWords(words, kind),
      time: format(logged.contact.at),
    }),
    actions: [n('undo')],
  };
}

/** "The call for Acme is no longer logged" after an Undo. */
export function undoneNotice(
  clientName: string,
  kind: TrayContactKind,
  words: AppWords,
): NotificationContent {
  return {
    title: words.notifications('undoneTitle'),
    body: words.notifications('undoneBody', {
      kind: contactKindWords(words, kind),
      client: clientName,
    }),
  };
}

/** A tray action that failed: the notice the user sees (the log gets the same line). */
export function actionFailedNotice(
  action: string,
  error: unknown,
  words: AppWords,
): NotificationContent {
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: words.notifications('actionFailedTitle'),
    body: words.notifications('actionFailedBody', { action, message }),
  };
}
