/**
 * Time zones: the UTC offset in force at an instant, and the instant of a wall time, days the clocks
 * change included. IANA zones come from Intl (the ICU data Node ships). Intl is slow per call, so a
 * zone asks it only to build one transition table per UTC year (weekly samples, bisected to the
 * second where the offset changes); a lookup is then a scan of that year's one or two changes, and
 * the interval of the previous lookup is remembered, so runs of nearby instants cost a compare.
 *
 * Wall times ("local") are a zone's clock reading written as if it were UTC: day number × DAY_MS plus
 * the time of day. Offsets are in ms, positive east of Greenwich (local = utc + offset).
 */
import { UserError } from '../../../shared/errors.js';
import { ALLOWED } from '../../../shared/input-errors.js';
import { civilFromDays, DAY_MS, daysFromCivil } from './civil.js';

/** Which instant a wall time that occurs twice (a fall-back overlap) means. */
export type Disambiguation = 'earlier' | 'later';

/** A time zone: offsets in ms (east of UTC positive), instants and wall times as epoch ms. */
export interface TimeZone {
  /** The name it was resolved as (an IANA name, or the TZID of an in-file VTIMEZONE). */
  readonly id: string;
  /** UTC offset in force at the instant `utc`. */
  offsetAt(utc: number): number;
  /**
   * The instant of wall time `local`. A time that does not exist (spring-forward gap) is read with
   * the offset before the gap, i.e. moved forward by its length (02:30 → 03:30); one that exists
   * twice (fall-back overlap) is the earlier of the two unless `choose` says 'later' (RFC 5545 3.3.5).
   */
  toUtc(local: number, choose?: Disambiguation): number;
}

/** Offsets of one UTC year: the one in force as it starts, and each change during it. */
export interface YearInfo {
  /** Offset at the start of the year (UTC Jan 1 00:00). */
  startOffset: number;
  /** Transition instants in the year, ascending, and the offset after each. */
  times: number[];
  offsets: number[];
}

/** The instant of 1 January 00:00 UTC of year y. */
export function yearStartUtc(y: number): number {
  return daysFromCivil(y, 1, 1) * DAY_MS;
}

/** The UTC year of an instant. */
export function yearOfUtc(utc: number): number {
  return civilFromDays(Math.floor(utc / DAY_MS)).year;
}

/** Shared lookup machinery for zones with changes: subclasses say how a year's transitions are found. */
export abstract class TableZone implements TimeZone {
  private readonly years = new Map<number, YearInfo>();
  private cacheFrom = 1;
  private cacheTo = 0;
  private cacheOffset = 0;

  constructor(readonly id: string) {}

  protected abstract buildYear(year: number): YearInfo;

  protected year(y: number): YearInfo {
    let info = this.years.get(y);
    if (!info) {
      info = this.buildYear(y);
      this.years.set(y, info);
    }
    return info;
  }

  offsetAt(utc: number): number {
    if (utc >= this.cacheFrom && utc < this.cacheTo) return this.cacheOffset;
    const y = yearOfUtc(utc);
    const info = this.year(y);
    let from = yearStartUtc(y);
    let to = yearStartUtc(y + 1);
    let offset = info.startOffset;
    for (let i = 0; i < info.times.length; i++) {
      const t = info.times[i] as number;
      if (t <= utc) {
        offset = info.offsets[i] as number;
        from = t;
      } else {
        to = t;
        break;
      }
    }
    this.cacheFrom = from;
    this.cacheTo = to;
    this.cacheOffset = offset;
    return offset;
  }

  toUtc(local: number, choose: Disambiguation = 'earlier'): number {
    // Offsets a day either side: no zone changes its offset twice within two days.
    const a = this.offsetAt(local - DAY_MS);
    const b = this.offsetAt(local + DAY_MS);
    if (a === b) return local - a;
    const aValid = this.offsetAt(local - a) === a;
    const bValid = this.offsetAt(local - b) === b;
    if (aValid && bValid)
      return choose === 'later' ? local - Math.min(a, b) : local - Math.max(a, b);
    if (bValid) return local - b;
    // In the gap, or valid only with the offset before the change.
    return local - a;
  }
}

/** A zone with one offset for ever (UTC, or a fixed offset). */
export class FixedZone implements TimeZone {
  constructor(
    readonly id: string,
    private readonly offset: number,
  ) {}
  offsetAt(): number {
    return this.offset;
  }
  toUtc(local: number): number {
    return local - this.offset;
  }
}

/** UTC. */
export const UTC_ZONE: TimeZone = new FixedZone('UTC', 0);

const EARLIEST = -62_135_596_800_000; // 0001-01-01T00:00Z: Intl cannot tell years before it apart

/** An IANA zone read through Intl.DateTimeFormat. */
class IntlZone extends TableZone {
  private readonly format: Intl.DateTimeFormat;

  constructor(id: string) {
    super(id);
    // h23: some ICU versions print midnight as "24" with hour12:false.
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The offset straight from Intl, to the second (slow; only used to build the tables). */
  private probe(utc: number): number {
    const t = Math.max(utc, EARLIEST);
    const text = this.format.format(t);
    // "M/D/YYYY, HH:MM:SS": read the six numbers without formatToParts' allocations.
    const n = [0, 0, 0, 0, 0, 0];
    let k = 0;
    let inNum = false;
    for (let i = 0; i < text.length && k < 6; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c >= 0 && c <= 9) {
        n[k] = (n[k] as number) * 10 + c;
        inNum = true;
      } else if (inNum) {
        k++;
        inNum = false;
      }
    }
    const wall =
      daysFromCivil(n[2] as number, n[0] as number, n[1] as number) * DAY_MS +
      ((n[3] as number) * 3600 + (n[4] as number) * 60 + (n[5] as number)) * 1000;
    return wall - (t - (((t % 1000) + 1000) % 1000));
  }

  protected buildYear(y: number): YearInfo {
    const start = yearStartUtc(y);
    const end = yearStartUtc(y + 1);
    const startOffset = this.probe(start);
    const times: number[] = [];
    const offsets: number[] = [];
    // Sample weekly; bisect each change down to the second. Real zones never change twice a week.
    const stepMs = 7 * DAY_MS;
    let prevT = start;
    let prevO = startOffset;
    for (let t = Math.min(start + stepMs, end); ; t = Math.min(t + stepMs, end)) {
      const o = this.probe(t === end ? end - 1000 : t);
      if (o !== prevO) {
        let lo = prevT;
        let hi = t === end ? end - 1000 : t;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.probe(mid) === prevO) lo = mid;
          else hi = mid;
        }
        times.push(hi);
        offsets.push(o);
        prevO = o;
      }
      prevT = t;
      if (t >= end) break;
    }
    return { startOffset, times, offsets };
  }
}

const UTC_NAMES = new Set(['UTC', 'GMT', 'ETC/UTC', 'ETC/GMT', 'UNIVERSAL', 'ZULU']);
const zones = new Map<string, TimeZone | null>();

/** The IANA zone `name` (any alias Intl knows, case as Intl allows), or undefined when it is not one. */
export function findTimeZone(name: string): TimeZone | undefined {
  const cached = zones.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let zone: TimeZone | null = null;
  if (UTC_NAMES.has(name.toUpperCase())) {
    zone = UTC_ZONE;
  } else if (name.length > 0 && name.length < 64 && /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) {
    try {
      zone = new IntlZone(name);
    } catch {
      zone = null;
    }
  }
  // Calendars carry arbitrary TZIDs: bound what unknown names can cost.
  if (zones.size > 500) zones.clear();
  zones.set(name, zone);
  return zone ?? undefined;
}

/**
 * The IANA zone `name`. A name that is no known zone is the user's to fix (zones come from settings,
 * clients and flags), so it throws a UserError naming `field` and the name, worded as the Api's schema
 * words it.
 */
export function timeZone(name: string, field = 'timeZone'): TimeZone {
  const zone = findTimeZone(name);
  if (!zone) throw new UserError({ field, value: name, allowed: ALLOWED.timeZone });
  return zone;
}

/** Throws the UserError of `timeZone` when `name` is not a known IANA zone. */
export function assertTimeZone(name: string, field?: string): void {
  timeZone(name, field);
}
