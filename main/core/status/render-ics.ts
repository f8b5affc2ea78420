/**
 * The busy-times calendar of a status link: opaque VEVENTs titled "Busy" for the next 60 days. VEVENTs
 * rather than VFREEBUSY because subscribed calendars in Google, Apple and Outlook show events but ignore
 * free/busy components. No title, description, location or attendee ever reaches this file: it is built
 * from start and end instants only.
 */
import { hash } from 'node:crypto';
import type { TimelineSegment } from '../../../shared/domain.js';
import { PHRASES, type StatusLocale } from './status-text.js';

/** One busy stretch, ISO instants. */
export interface BusyInterval {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
/** Most events one calendar carries (a bound on the file's size whatever the timeline holds). */
const MAX_EVENTS = 5_000;

/**
 * The busy stretches of a timeline within [from, to), merged where they touch. Outside working hours
 * counts as free unless `includeOffHours`: a calendar that is busy every night hides the real meetings.
 */
export function busyIntervals(
  timeline: readonly TimelineSegment[],
  { from, to, includeOffHours = false }: { from: Date; to: Date; includeOffHours?: boolean },
): BusyInterval[] {
  const spans: [number, number][] = [];
  for (const segment of timeline) {
    if (segment.available || (segment.state === 'off-hours' && !includeOffHours)) continue;
    const start = Math.max(Date.parse(segment.start), from.getTime());
    const end = Math.min(Date.parse(segment.end), to.getTime());
    if (end > start) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged.map(([s, e]) => ({
    start: new Date(s).toISOString(),
    end: new Date(e).toISOString(),
  }));
}

/** An instant as an iCalendar UTC date-time: 20250314T090000Z. */
function icsTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Escapes an iCalendar TEXT value (RFC 5545 §3.3.11). */
function icsText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Folds one content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character. */
export function foldIcsLine(text: string): string {
  if (Buffer.byteLength(text, 'utf8') <= 75) return text;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with a space, which counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Options of `renderFreeBusy`. */
export interface FreeBusyOptions {
  busy: readonly BusyInterval[];
  /** The moment of generation: DTSTAMP, and the start of the 60-day window. */
  now: Date;
  locale: StatusLocale;
  /** Seeds the event UIDs (hashed): the client's id, so UIDs are stable per client and interval. */
  uidSeed: string;
  /** Days ahead to include (default 60). */
  days?: number;
}

/** The busy-times calendar, CRLF line endings, folded lines, refresh hints for subscribing apps. */
export function renderFreeBusy({ busy, now, locale, uidSeed, days = 60 }: FreeBusyOptions): string {
  const words = PHRASES[locale];
  const from = now.getTime();
  const to = from + days * DAY_MS;
  const stamp = icsTime(from);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Office Hours//Status link//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${icsText(words.calendarName)}`,
    `X-WR-CALNAME:${icsText(words.calendarName)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT15M',
    'X-PUBLISHED-TTL:PT15M',
  ];
  let count = 0;
  for (const interval of busy) {
    // An ongoing stretch keeps its real start; only the far end is cut at the window.
    const start = Date.parse(interval.start);
    const end = Math.min(Date.parse(interval.end), to);
    if (!(end > from && end > start && start < to)) continue;
    if (++count > MAX_EVENTS) break;
    const uid = hash('sha256', `${uidSeed}|${interval.start}|${interval.end}`, 'hex').slice(0, 32);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@office-hours`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsTime(start)}`,
      `DTEND:${icsTime(end)}`,
      `SUMMARY:${icsText(words.busy)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
