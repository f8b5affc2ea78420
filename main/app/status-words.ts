/** How the main process words a status for the tray, its tooltip and notifications. */
import type { AvailabilityState, StatusNow } from '../../shared/domain.js';

/** Long words per state. */
export const STATE_WORDS: Record<AvailabilityState, string> = {
  available: 'Available',
  focus: 'In a focus block',
  meeting: 'In a meeting',
  away: 'Away',
  'off-hours': 'Off hours',
};

/** Formats an ISO instant as a clock time in the user's locale. */
export type TimeFormatter = (iso: string) => string;

/** The default clock-time formatter (system locale and zone). */
export const formatClock: TimeFormatter = (iso) =>
  new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** "In a focus block until 11:00" — the state and, when known, when it ends. */
export function statusLine(status: StatusNow, format: TimeFormatter = formatClock): string {
  const words = STATE_WORDS[status.state];
  return status.until ? `${words} until ${format(status.until)}` : words;
}

/** The core's reasons are lower-case phrases ("focus time"); menus show them as sentences. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
