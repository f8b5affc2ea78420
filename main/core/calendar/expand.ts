/**
 * Parses an ICS text and expands its events into a window: the calendar engine.
 *
 * Why our own engine rather than node-ical (0.26.1) + its rrule dependency:
 * - node-ical drops a whole file when one property is bad; here a bad event becomes a ParseWarning
 *   with its line and the rest of the calendar is kept.
 * - node-ical mis-reads zones that exist only as an in-file VTIMEZONE (Outlook/Exchange custom
 *   zones) and ignores RDATE; here both are honoured (time-zones.ts, series.ts).
 * - rrule.js iterates in UTC, so floating and zoned series drift by an hour across DST; here rules
 *   iterate in the wall time of DTSTART's zone and only then become instants (rrule.ts).
 * - Speed: sync runs this on calendars with tens of thousands of events. One pass over the lines
 *   picks out only the timing properties; events that cannot touch the window are dropped before
 *   anything else is decoded, series skip ahead to the window, and summaries, attendees, etc. are
 *   read only for occurrences that are emitted (event-details.ts).
 *
 * Semantics follow RFC 5545 and the conventions of the shared ICS corpus (see its README): overlap
 * window, cancelled occurrences left out, X-WR-TIMEZONE for floating times, RECURRENCE-ID overrides
 * that move into or out of the window, and overrides whose master is missing.
 */
import { readEventDetails } from './event-details.js';
import { DAY_MS } from '../time/civil.js';
import { findTimeZone, type TimeZone, UTC_ZONE } from '../time/zone.js';
import { type RawEvent, scanCalendar } from './ics-parse.js';
import { decodeIcsBytes } from './ics-text.js';
import { parseDateValue } from './ics-values.js';
import { type ExpandContext, endUtcOf, type PreparedEvent, prepareEvent } from './prepare-event.js';
import { expandSeries, inWindow } from './series.js';
import { resolveTzid } from './time-zones.js';
import { zoneFromVtimezone } from './vtimezone.js';
import type { ExpandedEvent, ExpandOptions, ExpandResult } from './types.js';

interface Group {
  masters: PreparedEvent[];
  overrides: PreparedEvent[];
}

/** Events without a UID share one group, as they do in the reference implementations. */
const NO_UID = '\u0000no-uid';

/**
 * Parse `text` (an iCalendar file, as text or as raw bytes) and expand every event into the window
 * of `options`. Throws CalendarParseError when the text is not iCalendar at all.
 */
export function expandIcs(text: string | Uint8Array, options: ExpandOptions): ExpandResult {
  let source = typeof text === 'string' ? text : decodeIcsBytes(text);
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  // Old Mac files end lines with CR alone.
  if (source.indexOf('\n') < 0 && source.indexOf('\r') >= 0) source = source.replace(/\r/g, '\n');
  const scanned = scanCalendar(source);
  const warnings = scanned.warnings;
  let viewer = findTimeZone(options.tz);
  if (!viewer) {
    warnings.push({ line: 0, message: `unknown viewer time zone "${options.tz}": UTC used` });
    viewer = UTC_ZONE;
  }
  const inFile = new Map<string, TimeZone>();
  for (const comp of scanned.timezones) {
    const zone = zoneFromVtimezone(comp);
    if (zone) inFile.set(zone.id, zone);
    else
      warnings.push({
        line: comp.line,
        message: 'VTIMEZONE without usable STANDARD/DAYLIGHT rules ignored',
      });
  }
  let calendarName: string | undefined;
  let xwr: TimeZone | undefined;
  for (const prop of scanned.props) {
    if (prop.name === 'X-WR-CALNAME') calendarName ??= prop.value;
    else if (prop.name === 'X-WR-TIMEZONE' && !xwr && prop.value.trim()) {
      xwr = resolveTzid(prop.value, inFile);
      if (!xwr)
        warnings.push({
          line: prop.line,
          message: `unknown X-WR-TIMEZONE "${prop.value.trim()}" ignored`,
        });
    }
  }
  const ctx: ExpandContext = {
    text: source,
    from: options.from,
    to: options.to,
    viewer,
    floating: xwr ?? viewer,
    inFile,
    tzCache: new Map(),
    warnings,
    ...(xwr ? { xwr } : {}),
  };

  const groups = new Map<string, Group>();
  const add = (raw: RawEvent): void => {
    const prepared = prepareEvent(ctx, raw);
    if (!prepared) return;
    const key = prepared.uid ?? NO_UID;
    let group = groups.get(key);
    if (!group) {
      group = { masters: [], overrides: [] };
      groups.set(key, group);
    }
    (prepared.recurrenceId ? group.overrides : group.masters).push(prepared);
  };
  const skipped: RawEvent[] = [];
  for (const raw of scanned.events) {
    if (cannotTouchWindow(ctx, raw)) skipped.push(raw);
    else add(raw);
  }
  // An event outside the window still counts when it shares its UID with one inside: it may be a
  // newer version of it (SEQUENCE decides), and which version wins must not depend on the window.
  for (const raw of skipped) if (raw.uid !== undefined && groups.has(raw.uid)) add(raw);

  const events: ExpandedEvent[] = [];
  for (const [key, group] of groups) expandGroup(ctx, group, events, key !== NO_UID);
  events.sort(compareEvents);
  warnings.sort((a, b) => a.line - b.line);
  const result: ExpandResult = { events, warnings };
  if (calendarName !== undefined) result.calendarName = calendarName;
  return result;
}

/**
 * A cheap early test on the raw text of a single, non-recurring event: true when it surely ends
 * before the window or starts after it (a day of slack covers any zone). Such events are never
 * decoded further. Series and overrides always go through, since overrides can move anywhere.
 */
function cannotTouchWindow(ctx: ExpandContext, raw: RawEvent): boolean {
  if (raw.rrule.length > 0 || raw.rdate.length > 0 || raw.recurrenceId || !raw.dtstart)
    return false;
  const start = quickLocal(raw.dtstart.value);
  if (Number.isNaN(start)) return false;
  if (start > ctx.to + 2 * DAY_MS) return true;
  if (raw.duration) return false;
  const end = raw.dtend ? quickLocal(raw.dtend.value) : start + DAY_MS;
  return !Number.isNaN(end) && end < ctx.from - 2 * DAY_MS;
}

/** The date of a DATE or DATE-TIME value (midnight, as-UTC ms); NaN when it does not start with one. */
function quickLocal(value: string): number {
  return parseDateValue(value.charCodeAt(0) === 32 ? value.trimStart() : value);
}

function sequenceWins(candidate: PreparedEvent, current: PreparedEvent): boolean {
  if (candidate.sequence === undefined || current.sequence === undefined) return true;
  return candidate.sequence >= current.sequence;
}

function expandGroup(
  ctx: ExpandContext,
  group: Group,
  out: ExpandedEvent[],
  versioned: boolean,
): void {
  // Overrides by RECURRENCE-ID: exactly (instant, or date), and by date for the odd file that mixes
  // DATE and DATE-TIME between the master and its overrides.
  const exact = new Map<string, PreparedEvent>();
  for (const o of group.overrides) {
    const rid = o.recurrenceId as NonNullable<PreparedEvent['recurrenceId']>;
    const key = rid.allDay ? `d${rid.local}` : `t${rid.utc}`;
    const current = exact.get(key);
    if (!current || sequenceWins(o, current)) exact.set(key, o);
  }
  const byDay = new Map<number, PreparedEvent>();
  for (const [key, o] of exact) {
    const rid = o.recurrenceId as NonNullable<PreparedEvent['recurrenceId']>;
    if (key[0] === 'd') byDay.set(rid.local, o);
    else byDay.set(Math.floor(rid.local / DAY_MS) * DAY_MS, o);
  }

  // Events without a UID cannot be versions of each other.
  for (const master of versioned ? latestVersions(group.masters) : group.masters) {
    if (master.cancelled) continue;
    const overridden = (local: number, startUtc: number, allDay: boolean): boolean =>
      exact.size > 0 &&
      (exact.get(allDay ? `d${local}` : `t${startUtc}`) ?? crossKind(byDay, local, allDay)) !==
        undefined;
    const raw = master.raw;
    if (master.rules.length === 0 && raw.rdate.length === 0 && raw.exdate.length === 0) {
      // A single event (the bulk of any calendar): no series machinery.
      const s = master.start;
      const endUtc = endUtcOf(s, master.end, s.local, s.utc);
      if (inWindow(s.utc, endUtc, ctx.from, ctx.to) && !overridden(s.local, s.utc, s.allDay)) {
        out.push(emit(ctx, master, s.local, s.utc, endUtc, false));
      }
      continue;
    }
    const recurring = master.rules.length > 0 || raw.rdate.length > 0;
    expandSeries(ctx, master, (local, startUtc, endUtc, allDay) => {
      if (!overridden(local, startUtc, allDay))
        out.push(emit(ctx, master, local, startUtc, endUtc, recurring));
    });
  }

  for (const o of exact.values()) {
    if (o.cancelled) continue;
    const start = o.start;
    const endUtc = endUtcOf(start, o.end, start.local, start.utc);
    if (inWindow(start.utc, endUtc, ctx.from, ctx.to))
      out.push(emit(ctx, o, start.local, start.utc, endUtc, true));
  }
}

/**
 * Several masters with one UID are versions of one event: where each has a SEQUENCE only the
 * highest (the last of equals) counts; masters without a SEQUENCE are all kept.
 */
function latestVersions(masters: PreparedEvent[]): PreparedEvent[] {
  if (masters.length < 2) return masters;
  let best: PreparedEvent | undefined;
  for (const m of masters) {
    if (m.sequence === undefined) continue;
    // Ties go to the one written later in the file (masters may arrive here out of file order).
    if (
      !best ||
      m.sequence > (best.sequence as number) ||
      (m.sequence === best.sequence && m.raw.textStart > best.raw.textStart)
    ) {
      best = m;
    }
  }
  return masters.filter((m) => m.sequence === undefined || m === best);
}

/** An override given as a date for a timed series, or as a time for an all-day series. */
function crossKind(
  byDay: Map<number, PreparedEvent>,
  local: number,
  allDay: boolean,
): PreparedEvent | undefined {
  const day = Math.floor(local / DAY_MS) * DAY_MS;
  const o = byDay.get(day);
  if (!o) return undefined;
  const rid = o.recurrenceId as NonNullable<PreparedEvent['recurrenceId']>;
  // Only a different kind counts here; same-kind overrides must match exactly.
  return rid.allDay === allDay ? undefined : o;
}

function isoDate(local: number): string {
  return new Date(local).toISOString().slice(0, 10);
}

function emit(
  ctx: ExpandContext,
  p: PreparedEvent,
  local: number,
  startUtc: number,
  endUtc: number,
  recurring: boolean,
): ExpandedEvent {
  const d = (p.details ??= readEventDetails(ctx.text, p.raw));
  const event: ExpandedEvent = {
    uid: p.uid ?? generatedUid(ctx.text, p.raw),
    summary: d.summary,
    start: startUtc,
    end: endUtc,
    allDay: p.start.allDay,
    recurring,
    transparent: d.transparent,
    attendees: d.attendees,
    categories: d.categories,
  };
  if (p.uid === undefined) event.uidGenerated = true;
  if (p.start.allDay) {
    event.startDate = isoDate(local);
    const days = 'exact' in p.end ? 1 : p.end.days;
    event.endDate = isoDate(local + days * DAY_MS);
  }
  if (d.status !== undefined) event.status = d.status;
  if (d.organizer !== undefined) event.organizer = d.organizer;
  if (d.location !== undefined) event.location = d.location;
  if (d.description !== undefined) event.description = d.description;
  if (d.created !== undefined) event.created = d.created;
  if (d.lastModified !== undefined) event.lastModified = d.lastModified;
  if (d.dtstamp !== undefined) event.dtstamp = d.dtstamp;
  return event;
}

/** A stable stand-in UID for an event without one: a hash of its text, so it survives re-syncs. */
function generatedUid(text: string, raw: RawEvent): string {
  let h = 0x811c9dc5;
  for (let i = raw.textStart; i < raw.textEnd; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `generated-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

function compareEvents(a: ExpandedEvent, b: ExpandedEvent): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.uid !== b.uid) return a.uid < b.uid ? -1 : 1;
  if (a.end !== b.end) return a.end - b.end;
  return a.summary < b.summary ? -1 : a.summary > b.summary ? 1 : 0;
}
