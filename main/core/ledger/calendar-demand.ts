/**
 * Client demand seen in the calendar. A client meeting that was booked less than `adHocLeadHours`
 * (default 24) before it started is an ad-hoc meeting — "can we jump on a call at three?" — and counts
 * against the allowance like a phone call. Standing calls (recurring series) and meetings booked
 * further ahead are scheduled meetings. When the booking time is unknown (no CREATED, no
 * LAST-MODIFIED) the meeting gets the benefit of the doubt and counts as scheduled. DTSTAMP is only
 * used when the caller trusts it: many servers (Google among them) stamp every event with the time
 * the feed was generated, which would make every meeting look freshly booked.
 *
 * Contacts derived here have stable ids (a hash of uid and start), so deriving again after each sync
 * replaces rather than duplicates them.
 */
import type { Contact } from '../../../shared/ledger.js';
import { stableKey } from './import-key.js';
import { parseInstant } from '../time/instant.js';

/** A classified client meeting occurrence (epoch ms, as the calendar core produces them). */
export interface ClientMeeting {
  uid: string;
  start: number;
  end: number;
  clientId: string;
  /** Part of a recurring series: a standing call. */
  recurring: boolean;
  created?: number;
  lastModified?: number;
  dtstamp?: number;
}

/** How meetings become contacts. */
export interface CalendarDemandOptions {
  /** A meeting booked less than this many hours before it starts is ad hoc (default 24). */
  adHocLeadHours?: number;
  /** Use DTSTAMP as the booking time when CREATED and LAST-MODIFIED are missing (default false). */
  trustDtstamp?: boolean;
  /** Only meetings that started before this instant (epoch ms) are contacts yet (default: all). */
  now?: number;
}

/** When a meeting was booked, as far as the calendar tells. */
function bookedAt(m: ClientMeeting, trustDtstamp: boolean): number | undefined {
  if (m.created !== undefined) return m.created;
  // A modification after the start (notes added later) says nothing about when it was booked.
  if (m.lastModified !== undefined && m.lastModified <= m.start) return m.lastModified;
  if (trustDtstamp && m.dtstamp !== undefined && m.dtstamp <= m.start) return m.dtstamp;
  return undefined;
}

/** The contact a client meeting stands for. */
export function meetingToContact(
  meeting: ClientMeeting,
  options: CalendarDemandOptions = {},
): Contact {
  const leadLimitMinutes = (options.adHocLeadHours ?? 24) * 60;
  const booked = bookedAt(meeting, options.trustDtstamp ?? false);
  const lead =
    booked === undefined ? undefined : Math.max(0, Math.floor((meeting.start - booked) / 60_000));
  const adHoc = !meeting.recurring && lead !== undefined && lead < leadLimitMinutes;
  const key = stableKey('calendar', [meeting.uid, meeting.start]);
  const contact: Contact = {
    id: key,
    clientId: meeting.clientId,
    kind: adHoc ? 'ad-hoc-meeting' : 'scheduled-meeting',
    at: new Date(meeting.start).toISOString(),
    minutes: Math.max(0, Math.round((meeting.end - meeting.start) / 60_000)),
    scheduled: !adHoc,
    source: 'calendar',
    importKey: key,
  };
  if (lead !== undefined) contact.leadTimeMinutes = lead;
  if (meeting.recurring) contact.note = 'standing call';
  return contact;
}

/** Contacts for the client meetings that have started (by `now`), in start order. */
export function deriveCalendarContacts(
  meetings: readonly ClientMeeting[],
  options: CalendarDemandOptions = {},
): Contact[] {
  const now = options.now ?? Infinity;
  return meetings
    .filter((m) => m.start < now)
    .slice()
    .sort((a, b) => a.start - b.start || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0))
    .map((m) => meetingToContact(m, options));
}

/**
 * Replaces the calendar-derived contacts inside the window the calendar covers ([from, to), epoch
 * ms) with freshly derived ones: a meeting that was cancelled or re-classified changes or leaves,
 * one seen again keeps its id, and calendar contacts outside the window (older history) and all other
 * contacts stay as they are.
 */
export function syncCalendarContacts(
  existing: readonly Contact[],
  derived: readonly Contact[],
  window: { from: number; to: number },
): { contacts: Contact[]; added: number; removed: number; changed: number } {
  const inWindow = (c: Contact): boolean => {
    // Runs over every contact on every sync: look at the source before parsing the time.
    if (c.source !== 'calendar') return false;
    const t = parseInstant(c.at);
    return t >= window.from && t < window.to;
  };
  const fresh = new Map<string, Contact>();
  for (const c of derived) if (inWindow(c)) fresh.set(c.id, c);
  const contacts: Contact[] = [];
  let removed = 0;
  let changed = 0;
  for (const c of existing) {
    if (!inWindow(c)) {
      contacts.push(c);
      continue;
    }
    const next = fresh.get(c.id);
    if (next === undefined) {
      removed++;
      continue;
    }
    fresh.delete(c.id);
    if (next.kind !== c.kind || next.minutes !== c.minutes || next.clientId !== c.clientId)
      changed++;
    // Keep what the user added by hand (a note, the billed flag) on a contact seen again.
    contacts.push({
      ...next,
      ...(c.note !== undefined ? { note: c.note } : {}),
      ...(c.billed !== undefined ? { billed: c.billed } : {}),
    });
  }
  for (const c of fresh.values()) contacts.push(c);
  return { contacts, added: fresh.size, removed, changed };
}
