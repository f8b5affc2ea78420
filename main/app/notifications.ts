/** Notifications on status changes: when the state really changes, not on every recomputation. */
import type { StatusNow } from '../../shared/domain.js';
import { STATE_WORDS, type TimeFormatter, formatClock, sentence } from './status-words.js';

/** A notification to show. */
export interface NotificationContent {
  title: string;
  body: string;
}

/** The notification for going from `previous` to `next`, or null when nothing worth telling changed. */
export function notificationFor(
  previous: StatusNow | null,
  next: StatusNow,
  format: TimeFormatter = formatClock,
): NotificationContent | null {
  // The first status after start-up is no change; neither is the same state recomputed.
  if (
    previous === null ||
    (previous.state === next.state && previous.overridden === next.overridden)
  )
    return null;
  const until = next.until ? ` — until ${format(next.until)}` : '';
  return { title: `Now: ${STATE_WORDS[next.state]}`, body: `${sentence(next.reason)}${until}` };
}
