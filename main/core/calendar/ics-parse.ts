/**
 * The component tree of an iCalendar text, read in one pass (values are decoded in ics-values.ts).
 *
 * Events are kept raw: only the properties that decide *when* an event happens are picked out on
 * the first pass; everything else (summary, attendees, …) stays in the text and is read later,
 * only for the occurrences that land in the window.
 */
import { ContentLineReader } from './ics-lines.js';
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

/** An open component on the stack; one shape for all kinds keeps the hot loop monomorphic. */
interface Open {
  name: string;
  event: RawEvent | undefined;
  comp: RawComponent | undefined;
}

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
        stack.push({ name: 'VCALENDAR', event: undefined, comp: undefined });
        continue;
      }
      throw new CalendarParseError('not an iCalendar file (expected BEGIN:VCALENDAR)', reader.line);
    }
    if (!reader.wellFormed) {
      result.warnings.push({
        line: reader.line,
        message: `not a content line: ${clip(reader.name)}`,
      });
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
    if (top.event) addEventProp(top.event, reader, first);
    else if (top.comp) top.comp.props.push(propOf(reader, reader.name));
    else if (stack.length === 1 && first === X) result.props.push(propOf(reader, reader.name));
  }
  if (!sawCalendar) throw new CalendarParseError('empty file, not an iCalendar file', 1);
  // Components left open at the end: keep what they had rather than dropping them.
  for (let i = stack.length - 1; i >= 0; i--) {
    const event = (stack[i] as Open).event;
    if (event) {
      event.textEnd = text.length;
      result.events.push(event);
      result.warnings.push({ line: event.line, message: 'VEVENT without END:VEVENT' });
    }
  }
  return result;
}

function openComponent(reader: ContentLineReader, stack: Open[], result: ScannedCalendar): void {
  const top = stack[stack.length - 1];
  if (reader.valueIs('VEVENT')) {
    // Every field set up front, in one order: one hidden class for all events.
    const event: RawEvent = {
      line: reader.line,
      textStart: reader.start,
      textEnd: reader.offset,
      dtstart: undefined,
      dtend: undefined,
      duration: undefined,
      recurrenceId: undefined,
      uid: undefined,
      cancelled: false,
      sequence: undefined,
      rrule: NONE,
      rdate: NONE,
      exdate: NONE,
    };
    stack.push({ name: 'VEVENT', event, comp: undefined });
    return;
  }
  if (reader.valueIs('VALARM')) {
    stack.push({ name: 'VALARM', event: undefined, comp: undefined });
    return;
  }
  const comp = reader.value.trim().toUpperCase();
  if (comp === 'VTIMEZONE' || top?.comp) {
    const node: RawComponent = { name: comp, line: reader.line, props: [], children: [] };
    if (top?.comp) top.comp.children.push(node);
    else result.timezones.push(node);
    stack.push({ name: comp, event: undefined, comp: node });
  } else stack.push({ name: comp, event: undefined, comp: undefined });
}

function closeComponent(reader: ContentLineReader, stack: Open[], result: ScannedCalendar): void {
  const top = stack[stack.length - 1];
  // The usual case, END of the innermost component, is checked without slicing the value.
  const at =
    top && reader.valueIs(top.name)
      ? stack.length - 1
      : findOpen(stack, reader.value.trim().toUpperCase());
  if (at < 0) {
    result.warnings.push({
      line: reader.line,
      message: `END:${clip(reader.value.trim())} without BEGIN`,
    });
    return;
  }
  while (stack.length > at) {
    const closed = (stack.pop() as Open).event;
    if (closed) {
      closed.textEnd = reader.offset;
      result.events.push(closed);
    }
  }
}

function findOpen(stack: Open[], comp: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if ((stack[i] as Open).name === comp) return i;
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
      else if (reader.nameIs('RECURRENCE-ID'))
        event.recurrenceId ??= propOf(reader, 'RECURRENCE-ID');
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
