/**
 * Time zones for calendar times: the UTC offset in force at an instant, and the instant of a wall
 * time. IANA zones come from Intl (the ICU data Node ships); Windows/Outlook zone names are mapped to
 * IANA; zones defined only by an in-file VTIMEZONE are computed from its rules (vtimezone.ts).
 *
 * Offsets are looked up in per-year transition tables built once per zone and year, so converting
 * thousands of occurrences costs an array scan each, not an Intl call each.
 */
import { civilFromDays, DAY_MS, daysFromCivil } from './calendar-math.js';
import { WINDOWS_ZONES } from './windows-zones.js';

/** A time zone: offsets in ms (east of UTC positive), times as epoch ms. */
export interface TimeZone {
  /** The name it was resolved as (IANA name, or the TZID of an in-file VTIMEZONE). */
  readonly id: string;
  /** UTC offset in force at the instant `utc`. */
  offsetAt(utc: number): number;
  /**
   * The instant of wall time `local` (wall clock read as if UTC). RFC 5545 3.3.5: a time that does
   * not exist (spring-forward gap) uses the offset before the gap; one that exists twice (fall-back
   * overlap) is the first of the two.
   */
  toUtc(local: number): number;
}

/** Offsets of one UTC year: the one in force as it starts, and each change during it. */
export interface YearInfo {
  /** Offset at the start of the year (UTC Jan 1 00:00). */
  startOffset: number;
  /** Transition instants in the year, ascending, and the offset after each. */
  times: number[];
  offsets: number[];
}

/** Shared lookup machinery: subclasses say how a year's transitions are found. */
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

  toUtc(local: number): number {
    const a = this.offsetAt(local - DAY_MS);
    const b = this.offsetAt(local + DAY_MS);
    if (a === b) return local - a;
    const aValid = this.offsetAt(local - a) === a;
    const bValid = this.offsetAt(local - b) === b;
    if (aValid && bValid) return local - Math.max(a, b);
    if (bValid) return local - b;
    return local - a;
  }
}

/** The instant of 1 January 00:00 UTC of year y. */
export function yearStartUtc(y: number): number {
  return daysFromCivil(y, 1, 1) * DAY_MS;
}

/** The UTC year of an instant. */
export function yearOfUtc(utc: number): number {
  return civilFromDays(Math.floor(utc / DAY_MS))[0];
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

  /** The offset straight from Intl (slow; only used to build the tables). */
  private probe(utc: number): number {
    const t = Math.max(utc, EARLIEST);
    const text = this.format.format(t);
    // "M/D/YYYY, HH:MM:SS"
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

const ianaCache = new Map<string, TimeZone | null>();

/** The IANA zone `name` (any alias Intl knows), or undefined when Intl does not know it. */
export function ianaZone(name: string): TimeZone | undefined {
  const cached = ianaCache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let zone: TimeZone | null = null;
  const upper = name.toUpperCase();
  if (
    upper === 'UTC' ||
    upper === 'GMT' ||
    upper === 'Z' ||
    upper === 'ETC/UTC' ||
    upper === 'ETC/GMT' ||
    upper === 'UNIVERSAL' ||
    upper === 'ZULU'
  ) {
    zone = new FixedZone('UTC', 0);
  } else if (name.length > 0 && name.length < 64 && /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) {
    try {
      zone = new IntlZone(name);
    } catch {
      zone = null;
    }
  }
  if (ianaCache.size > 500) ianaCache.clear();
  ianaCache.set(name, zone);
  return zone ?? undefined;
}

/** The IANA name for a Windows/Outlook zone name ("W. Europe Standard Time"), if known. */
export function windowsZoneToIana(name: string): string | undefined {
  return WINDOWS_ZONES.get(name.trim().toLowerCase());
}

/**
 * Resolves a TZID as a calendar means it: an IANA name (a leading "/" allowed), a Windows zone
 * name, then a VTIMEZONE defined in the file. Undefined when none applies: the caller then reads the
 * time as floating, as the reference implementations do (no guessing from vendor prefixes such as
 * "/mozilla.org/20070129_1/America/New_York" or Outlook display names without a VTIMEZONE).
 */
export function resolveTzid(
  tzid: string,
  inFile: ReadonlyMap<string, TimeZone>,
): TimeZone | undefined {
  const raw = tzid.trim();
  const clean = raw.replace(/^"+|"+$/g, '').replace(/^\/+|\/+$/g, '');
  const iana = ianaZone(clean);
  if (iana) return iana;
  const windows = windowsZoneToIana(clean);
  if (windows) return ianaZone(windows);
  const own = inFile.get(raw) ?? inFile.get(clean);
  if (own) return own;
  return undefined;
}
