/** Decoders for the property values the expansion needs: DATE, DATE-TIME, DURATION, PERIOD, date lists. */
import { DAY_MS, daysFromCivil, daysInMonth } from '../time/civil.js';
import type { RawProp } from './ics-parse.js';
import { paramValue } from './ics-text.js';

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

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
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
  if (Number.isNaN(day) || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 60)
    return undefined;
  // A leap second is read as the last second of the minute.
  const local = day + hh * 3_600_000 + mi * 60_000 + Math.min(ss, 59) * 1000;
  if (n === 16 && (s.charCodeAt(15) === 90 || s.charCodeAt(15) === 122))
    return { kind: 'utc', local };
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
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)
      num = num * 10 + (s.charCodeAt(i++) - 48);
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
