/**
 * Zones defined by an in-file VTIMEZONE: custom Outlook/Exchange zones, renamed zones, anything
 * Intl does not know. Offsets follow the STANDARD/DAYLIGHT observances, their RRULEs and RDATEs
 * (RFC 5545 3.6.5); each observance's DTSTART is a wall time in the offset before it.
 */
import { DAY_MS } from '../time/civil.js';
import type { RawComponent, RawProp } from './ics-parse.js';
import { unescapeText } from './ics-text.js';
import { parseDateList, parseTimeProp } from './ics-values.js';
import { parseRrule, type RecurrenceRule } from './rrule.js';
import { RruleIterator } from './rrule-iterator.js';
import {
  FixedZone,
  TableZone,
  type TimeZone,
  type YearInfo,
  yearOfUtc,
  yearStartUtc,
} from '../time/zone.js';

interface Observance {
  /** Onset as local wall time (in the offset before it), per RFC 5545 3.6.5. */
  start: number;
  from: number;
  to: number;
  rrule?: RecurrenceRule;
  untilUtc: number;
  rdates: number[];
}

/** A zone defined by an in-file VTIMEZONE (custom Outlook/Exchange zones, renamed zones, …). */
class VTimezoneZone extends TableZone {
  private readonly observances: Observance[];
  private readonly minYear: number;
  /** The last UTC year in which any onset can fall (Infinity while a rule runs for ever). */
  private readonly lastYear: number;
  private readonly initialOffset: number;
  private readonly onsetCache = new Map<number, Array<[number, number]>>();

  constructor(id: string, observances: Observance[]) {
    super(id);
    this.observances = observances;
    let earliest = observances[0] as Observance;
    let last = Number.NEGATIVE_INFINITY;
    for (const o of observances) {
      if (o.start < earliest.start) earliest = o;
      last = Math.max(last, o.start - o.from, ...o.rdates.map((r) => r - o.from));
      if (o.rrule)
        last = Math.max(last, o.rrule.count === undefined ? o.untilUtc : Number.POSITIVE_INFINITY);
    }
    this.initialOffset = earliest.from;
    this.minYear = yearOfUtc(earliest.start - earliest.from);
    this.lastYear = Number.isFinite(last) ? yearOfUtc(last) : Number.POSITIVE_INFINITY;
  }

  /** Onsets (UTC) with the offset after each, falling in UTC year y, ascending. */
  private onsets(y: number): Array<[number, number]> {
    const cached = this.onsetCache.get(y);
    if (cached) return cached;
    const start = yearStartUtc(y);
    const end = yearStartUtc(y + 1);
    const out: Array<[number, number]> = [];
    const add = (local: number, o: Observance): void => {
      const utc = local - o.from;
      if (utc >= start && utc < end) out.push([utc, o.to]);
    };
    if (y >= this.minYear && y <= this.lastYear) {
      for (const o of this.observances) {
        add(o.start, o);
        for (const r of o.rdates) add(r, o);
        if (!o.rrule) continue;
        const it = new RruleIterator(o.rrule, o.start, {
          skipBefore: start - 2 * DAY_MS,
          stopAfter: end + 2 * DAY_MS,
          maxOccurrences: 10_000,
        });
        for (let local = it.next(); !Number.isNaN(local); local = it.next()) {
          if (local - o.from > o.untilUtc) break;
          if (local !== o.start) add(local, o);
        }
      }
      out.sort((p, q) => p[0] - q[0]);
    }
    this.onsetCache.set(y, out);
    return out;
  }

  protected buildYear(y: number): YearInfo {
    const list = this.onsets(y);
    return {
      startOffset: this.offsetBefore(y),
      times: list.map((p) => p[0]),
      offsets: list.map((p) => p[1]),
    };
  }

  /** The offset in force at the start of year y: the one after the last onset before it. */
  private offsetBefore(y: number): number {
    for (let year = Math.min(y - 1, this.lastYear); year >= this.minYear; year--) {
      const list = this.onsets(year);
      const lastOnset = list[list.length - 1];
      if (lastOnset) return lastOnset[1];
    }
    return this.initialOffset;
  }
}

function parseOffset(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?\s*$/.exec(value);
  if (!m) return undefined;
  const ms = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

function first(props: RawProp[], name: string): RawProp | undefined {
  for (const p of props) if (p.name === name) return p;
  return undefined;
}

/** Builds a zone from a VTIMEZONE component; undefined when it has no usable observance. */
export function zoneFromVtimezone(comp: RawComponent): TimeZone | undefined {
  // TZID is TEXT: Exchange writes "(UTC+07:00) Bangkok\, Hanoi\, Jakarta" and refers to it unescaped.
  const id = unescapeText(first(comp.props, 'TZID')?.value ?? '').trim();
  if (!id) return undefined;
  const observances: Observance[] = [];
  for (const child of comp.children) {
    if (child.name !== 'STANDARD' && child.name !== 'DAYLIGHT') continue;
    const dtstart = first(child.props, 'DTSTART');
    const start = dtstart ? parseTimeProp(dtstart) : undefined;
    const to = parseOffset(first(child.props, 'TZOFFSETTO')?.value);
    const from = parseOffset(first(child.props, 'TZOFFSETFROM')?.value) ?? to;
    if (!start || to === undefined || from === undefined) continue;
    const o: Observance = {
      start: start.local,
      from,
      to,
      untilUtc: Number.POSITIVE_INFINITY,
      rdates: [],
    };
    const rruleProp = first(child.props, 'RRULE');
    if (rruleProp) {
      try {
        o.rrule = parseRrule(rruleProp.value);
        const until = o.rrule.until;
        if (until)
          o.untilUtc =
            until.kind === 'utc'
              ? until.local
              : until.kind === 'date'
                ? until.local + DAY_MS - 1 - from
                : until.local - from;
      } catch {
        // A broken rule leaves the observance's DTSTART and RDATEs.
      }
    }
    for (const p of child.props) {
      if (p.name !== 'RDATE') continue;
      for (const e of parseDateList(p).entries)
        o.rdates.push(e.start.kind === 'utc' ? e.start.local + from : e.start.local);
    }
    observances.push(o);
  }
  if (observances.length === 0) return undefined;
  const fixed = observances.every((o) => o.from === o.to && o.to === observances[0]?.to);
  if (fixed) return new FixedZone(id, (observances[0] as Observance).to);
  return new VTimezoneZone(id, observances);
}
