/**
 * Turns a raw VEVENT into what the expansion needs: its start resolved to a zone, wall time and
 * instant, how to compute the end of any occurrence, its recurrence rule and RECURRENCE-ID. Only the
 * timing properties are decoded here; a malformed one becomes a ParseWarning, never an exception.
 */
import type { EventDetails } from './event-details.js';
import { DAY_MS } from '../time/civil.js';
import { type TimeZone, UTC_ZONE } from '../time/zone.js';
import type { RawEvent, RawProp } from './ics-parse.js';
import {
  type IcsDuration,
  type IcsTime,
  parseDateList,
  parseDuration,
  parseTimeProp,
} from './ics-values.js';
import { parseRrule, type RecurrenceRule } from './rrule.js';
import { resolveTzid } from './time-zones.js';
import type { ParseWarning } from './types.js';

/** Everything the expansion of one calendar shares. */
export interface ExpandContext {
  text: string;
  from: number;
  to: number;
  /** The viewer's zone: all-day dates, and floating times unless X-WR-TIMEZONE says otherwise. */
  viewer: TimeZone;
  /** The zone floating times are read in (X-WR-TIMEZONE when valid, else the viewer's). */
  floating: TimeZone;
  /** X-WR-TIMEZONE when valid: UTC times of events are moved into it, as Google Calendar means them. */
  xwr?: TimeZone;
  inFile: ReadonlyMap<string, TimeZone>;
  tzCache: Map<string, TimeZone | null>;
  warnings: ParseWarning[];
}

/** A DATE or DATE-TIME placed on the time line. */
export interface Resolved {
  allDay: boolean;
  zone: TimeZone;
  /** Wall time in `zone` (as-UTC ms); for dates, midnight of the date. */
  local: number;
  /** The instant. For dates: midnight in the viewer's zone. */
  utc: number;
  /** A floating time with no X-WR-TIMEZONE (UNTIL is then compared as a wall time). */
  floating: boolean;
}

/** How long each occurrence lasts: an exact span, or nominal days (wall clock) plus exact ms. */
export type EndRule = { exact: number } | { days: number; ms: number };

/** A VEVENT ready to expand. */
export interface PreparedEvent {
  raw: RawEvent;
  uid?: string;
  start: Resolved;
  end: EndRule;
  cancelled: boolean;
  sequence?: number;
  recurrenceId?: Resolved;
  rules: RecurrenceRule[];
  /** Filled on first emission. */
  details?: EventDetails;
}

/** Places a parsed time value in its zone. Unknown TZIDs are read as floating, with one warning each. */
export function resolveTime(ctx: ExpandContext, t: IcsTime, line: number): Resolved {
  switch (t.kind) {
    case 'date':
      return {
        allDay: true,
        zone: ctx.viewer,
        local: t.local,
        utc: ctx.viewer.toUtc(t.local),
        floating: false,
      };
    case 'utc':
      if (ctx.xwr)
        return {
          allDay: false,
          zone: ctx.xwr,
          local: t.local + ctx.xwr.offsetAt(t.local),
          utc: t.local,
          floating: false,
        };
      return { allDay: false, zone: UTC_ZONE, local: t.local, utc: t.local, floating: false };
    case 'zoned': {
      const zone = zoneFor(ctx, t.tzid as string, line);
      if (zone)
        return { allDay: false, zone, local: t.local, utc: zone.toUtc(t.local), floating: false };
      return floating(ctx, t.local);
    }
    case 'floating':
      return floating(ctx, t.local);
  }
}

function floating(ctx: ExpandContext, local: number): Resolved {
  return {
    allDay: false,
    zone: ctx.floating,
    local,
    utc: ctx.floating.toUtc(local),
    floating: ctx.xwr === undefined,
  };
}

function zoneFor(ctx: ExpandContext, tzid: string, line: number): TimeZone | undefined {
  const cached = ctx.tzCache.get(tzid);
  if (cached !== undefined) return cached ?? undefined;
  const zone = resolveTzid(tzid, ctx.inFile);
  if (!zone)
    ctx.warnings.push({ line, message: `unknown time zone "${tzid}": times read as floating` });
  ctx.tzCache.set(tzid, zone ?? null);
  return zone;
}

/** The end instant of an occurrence starting at wall time `local` (instant `utc`) in `start.zone`. */
export function endUtcOf(start: Resolved, end: EndRule, local: number, utc: number): number {
  if ('exact' in end) return utc + end.exact;
  if (end.days === 0) return utc + end.ms;
  return start.zone.toUtc(local + end.days * DAY_MS) + end.ms;
}

/** Decodes the timing of `raw`; undefined (with a warning) when the event cannot be placed. */
export function prepareEvent(ctx: ExpandContext, raw: RawEvent): PreparedEvent | undefined {
  const warn = (line: number, message: string): void =>
    void ctx.warnings.push({ line, message, ...(raw.uid ? { uid: raw.uid } : {}) });
  if (!raw.dtstart) {
    warn(raw.line, 'VEVENT without DTSTART skipped');
    return undefined;
  }
  const startValue = parseTimeProp(raw.dtstart);
  if (!startValue) {
    warn(raw.dtstart.line, `bad DTSTART "${clip(raw.dtstart.value)}": event skipped`);
    return undefined;
  }
  const endValue = raw.dtend ? parseTimeProp(raw.dtend) : undefined;
  if (raw.dtend && !endValue) warn(raw.dtend.line, `bad DTEND "${clip(raw.dtend.value)}": ignored`);
  const start = placeStart(ctx, raw, startValue, endValue);
  const end = endRule(ctx, raw, start, endValue, warn);
  const prepared: PreparedEvent = { raw, start, end, cancelled: raw.cancelled, rules: [] };
  if (raw.uid !== undefined) prepared.uid = raw.uid;
  if (raw.sequence !== undefined && /^\s*-?\d+\s*$/.test(raw.sequence))
    prepared.sequence = Number(raw.sequence);
  if (raw.recurrenceId) {
    const rid = parseTimeProp(raw.recurrenceId);
    if (!rid) {
      warn(
        raw.recurrenceId.line,
        `bad RECURRENCE-ID "${clip(raw.recurrenceId.value)}": event skipped`,
      );
      return undefined;
    }
    prepared.recurrenceId = resolveTime(ctx, rid, raw.recurrenceId.line);
    return prepared;
  }
  const seen = new Set<string>();
  for (const prop of raw.rrule) {
    const key = prop.value.trim();
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      prepared.rules.push(parseRrule(key));
    } catch (error) {
      warn(
        prop.line,
        `bad RRULE (${error instanceof Error ? error.message : String(error)}): only DTSTART and RDATE used`,
      );
    }
  }
  return prepared;
}

/**
 * Places DTSTART the way the reference implementations do for inconsistent events: a DATE start
 * with a DATE-TIME end makes a timed event from midnight in the end's zone, and a floating start
 * takes the zone of the first zoned value among DTEND, EXDATE and RDATE.
 */
function placeStart(
  ctx: ExpandContext,
  raw: RawEvent,
  value: IcsTime,
  end: IcsTime | undefined,
): Resolved {
  const line = (raw.dtstart as RawProp).line;
  if (value.kind === 'date' && end && end.kind !== 'date') {
    const endAt = resolveTime(ctx, end, (raw.dtend as RawProp).line);
    return {
      allDay: false,
      zone: endAt.zone,
      local: value.local,
      utc: endAt.zone.toUtc(value.local),
      floating: endAt.floating,
    };
  }
  const start = resolveTime(ctx, value, line);
  if (!start.floating) return start;
  const zoned = firstZoned(ctx, raw, end);
  return zoned
    ? {
        allDay: false,
        zone: zoned,
        local: start.local,
        utc: zoned.toUtc(start.local),
        floating: false,
      }
    : start;
}

function firstZoned(
  ctx: ExpandContext,
  raw: RawEvent,
  end: IcsTime | undefined,
): TimeZone | undefined {
  if (end && (end.kind === 'utc' || end.kind === 'zoned')) {
    const r = resolveTime(ctx, end, (raw.dtend as RawProp).line);
    if (!r.floating) return r.zone;
  }
  for (const prop of [...raw.exdate, ...raw.rdate]) {
    for (const entry of parseDateList(prop).entries) {
      if (entry.start.kind !== 'utc' && entry.start.kind !== 'zoned') continue;
      const r = resolveTime(ctx, entry.start, prop.line);
      if (!r.floating) return r.zone;
    }
  }
  return undefined;
}

/** A value of the same event: a floating one is read in the zone of DTSTART. */
export function resolveBeside(
  ctx: ExpandContext,
  start: Resolved,
  t: IcsTime,
  line: number,
): Resolved {
  const r = resolveTime(ctx, t, line);
  if (!r.floating || start.allDay || r.allDay) return r;
  return {
    allDay: false,
    zone: start.zone,
    local: r.local,
    utc: start.zone.toUtc(r.local),
    floating: start.floating,
  };
}

function endRule(
  ctx: ExpandContext,
  raw: RawEvent,
  start: Resolved,
  value: IcsTime | undefined,
  warn: (line: number, message: string) => void,
): EndRule {
  if (raw.dtend) {
    if (!value) {
      // Already warned; fall through to the default length.
    } else if (start.allDay) {
      // An end on or before the start still makes a one-day event (as the corpus reads it).
      const days = Math.round((Math.floor(value.local / DAY_MS) * DAY_MS - start.local) / DAY_MS);
      if (days < 0) warn(raw.dtend.line, 'DTEND before DTSTART: one day used');
      return { days: Math.max(1, days), ms: 0 };
    } else {
      const endAt = resolveBeside(ctx, start, value, raw.dtend.line);
      const exact = endAt.utc - start.utc;
      if (exact >= 0) return { exact };
      warn(raw.dtend.line, 'DTEND before DTSTART: ignored');
    }
  } else if (raw.duration) {
    const d: IcsDuration | undefined = parseDuration(raw.duration.value);
    if (!d) warn(raw.duration.line, `bad DURATION "${clip(raw.duration.value)}": ignored`);
    else if (start.allDay) return { days: Math.max(1, d.days + Math.trunc(d.ms / DAY_MS)), ms: 0 };
    else if (d.days * DAY_MS + d.ms >= 0) return { days: d.days, ms: d.ms };
    else warn(raw.duration.line, 'negative DURATION: ignored');
  }
  // RFC 5545 3.6.1: an all-day event without an end lasts one day; a timed one is an instant.
  return start.allDay ? { days: 1, ms: 0 } : { exact: 0 };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
