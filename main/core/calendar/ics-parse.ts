/**
 * The component tree of an iCalendar text, read in one pass, and decoders for the property values
 * the expansion needs (DATE, DATE-TIME, DURATION, PERIOD, date lists).
 *
 * Events are kept raw: only the properties that decide *when* an event happens are picked out on
 * the first pass; everything else (summary, attendees, …) stays in the text and is read later,
 * only for the occurrences that land in the window.
 */
import { ContentLineReader, paramValue } from './ics-lines.js';
import { CalendarParseError, type ParseWarning } from './types.js';

/** One property as written: upper-cased name, raw parameters, raw value, source line. */
export interface RawProp {
  name: string;
  params: string;
  value: string;
  line: number;
}

/** A component kept whole (VTIMEZONE and its STANDARD/DAYLIGHT parts). */
export interface RawComponent {
  name: string;
  line: number;
  props: RawProp[];
  children: RawComponent[];
}

/** A VEVENT with the timing properties picked out and the offsets of its text for lazy reading. */
export interface RawEvent {
  line: number;
  /** Offset of the BEGIN:VEVENT line and just past the END:VEVENT line. */
  textStart: number;
  textEnd: number;
  dtstart?: RawProp;
  dtend?: RawProp;
  duration?: RawProp;
  recurrenceId?: RawProp;
  uid?: string;
  /** STATUS:CANCELLED. */
  cancelled: boolean;
  sequence?: string;
  /** Shared empty arrays until a first entry arrives (most events have none). */
  rrule: readonly RawProp[];
  rdate: readonly RawProp[];
  exdate: readonly RawProp[];
}

const NONE: readonly RawProp[] = Object.freeze([]);

function appended(list: readonly RawProp[], prop: RawProp): readonly RawProp[] {
  if (list === NONE) return [prop];
  (list as RawProp[]).push(prop);
  return list;
}

/** What one pass over a calendar text yields. */
export interface ScannedCalendar {
  /** Properties of the VCALENDAR itself (X-WR-TIMEZONE, X-WR-CALNAME, …). */
  props: RawProp[];
  timezones: RawComponent[];
  events: RawEvent[];
  warnings: ParseWarning[];
}

type Open = { kind: 'event'; event: RawEvent } | { kind: 'tz'; comp: RawComponent } | { kind: 'other'; name: string };

const B = 66;
const D = 68;
const E = 69;
const R = 82;
const S = 83;
const U = 85;
const X = 88;

/** Reads the structure of a calendar; throws CalendarParseError when the text is not iCalendar. */
export function scanCalendar(text: string): ScannedCalendar {
  const reader = new ContentLineReader(text);
  const result: ScannedCalendar = { props: [], timezones: [], events: [], warnings: [] };
  const stack: Open[] = [];
  let sawCalendar = false;
  while (reader.next()) {
    if (!sawCalendar) {
      if (reader.nameIs('BEGIN') && reader.valueIs('VCALENDAR')) {
        sawCalendar = true;
        stack.push({ kind: 'other', name: 'VCALENDAR' });
        continue;
      }
      throw new CalendarParseError('not an iCalendar file (expected BEGIN:VCALENDAR)', reader.line);
    }
    if (!reader.wellFormed) {
      result.warnings.push({ line: reader.line, message: `not a content line: ${clip(reader.name)}` });
      continue;
    }
    const first = reader.nameFirst;
    if (first === B && reader.nameIs('BEGIN')) {
      openComponent(reader, stack, result);
      continue;
    }
    if (first === E && reader.nameIs('END')) {
      closeComponent(reader, stack, result);
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) continue;
    if (top.kind === 'event') addEventProp(top.event, reader, first);
    else if (top.kind === 'tz') top.comp.props.push(propOf(reader, reader.name));
    else if (stack.length === 1 && first === X) result.props.push(propOf(reader, reader.name));
  }
  if (!sawCalendar) throw new CalendarParseError('empty file, not an iCalendar file', 1);
  // Components left open at the end: keep what they had rather than dropping them.
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i] as Open;
    if (open.kind === 'event') {
      open.event.textEnd = text.length;
      result.events.push(open.event);
      result.warnings.push({ line: open.event.line, message: 'VEVENT without END:VEVENT' });
    }
  }
  return result;
}

const OTHER: Record<string, Open> = {};

function openComponent(reader: ContentLineReader, stack: Open[], result: ScannedCalendar): void {
  const top = stack[stack.length - 1];
  if (reader.valueIs('VEVENT')) {
    const event: RawEvent = {
      line: reader.line,
      textStart: reader.start,
      textEnd: reader.offset,
      cancelled: false,
      rrule: NONE,
      rdate: NONE,
      exdate: NONE,
    };
    stack.push({ kind: 'event', event });
    return;
  }
  if (reader.valueIs('VALARM')) {
    stack.push((OTHER.VALARM ??= { kind: 'other', name: 'VALARM' }));
    return;
  }
  const comp = reader.value.trim().toUpperCase();
  if (comp === 'VTIMEZONE' || top?.kind === 'tz') {
    const node: RawComponent = { name: comp, line: reader.line, props: [], children: [] };
    if (top?.kind === 'tz') top.comp.children.push(node);
    else result.timezones.push(node);
    stack.push({ kind: 'tz', comp: node });
  } else stack.push({ kind: 'other', name: comp });
}

function closeComponent(reader: ContentLineReader, stack: Open[], result: ScannedCalendar): void {
  const top = stack[stack.length - 1];
  // The usual case, END of the innermost component, is checked without slicing the value.
  const at = top && reader.valueIs(openName(top)) ? stack.length - 1 : findOpen(stack, reader.value.trim().toUpperCase());
  if (at < 0) {
    result.warnings.push({ line: reader.line, message: `END:${clip(reader.value.trim())} without BEGIN` });
    return;
  }
  while (stack.length > at) {
    const closed = stack.pop() as Open;
    if (closed.kind === 'event') {
      closed.event.textEnd = reader.offset;
      result.events.push(closed.event);
    }
  }
}

function openName(o: Open): string {
  return o.kind === 'event' ? 'VEVENT' : o.kind === 'tz' ? o.comp.name : o.name;
}

function findOpen(stack: Open[], comp: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (openName(stack[i] as Open) === comp) return i;
  return -1;
}

function propOf(reader: ContentLineReader, name: string): RawProp {
  return { name, params: reader.params, value: reader.value, line: reader.line };
}

/** Picks out the timing properties of an event, dispatching on the first letter before slicing anything. */
function addEventProp(event: RawEvent, reader: ContentLineReader, first: number): void {
  switch (first) {
    case D:
      if (reader.nameIs('DTSTART')) event.dtstart ??= propOf(reader, 'DTSTART');
      else if (reader.nameIs('DTEND')) event.dtend ??= propOf(reader, 'DTEND');
      else if (reader.nameIs('DURATION')) event.duration ??= propOf(reader, 'DURATION');
      break;
    case R:
      if (reader.nameIs('RRULE')) event.rrule = appended(event.rrule, propOf(reader, 'RRULE'));
      else if (reader.nameIs('RDATE')) event.rdate = appended(event.rdate, propOf(reader, 'RDATE'));
      else if (reader.nameIs('RECURRENCE-ID')) event.recurrenceId ??= propOf(reader, 'RECURRENCE-ID');
      break;
    case E:
      if (reader.nameIs('EXDATE')) event.exdate = appended(event.exdate, propOf(reader, 'EXDATE'));
      break;
    case U:
      if (reader.nameIs('UID')) event.uid ??= reader.value.trim();
      break;
    case S:
      if (reader.nameIs('STATUS')) event.cancelled = reader.valueIs('CANCELLED');
      else if (reader.nameIs('SEQUENCE')) event.sequence ??= reader.value.trim();
      break;
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

// ---------------------------------------------------------------------------------------------
// Values

/** How a date or time value is anchored. */
export type TimeKind = 'date' | 'utc' | 'zoned' | 'floating';

/**
 * A DATE or DATE-TIME value. `local` is the wall-clock time written in the file, as epoch ms of
 * that wall time read as if it were UTC (for 'utc' it is the instant itself; for 'date' midnight).
 */
export interface IcsTime {
  kind: TimeKind;
  local: number;
  /** The TZID parameter for 'zoned' values. */
  tzid?: string;
}

/** A DURATION value: nominal days (weeks folded in) plus exact milliseconds, both signed. */
export interface IcsDuration {
  days: number;
  ms: number;
}

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days in month m (1-12) of year y. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to the civil date (proleptic Gregorian; valid for any year). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date [year, month 1-12, day] of a day number since 1970-01-01. */
export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, m, d];
}

/** Parses YYYYMMDD to midnight (as-UTC ms); NaN when it is not a valid date. */
export function parseDateValue(s: string, from = 0): number {
  const y = digits(s, from, 4);
  const m = digits(s, from + 4, 2);
  const d = digits(s, from + 6, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return daysFromCivil(y, m, d) * DAY_MS;
}

/**
 * Parses a DATE or DATE-TIME value (`20240102`, `20240102T030405`, `…Z`) with an optional TZID
 * parameter; undefined when malformed. A trailing Z wins over a TZID.
 */
export function parseTimeValue(raw: string, tzid: string | undefined): IcsTime | undefined {
  const s = raw.trim();
  const n = s.length;
  if (n === 8) {
    const local = parseDateValue(s);
    return Number.isNaN(local) ? undefined : { kind: 'date', local };
  }
  if (n < 15 || (s.charCodeAt(8) !== 84 && s.charCodeAt(8) !== 116) /* T */) return undefined;
  const day = parseDateValue(s);
  const hh = digits(s, 9, 2);
  const mi = digits(s, 11, 2);
  const ss = digits(s, 13, 2);
  if (Number.isNaN(day) || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 60) return undefined;
  // A leap second is read as the last second of the minute.
  const local = day + hh * 3_600_000 + mi * 60_000 + Math.min(ss, 59) * 1000;
  if (n === 16 && (s.charCodeAt(15) === 90 || s.charCodeAt(15) === 122)) return { kind: 'utc', local };
  if (n !== 15) return undefined;
  const zone = tzid?.trim();
  return zone ? { kind: 'zoned', local, tzid: zone } : { kind: 'floating', local };
}

/** The TZID parameter of a property, if any. */
export function tzidOf(prop: RawProp): string | undefined {
  return paramValue(prop.params, 'TZID');
}

/** Parses a DATE/DATE-TIME property; undefined when malformed. */
export function parseTimeProp(prop: RawProp): IcsTime | undefined {
  return parseTimeValue(prop.value, prop.params.length === 0 ? undefined : tzidOf(prop));
}

/** Parses a DURATION value (RFC 5545 3.3.6), e.g. `PT1H30M`, `-P1W`, `P1DT2H`; undefined when malformed. */
export function parseDuration(raw: string): IcsDuration | undefined {
  const s = raw.trim().toUpperCase();
  let i = 0;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  if (s[i] !== 'P') return undefined;
  i++;
  let days = 0;
  let ms = 0;
  let inTime = false;
  let any = false;
  while (i < s.length) {
    if (s[i] === 'T') {
      inTime = true;
      i++;
      continue;
    }
    let num = 0;
    const startNum = i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) num = num * 10 + (s.charCodeAt(i++) - 48);
    if (i === startNum || i >= s.length) return undefined;
    const unit = s[i++];
    any = true;
    if (!inTime && unit === 'W') days += num * 7;
    else if (!inTime && unit === 'D') days += num;
    else if (inTime && unit === 'H') ms += num * 3_600_000;
    else if (inTime && unit === 'M') ms += num * 60_000;
    else if (inTime && unit === 'S') ms += num * 1000;
    else return undefined;
  }
  if (!any) return undefined;
  return { days: sign * days, ms: sign * ms };
}

/** One entry of an RDATE: a start, and for PERIOD values an end or a duration. */
export interface RdateEntry {
  start: IcsTime;
  end?: IcsTime;
  duration?: IcsDuration;
}

/** Parses the comma-separated values of an RDATE or EXDATE (DATE, DATE-TIME or PERIOD); bad entries are skipped and counted. */
export function parseDateList(prop: RawProp): { entries: RdateEntry[]; bad: number } {
  const tzid = prop.params.length === 0 ? undefined : tzidOf(prop);
  const entries: RdateEntry[] = [];
  let bad = 0;
  for (const part of prop.value.split(',')) {
    if (part.trim() === '') continue;
    const slash = part.indexOf('/');
    if (slash < 0) {
      const start = parseTimeValue(part, tzid);
      if (start) entries.push({ start });
      else bad++;
      continue;
    }
    const start = parseTimeValue(part.slice(0, slash), tzid);
    const rest = part.slice(slash + 1).trim();
    if (!start) {
      bad++;
      continue;
    }
    const first = rest[0];
    if (first === 'P' || first === '+' || first === '-') {
      const duration = parseDuration(rest);
      if (duration) entries.push({ start, duration });
      else bad++;
    } else {
      const end = parseTimeValue(rest, tzid);
      if (end) entries.push({ start, end });
      else bad++;
    }
  }
  return { entries, bad };
}
