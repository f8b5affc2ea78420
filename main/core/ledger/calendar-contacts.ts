/**
 * The calendar's side of the ledger: client meetings from the classified occurrences (so each sync
 * refreshes the demand the calendar shows), and the next standing call per client for the wording.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Contact } from '../../../shared/ledger.js';
import type { ClassifiedEvent } from '../calendar/classify.js';
import {
  deriveCalendarContacts,
  syncCalendarContacts,
  type ClientMeeting,
} from './calendar-demand.js';

/** Timed client meetings and standing calls, as the demand rules read them. */
export function clientMeetings(events: readonly ClassifiedEvent[]): ClientMeeting[] {
  const out: ClientMeeting[] = [];
  for (const e of events) {
    if ((e.kind !== 'client-meeting' && e.kind !== 'standing-call') || e.clientId === undefined)
      continue;
    if (e.event.allDay) continue;
    const meeting: ClientMeeting = {
      uid: e.event.uid,
      start: e.event.start,
      end: e.event.end,
      clientId: e.clientId,
      recurring: e.kind === 'standing-call' || e.event.recurring,
    };
    if (e.event.created !== undefined) meeting.created = e.event.created;
    if (e.event.lastModified !== undefined) meeting.lastModified = e.event.lastModified;
    if (e.event.dtstamp !== undefined) meeting.dtstamp = e.event.dtstamp;
    out.push(meeting);
  }
  return out;
}

/** What merging the calendar's demand into the contacts would do. */
export interface CalendarContactsPlan {
  contacts: readonly Contact[];
  added: number;
  removed: number;
  changed: number;
  /** False when the contacts would come out exactly as they are (nothing to write). */
  differs: boolean;
}

/**
 * The contacts with the calendar-derived ones inside [from, now) replaced by those the classified
 * occurrences give now. Meetings that have not started yet are not contacts yet.
 */
export function planCalendarContacts(
  existing: readonly Contact[],
  events: readonly ClassifiedEvent[],
  window: { from: number; now: number },
  adHocLeadHours: number,
): CalendarContactsPlan {
  const derived = deriveCalendarContacts(clientMeetings(events), {
    adHocLeadHours,
    now: window.now,
  });
  const span = { from: window.from, to: window.now };
  // This runs after every sync, and usually nothing changed: decide that on the calendar's own
  // contacts (the merge passes every other contact through untouched) before touching all of them.
  const own = existing.filter((c) => c.source === 'calendar');
  const trial = syncCalendarContacts(own, derived, span);
  if (!changed(own, trial.contacts)) return { ...trial, contacts: existing, differs: false };
  const result = syncCalendarContacts(existing, derived, span);
  return { ...result, differs: changed(existing, result.contacts) };
}

/** Whether the merge changed anything: a contact added, removed or refreshed with other content. */
function changed(before: readonly Contact[], after: readonly Contact[]): boolean {
  if (after.length !== before.length) return true;
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    const b = after[i];
    // Untouched contacts come back as the same object; compare the refreshed ones by content (the
    // stored ones have their keys in the schema's order, so not as JSON text).
    if (a !== b && !isDeepStrictEqual(a, b)) return true;
  }
  return false;
}

/** A stretch of the availability timeline, as far as standing calls go. */
export interface StandingSegment {
  start: number | string;
  clientId?: string;
  standing?: boolean;
}

/**
 * The start (ISO) of the next standing call per client after `now`: from timeline segments marked
 * `standing` and, since the timeline merges and clips stretches, from the standing-call occurrences
 * the timeline is built from.
 */
export function nextStandingCalls(
  events: readonly ClassifiedEvent[],
  segments: readonly StandingSegment[],
  now: number,
): Map<string, string> {
  const best = new Map<string, number>();
  const offer = (clientId: string | undefined, start: number): void => {
    if (clientId === undefined || !(start > now)) return;
    const had = best.get(clientId);
    if (had === undefined || start < had) best.set(clientId, start);
  };
  for (const s of segments) {
    if (s.standing === true)
      offer(s.clientId, typeof s.start === 'number' ? s.start : Date.parse(s.start));
  }
  for (const e of events) if (e.kind === 'standing-call') offer(e.clientId, e.event.start);
  return new Map([...best].map(([id, ms]) => [id, new Date(ms).toISOString()]));
}
