/** How the main process words a status for the tray, its tooltip and notifications (in the user's language). */
import type { AvailabilityState, StatusNow } from '../../shared/domain.js';
import type { AppWords } from './i18n.js';

/** Formats an ISO instant as a clock time in the user's locale. */
export type TimeFormatter = (iso: string) => string;

/** A clock-time formatter ("14:30", "2:30 PM") for a locale and, optionally, a zone. */
export function clockFormatter(locale?: string, timeZone?: string): TimeFormatter {
  const format = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
  return (iso) => format.format(new Date(iso));
}

/** A weekday-and-clock formatter ("Fri 10:00", "Fr., 10:00") for a locale and, optionally, a zone. */
export function dayTimeFormatter(locale?: string, timeZone?: string): TimeFormatter {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
  return (iso) => format.format(new Date(iso));
}

const STATE_KEYS = {
  available: 'stateAvailable',
  focus: 'stateFocus',
  meeting: 'stateMeeting',
  away: 'stateAway',
  'off-hours': 'stateOffHours',
} as const satisfies Record<AvailabilityState, string>;

const SHORT_KEYS = {
  available: 'shortAvailable',
  focus: 'shortFocus',
  meeting: 'shortMeeting',
  away: 'shortAway',
  'off-hours': 'shortOffHours',
} as const satisfies Record<AvailabilityState, string>;

/** "In a focus block" — the state in words. */
export function stateWords(words: AppWords, state: AvailabilityState): string {
  return words.tray(STATE_KEYS[state]);
}

/** "Focus" — the state in one short word (the macOS menu-bar title). */
export function shortStateWord(words: AppWords, state: AvailabilityState): string {
  return words.tray(SHORT_KEYS[state]);
}

/** "In a focus block until 11:00" — the state and, when known, when it ends. */
export function statusLine(words: AppWords, status: StatusNow, format: TimeFormatter): string {
  const state = stateWords(words, status.state);
  return status.until ? words.tray('statusUntil', { state, time: format(status.until) }) : state;
}

const FIXED_REASONS: Record<string, Parameters<AppWords['tray']>[0]> = {
  available: 'reasonAvailable',
  'outside working hours': 'reasonOffHours',
  'out of office': 'reasonAway',
  'focus time': 'reasonFocus',
  'in a meeting': 'reasonMeeting',
  'set available by hand': 'reasonSetAvailable',
  'set unavailable by hand': 'reasonSetUnavailable',
  'outside the synced calendar range': 'reasonOutsideRange',
  'in a call with a client': 'reasonCallWithClient',
  'in a standing call with a client': 'reasonStandingCallWithClient',
};

/**
 * The core's reason (an English phrase: "focus time", "in a call with Acme") as a sentence in the
 * user's language. A reason the catalogue does not know is shown as the core wrote it.
 */
export function reasonWords(words: AppWords, reason: string): string {
  const fixed = FIXED_REASONS[reason];
  if (fixed) return words.tray(fixed);
  const call = /^in a (standing )?call with (.+)$/.exec(reason);
  if (call?.[2])
    return words.tray(call[1] ? 'reasonStandingCallWith' : 'reasonCallWith', { name: call[2] });
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}
