/**
 * RFC 5545 recurrence rules (3.3.10): parsing and an iterator over the occurrences in local wall
 * time. Times are "local ms": the wall-clock time read as if it were UTC, so the arithmetic here is
 * plain integer math on days and seconds, never Date objects; the caller converts each result to an
 * instant in the zone of DTSTART.
 *
 * The iterator works like dateutil's: each period (year, month, week, day, hour, minute, second)
 * yields the days that pass the BYxxx filters times the times of day, optionally narrowed by
 * BYSETPOS. It never materialises a whole period (a yearly rule with BYSECOND can have 31 million
 * instants a year), skips ahead to a window when there is no COUNT to honour, and stops on caps so
 * a dense or impossible rule cannot run away in time or memory.
 */
import { civilFromDays, DAY_MS, daysFromCivil, daysInMonth, type IcsTime, parseTimeValue } from './ics-parse.js';

/** FREQ values, coarsest first (the order matters: comparisons like freq <= MONTHLY are used). */
export const YEARLY = 0;
export const MONTHLY = 1;
export const WEEKLY = 2;
export const DAILY = 3;
export const HOURLY = 4;
export const MINUTELY = 5;
export const SECONDLY = 6;

const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A BYDAY entry: weekday 0 = Monday … 6 = Sunday, n = ordinal (0 = every). */
export interface ByDay {
  weekday: number;
  n: number;
}

/** A parsed RRULE. */
export interface RecurrenceRule {
  freq: number;
  interval: number;
  count?: number;
  until?: IcsTime;
  /** The UNTIL value as written (the expander needs to know whether it was a DATE or had a Z). */
  untilRaw?: string;
  bySecond?: number[];
  byMinute?: number[];
  byHour?: number[];
  byDay?: ByDay[];
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  /** Week start, 0 = Monday (the default). */
  wkst: number;
}

/** A rule that cannot be used (no or unknown FREQ, values out of range). */
export class RruleError extends Error {
  override readonly name = 'RruleError';
}

function intList(value: string, key: string, min: number, max: number, allowNegative: boolean): number[] {
  const out: number[] = [];
  // Strict like dateutil: "1, 2" is not a list of numbers, and the rule is dropped as a whole.
  for (const t of value.split(',')) {
    if (!/^[+-]?\d{1,3}$/.test(t)) throw new RruleError(`${key}: "${t}" is not a number`);
    const n = Number(t);
    const abs = Math.abs(n);
    if ((n < 0 && !allowNegative) || abs < min || abs > max || (allowNegative && n === 0)) {
      throw new RruleError(`${key}: ${t} is out of range`);
    }
    out.push(n);
  }
  if (out.length === 0) throw new RruleError(`${key} is empty`);
  return out;
}

/** Parses an RRULE value. Unknown parts are ignored (as real-world files need); bad values throw RruleError. */
export function parseRrule(value: string): RecurrenceRule {
  const rule: RecurrenceRule = { freq: -1, interval: 1, wkst: 0 };
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toUpperCase();
    const val = part.slice(eq + 1).trim();
    switch (key) {
      case 'FREQ': {
        const f = FREQS.indexOf(val.toUpperCase());
        if (f < 0) throw new RruleError(`unknown FREQ "${val}"`);
        rule.freq = f;
        break;
      }
      case 'INTERVAL': {
        const n = Number(val);
        if (!Number.isInteger(n) || n < 1) throw new RruleError(`bad INTERVAL "${val}"`);
        rule.interval = n;
        break;
      }
      case 'COUNT': {
        const n = Number(val);
        if (!Number.isInteger(n) || n < 0) throw new RruleError(`bad COUNT "${val}"`);
        rule.count = n;
        break;
      }
      case 'UNTIL': {
        const t = parseTimeValue(val, undefined);
        if (!t) throw new RruleError(`bad UNTIL "${val}"`);
        rule.until = t;
        rule.untilRaw = val;
        break;
      }
      case 'BYSECOND':
        rule.bySecond = intList(val, key, 0, 60, false);
        break;
      case 'BYMINUTE':
        rule.byMinute = intList(val, key, 0, 59, false);
        break;
      case 'BYHOUR':
        rule.byHour = intList(val, key, 0, 23, false);
        break;
      case 'BYMONTHDAY':
        rule.byMonthDay = intList(val, key, 1, 31, true);
        break;
      case 'BYYEARDAY':
        rule.byYearDay = intList(val, key, 1, 366, true);
        break;
      case 'BYWEEKNO':
        rule.byWeekNo = intList(val, key, 1, 53, true);
        break;
      case 'BYMONTH':
        rule.byMonth = intList(val, key, 1, 12, false);
        break;
      case 'BYSETPOS':
        rule.bySetPos = intList(val, key, 1, 366, true);
        break;
      case 'WKST': {
        const w = WEEKDAYS.indexOf(val.toUpperCase());
        if (w < 0) throw new RruleError(`bad WKST "${val}"`);
        rule.wkst = w;
        break;
      }
      case 'BYDAY':
        rule.byDay = parseByDay(val);
        break;
      default:
        // Unknown or x-parts ("X-BUSYMAC-REGENERATE", a stray "RRULE:…") are ignored.
        break;
    }
  }
  if (rule.freq < 0) throw new RruleError('RRULE without FREQ');
  return rule;
}

function parseByDay(value: string): ByDay[] {
  const out: ByDay[] = [];
  for (const part of value.split(',')) {
    const t = part.toUpperCase();
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(t);
    if (!m) throw new RruleError(`bad BYDAY "${part}"`);
    const n = m[1] === undefined ? 0 : Number(m[1]);
    if (Math.abs(n) > 53) throw new RruleError(`bad BYDAY "${part}"`);
    out.push({ weekday: WEEKDAYS.indexOf(m[2] as string), n });
  }
  if (out.length === 0) throw new RruleError('BYDAY is empty');
  return out;
}

/** Weekday of a day number, 0 = Monday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Limits for one iteration. */
export interface RruleIteratorOptions {
  /** Occurrences before this local time may be skipped without being produced (ignored with COUNT). */
  skipBefore?: number;
  /** Stop once a period starts after this local time. */
  stopAfter?: number;
  /** UNTIL as a local time: occurrences after it end the iteration (callers with zones test instants themselves). */
  until?: number;
  /** Stop after producing this many occurrences (a safety cap; sets `capped`). */
  maxOccurrences?: number;
  /** Stop after this many candidate and period steps (a safety cap; sets `capped`). */
  maxSteps?: number;
}

const FOUR_HUNDRED_YEARS_MS = 146_097 * DAY_MS;
const UNIT_SECONDS = [0, 0, 0, 0, 3600, 60, 1];

/** Per-year filter masks are cached for a few years only, so memory stays flat over long spans. */
interface YearMask {
  year: number;
  first: number;
  mask: Uint8Array;
}

/**
 * Yields the occurrences of `rule` starting at `dtstart` (local ms) in ascending order, without
 * DTSTART itself unless the rule produces it (RFC 5545 adds DTSTART separately; so does the caller).
 */
export class RruleIterator {
  /** True when a safety cap (steps or occurrences) ended the iteration early. */
  capped = false;

  private readonly rule: RecurrenceRule;
  private readonly dtstart: number;
  private readonly stopAfter: number;
  private readonly until: number;
  private readonly maxOccurrences: number;
  private readonly maxSteps: number;
  /** Candidates before this are never produced: DTSTART, or the skip target when COUNT allows. */
  private minLocal: number;
  private steps = 0;
  private produced = 0;
  private done = false;
  private lastProgress: number;

  // Filters after RFC defaults are applied.
  private readonly byMonth: boolean[] | undefined;
  private readonly monthDayPos: boolean[] | undefined;
  private readonly monthDayNeg: boolean[] | undefined;
  private readonly yearDayPos: boolean[] | undefined;
  private readonly yearDayNeg: boolean[] | undefined;
  private readonly weekNo: number[] | undefined;
  private readonly plainWeekdays: boolean[] | undefined;
  private readonly nthWeekdays: ByDay[];
  private readonly nthInMonth: boolean;
  private readonly hours: number[];
  private readonly minutes: number[];
  private readonly seconds: number[];
  private readonly hourOk: boolean[] | undefined;
  private readonly minuteOk: boolean[] | undefined;
  private readonly secondOk: boolean[] | undefined;
  /** Seconds of day for day-or-coarser rules: the sorted product of hours × minutes × seconds. */
  private readonly dayTimes: number[];
  private masks: YearMask[] = [];

  // Period state.
  private k = 0;
  private readonly anchor: number;
  private days: number[] = [];
  private times: number[] = [];
  private di = 0;
  private ti = 0;
  private picked: number[] | undefined;
  private pi = 0;

  constructor(rule: RecurrenceRule, dtstart: number, options: RruleIteratorOptions = {}) {
    this.rule = rule;
    this.dtstart = dtstart;
    this.stopAfter = options.stopAfter ?? Number.POSITIVE_INFINITY;
    this.until = options.until ?? Number.POSITIVE_INFINITY;
    this.maxOccurrences = options.maxOccurrences ?? Number.POSITIVE_INFINITY;
    this.maxSteps = options.maxSteps ?? 5_000_000;
    this.lastProgress = dtstart;
    this.minLocal = dtstart;

    const startDay = Math.floor(dtstart / DAY_MS);
    const sod = Math.floor((dtstart - startDay * DAY_MS) / 1000);
    const [sy, sm, sd] = civilFromDays(startDay);
    const freq = rule.freq;

    let byMonth = rule.byMonth;
    let byMonthDay = rule.byMonthDay;
    let byDay = rule.byDay;
    if (!rule.byWeekNo && !rule.byYearDay && !byMonthDay && !byDay) {
      if (freq === YEARLY) {
        byMonth ??= [sm];
        byMonthDay = [sd];
      } else if (freq === MONTHLY) byMonthDay = [sd];
      else if (freq === WEEKLY) byDay = [{ weekday: weekdayOf(startDay), n: 0 }];
    }
    this.byMonth = byMonth ? flags(13, byMonth) : undefined;
    this.monthDayPos = byMonthDay ? flags(32, byMonthDay.filter((n) => n > 0)) : undefined;
    this.monthDayNeg = byMonthDay ? flags(32, byMonthDay.filter((n) => n < 0).map((n) => -n)) : undefined;
    this.yearDayPos = rule.byYearDay ? flags(367, rule.byYearDay.filter((n) => n > 0)) : undefined;
    this.yearDayNeg = rule.byYearDay ? flags(367, rule.byYearDay.filter((n) => n < 0).map((n) => -n)) : undefined;
    this.weekNo = rule.byWeekNo;
    // Ordinal weekdays only mean something for monthly and yearly rules; elsewhere they are plain.
    const ordinalsApply = freq <= MONTHLY;
    this.nthWeekdays = byDay && ordinalsApply ? byDay.filter((d) => d.n !== 0) : [];
    const plain = byDay ? byDay.filter((d) => d.n === 0 || !ordinalsApply).map((d) => d.weekday) : undefined;
    this.plainWeekdays = plain ? flags(7, plain) : undefined;
    this.nthInMonth = freq === MONTHLY || (freq === YEARLY && rule.byMonth !== undefined);

    const h0 = Math.floor(sod / 3600);
    const m0 = Math.floor((sod % 3600) / 60);
    const s0 = sod % 60;
    this.hours = sortedUnique(rule.byHour ?? [h0]);
    this.minutes = sortedUnique(rule.byMinute ?? [m0]);
    this.seconds = sortedUnique((rule.bySecond ?? [s0]).filter((s) => s < 60));
    this.hourOk = rule.byHour ? flags(24, rule.byHour) : undefined;
    this.minuteOk = rule.byMinute ? flags(60, rule.byMinute) : undefined;
    this.secondOk = rule.bySecond ? flags(61, rule.bySecond) : undefined;
    this.dayTimes = [];
    if (freq <= DAILY) {
      for (const h of this.hours) for (const mi of this.minutes) for (const s of this.seconds) this.dayTimes.push(h * 3600 + mi * 60 + s);
    }

    // The anchor of period 0, in the unit of the frequency.
    switch (freq) {
      case YEARLY:
        this.anchor = sy;
        break;
      case MONTHLY:
        this.anchor = sy * 12 + (sm - 1);
        break;
      case WEEKLY:
        this.anchor = startDay - ((weekdayOf(startDay) - rule.wkst + 7) % 7);
        break;
      case DAILY:
        this.anchor = startDay;
        break;
      default: {
        const unit = UNIT_SECONDS[freq] as number;
        const secs = startDay * 86400 + sod;
        this.anchor = secs - (secs % unit);
      }
    }
    if (options.skipBefore !== undefined && rule.count === undefined && options.skipBefore > dtstart) {
      this.k = Math.max(0, Math.floor(this.periodIndexOf(options.skipBefore)));
      this.lastProgress = Math.max(dtstart, this.periodStart());
      this.minLocal = options.skipBefore;
    }
    this.loadPeriod();
  }

  /** Fractional period index (relative to the anchor, in intervals) of a local time. */
  private periodIndexOf(local: number): number {
    const day = Math.floor(local / DAY_MS);
    const interval = this.rule.interval;
    switch (this.rule.freq) {
      case YEARLY:
        return (civilFromDays(day)[0] - this.anchor) / interval;
      case MONTHLY: {
        const [y, m] = civilFromDays(day);
        return (y * 12 + m - 1 - this.anchor) / interval;
      }
      case WEEKLY:
        return (day - this.anchor) / (7 * interval);
      case DAILY:
        return (day - this.anchor) / interval;
      default:
        return (Math.floor(local / 1000) - this.anchor) / (interval * (UNIT_SECONDS[this.rule.freq] as number));
    }
  }

  /** The next occurrence (local ms), or NaN when there are no more. */
  next(): number {
    if (this.done) return Number.NaN;
    for (;;) {
      let candidate: number;
      if (this.picked) {
        if (this.pi >= this.picked.length) {
          if (!this.advance()) return Number.NaN;
          continue;
        }
        candidate = this.picked[this.pi++] as number;
      } else {
        if (this.di >= this.days.length || this.times.length === 0) {
          if (!this.advance()) return Number.NaN;
          continue;
        }
        candidate = (this.days[this.di] as number) * DAY_MS + (this.times[this.ti] as number) * 1000;
        if (++this.ti >= this.times.length) {
          this.ti = 0;
          this.di++;
        }
      }
      if (++this.steps > this.maxSteps) return this.finish(true);
      if (candidate < this.minLocal) continue;
      if (candidate > this.stopAfter || candidate > this.until) return this.finish(false);
      if (this.rule.count !== undefined && this.produced >= this.rule.count) return this.finish(false);
      if (this.produced >= this.maxOccurrences) return this.finish(true);
      this.produced++;
      this.lastProgress = candidate;
      return candidate;
    }
  }

  private finish(capped: boolean): number {
    this.done = true;
    this.capped = capped;
    return Number.NaN;
  }

  /** Moves to the next period with candidates; false when the iteration is over. */
  private advance(): boolean {
    for (;;) {
      this.k++;
      if (++this.steps > this.maxSteps) {
        this.finish(true);
        return false;
      }
      const start = this.periodStart();
      if (start > this.stopAfter || start > this.until) {
        this.finish(false);
        return false;
      }
      // The Gregorian calendar repeats every 400 years: a rule silent that long never matches again.
      if (start - this.lastProgress > FOUR_HUNDRED_YEARS_MS || start > 253_402_300_800_000) {
        this.finish(false);
        return false;
      }
      if (this.loadPeriod()) return true;
    }
  }

  /** Local ms at which period k starts. */
  private periodStart(): number {
    const step = this.k * this.rule.interval;
    switch (this.rule.freq) {
      case YEARLY:
        return daysFromCivil(this.anchor + step, 1, 1) * DAY_MS;
      case MONTHLY: {
        const idx = this.anchor + step;
        return daysFromCivil(Math.floor(idx / 12), (idx % 12) + 1, 1) * DAY_MS;
      }
      case WEEKLY:
        return (this.anchor + 7 * step) * DAY_MS;
      case DAILY:
        return (this.anchor + step) * DAY_MS;
      default:
        return (this.anchor + step * (UNIT_SECONDS[this.rule.freq] as number)) * 1000;
    }
  }

  /** Fills the candidate days and times of period k; false when the period has none. */
  private loadPeriod(): boolean {
    const freq = this.rule.freq;
    const step = this.k * this.rule.interval;
    const days: number[] = [];
    let times = this.dayTimes;
    if (freq === YEARLY) {
      const y = this.anchor + step;
      const { first, mask } = this.yearMask(y);
      for (let i = 0; i < mask.length; i++) if (mask[i]) days.push(first + i);
    } else if (freq === MONTHLY) {
      const idx = this.anchor + step;
      const y = Math.floor(idx / 12);
      const m = (idx % 12) + 1;
      const { first, mask } = this.yearMask(y);
      const from = daysFromCivil(y, m, 1) - first;
      const to = from + daysInMonth(y, m);
      for (let i = from; i < to; i++) if (mask[i]) days.push(first + i);
    } else if (freq === WEEKLY) {
      const start = this.anchor + 7 * step;
      for (let d = start; d < start + 7; d++) if (this.dayMatches(d)) days.push(d);
    } else if (freq === DAILY) {
      const d = this.anchor + step;
      if (this.dayMatches(d)) days.push(d);
    } else {
      const unit = UNIT_SECONDS[freq] as number;
      const secs = this.anchor + step * unit;
      const d = Math.floor(secs / 86400);
      if (!this.dayMatches(d)) {
        // Jump to the first period of the next day rather than walking through every hour of it.
        const nextDay = (d + 1) * 86400;
        const stepSecs = this.rule.interval * unit;
        const target = Math.ceil((nextDay - this.anchor) / stepSecs) - 1;
        if (target > this.k) this.k = target;
        return false;
      }
      const sod = secs - d * 86400;
      const h = Math.floor(sod / 3600);
      const mi = Math.floor((sod % 3600) / 60);
      const s = sod % 60;
      if (this.hourOk && !this.hourOk[h]) return false;
      times = [];
      if (freq === HOURLY) {
        for (const m of this.minutes) for (const sec of this.seconds) times.push(h * 3600 + m * 60 + sec);
      } else if (freq === MINUTELY) {
        if (this.minuteOk && !this.minuteOk[mi]) return false;
        for (const sec of this.seconds) times.push(h * 3600 + mi * 60 + sec);
      } else {
        if ((this.minuteOk && !this.minuteOk[mi]) || (this.secondOk && !this.secondOk[s])) return false;
        times.push(sod);
      }
      days.push(d);
    }
    this.days = days;
    this.times = times;
    this.di = 0;
    this.ti = 0;
    this.picked = undefined;
    if (days.length === 0 || times.length === 0) return false;
    if (this.rule.bySetPos) {
      const total = days.length * times.length;
      const picked: number[] = [];
      for (const p of this.rule.bySetPos) {
        const idx = p > 0 ? p - 1 : total + p;
        if (idx < 0 || idx >= total) continue;
        const day = days[Math.floor(idx / times.length)] as number;
        picked.push(day * DAY_MS + (times[idx % times.length] as number) * 1000);
      }
      this.picked = sortedUnique(picked);
      this.pi = 0;
      return picked.length > 0;
    }
    // Whole days before the first wanted instant are passed over without visiting their times.
    const lastTime = (times[times.length - 1] as number) * 1000;
    while (this.di < days.length && (days[this.di] as number) * DAY_MS + lastTime < this.minLocal) this.di++;
    return this.di < days.length;
  }

  private dayMatches(day: number): boolean {
    const [y] = civilFromDays(day);
    const { first, mask } = this.yearMask(y);
    return mask[day - first] === 1;
  }

  /** 1 for each day of year y that passes the day-level filters (BYMONTH … BYDAY). */
  private yearMask(y: number): YearMask {
    for (const m of this.masks) if (m.year === y) return m;
    const first = daysFromCivil(y, 1, 1);
    const len = daysFromCivil(y + 1, 1, 1) - first;
    const mask = new Uint8Array(len);
    const nth = this.nthWeekdays.length > 0 ? this.nthMask(y, first, len) : undefined;
    const weeks = this.weekNo ? weekNumbering(y, this.rule.wkst) : undefined;
    let month = 1;
    let dom = 1;
    let monthLen = daysInMonth(y, 1);
    for (let i = 0; i < len; i++) {
      if (dom > monthLen) {
        month++;
        dom = 1;
        monthLen = daysInMonth(y, month);
      }
      mask[i] = this.passes(y, i, month, dom, monthLen, len, first + i, nth, weeks) ? 1 : 0;
      dom++;
    }
    const entry = { year: y, first, mask };
    this.masks.push(entry);
    if (this.masks.length > 4) this.masks.shift();
    return entry;
  }

  private passes(
    _y: number,
    i: number,
    month: number,
    dom: number,
    monthLen: number,
    yearLen: number,
    day: number,
    nth: Uint8Array | undefined,
    weeks: WeekNumbering | undefined,
  ): boolean {
    if (this.byMonth && !this.byMonth[month]) return false;
    if (weeks && this.weekNo && !weekMatches(weeks, day, this.weekNo)) return false;
    if (this.yearDayPos && !this.yearDayPos[i + 1] && !(this.yearDayNeg as boolean[])[yearLen - i]) return false;
    if (this.monthDayPos && !this.monthDayPos[dom] && !(this.monthDayNeg as boolean[])[monthLen - dom + 1]) return false;
    if (this.plainWeekdays || nth) {
      const plainOk = this.plainWeekdays ? this.plainWeekdays[weekdayOf(day)] === true : false;
      if (!plainOk && !(nth && nth[i] === 1)) return false;
    }
    return true;
  }

  /** Days of year y picked by ordinal BYDAY entries (relative to each month or to the year). */
  private nthMask(y: number, first: number, len: number): Uint8Array {
    const mask = new Uint8Array(len);
    const ranges: Array<[number, number]> = [];
    if (this.nthInMonth) {
      for (let m = 1; m <= 12; m++) {
        if (this.byMonth && !this.byMonth[m]) continue;
        const s = daysFromCivil(y, m, 1) - first;
        ranges.push([s, s + daysInMonth(y, m)]);
      }
    } else ranges.push([0, len]);
    for (const [s, e] of ranges) {
      for (const { weekday, n } of this.nthWeekdays) {
        let idx: number;
        if (n > 0) idx = s + ((weekday - weekdayOf(first + s) + 7) % 7) + (n - 1) * 7;
        else idx = e - 1 - ((weekdayOf(first + e - 1) - weekday + 7) % 7) + (n + 1) * 7;
        if (idx >= s && idx < e) mask[idx] = 1;
      }
    }
    return mask;
  }
}

interface WeekNumbering {
  week1Start: number;
  weeks: number;
  prevWeeks: number;
  nextWeeks: number;
}

function week1StartOf(y: number, wkst: number): number {
  const jan1 = daysFromCivil(y, 1, 1);
  const r = (weekdayOf(jan1) - wkst + 7) % 7;
  return r <= 3 ? jan1 - r : jan1 + 7 - r;
}

/** Week numbering of year y with week start wkst (week 1 has at least four days of the year). */
function weekNumbering(y: number, wkst: number): WeekNumbering {
  const prev = week1StartOf(y - 1, wkst);
  const cur = week1StartOf(y, wkst);
  const next = week1StartOf(y + 1, wkst);
  const after = week1StartOf(y + 2, wkst);
  return { week1Start: cur, weeks: (next - cur) / 7, prevWeeks: (cur - prev) / 7, nextWeeks: (after - next) / 7 };
}

function weekMatches(w: WeekNumbering, day: number, byWeekNo: number[]): boolean {
  const wn = Math.floor((day - w.week1Start) / 7) + 1;
  let pos: number;
  let total: number;
  if (wn < 1) {
    pos = w.prevWeeks;
    total = w.prevWeeks;
  } else if (wn > w.weeks) {
    pos = 1;
    total = w.nextWeeks;
  } else {
    pos = wn;
    total = w.weeks;
  }
  for (const n of byWeekNo) if (n === pos || n === pos - total - 1) return true;
  return false;
}

function flags(size: number, values: number[]): boolean[] {
  const out = new Array<boolean>(size).fill(false);
  for (const v of values) if (v >= 0 && v < size) out[v] = true;
  return out;
}

function sortedUnique(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}
