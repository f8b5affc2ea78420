/**
 * An iterator over the occurrences of a recurrence rule in local wall time. Times are "local ms":
 * the wall-clock time read as if it were UTC, so the arithmetic is plain integer math on days and
 * seconds, never Date objects; the caller turns each result into an instant in DTSTART's zone.
 *
 * It works like dateutil's: each period (year, month, week, day, hour, minute, second) yields the
 * days that pass the BYxxx filters times the times of day, optionally narrowed by BYSETPOS. It
 * never materialises a whole period (a yearly rule with BYSECOND has 31 million instants a year),
 * skips ahead to a window when there is no COUNT to honour, and stops on caps so a dense or
 * impossible rule cannot run away in time or memory.
 */
import { civilFromDays, DAY_MS, daysFromCivil, daysInMonth, weekdayOf } from '../time/civil.js';
import { DAILY, HOURLY, MINUTELY, MONTHLY, type RecurrenceRule, WEEKLY, YEARLY } from './rrule.js';
import { DayFilter, flags } from './rrule-days.js';

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

  private readonly filter: DayFilter;
  private readonly minutes: number[];
  private readonly seconds: number[];
  private readonly hourOk: boolean[] | undefined;
  private readonly minuteOk: boolean[] | undefined;
  private readonly secondOk: boolean[] | undefined;
  /** Seconds of day for day-or-coarser rules: the sorted product of hours × minutes × seconds. */
  private readonly dayTimes: number[];

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
    const { year: sy, month: sm } = civilFromDays(startDay);
    const freq = rule.freq;
    this.filter = new DayFilter(rule, startDay);

    const h0 = Math.floor(sod / 3600);
    const m0 = Math.floor((sod % 3600) / 60);
    const s0 = sod % 60;
    const hours = sortedUnique(rule.byHour ?? [h0]);
    this.minutes = sortedUnique(rule.byMinute ?? [m0]);
    this.seconds = sortedUnique((rule.bySecond ?? [s0]).filter((s) => s < 60));
    this.hourOk = rule.byHour ? flags(24, rule.byHour) : undefined;
    this.minuteOk = rule.byMinute ? flags(60, rule.byMinute) : undefined;
    this.secondOk = rule.bySecond ? flags(61, rule.bySecond) : undefined;
    this.dayTimes = [];
    if (freq <= DAILY) {
      for (const h of hours)
        for (const mi of this.minutes)
          for (const s of this.seconds) this.dayTimes.push(h * 3600 + mi * 60 + s);
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
    if (
      options.skipBefore !== undefined &&
      rule.count === undefined &&
      options.skipBefore > dtstart
    ) {
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
        return (civilFromDays(day).year - this.anchor) / interval;
      case MONTHLY: {
        const { year: y, month: m } = civilFromDays(day);
        return (y * 12 + m - 1 - this.anchor) / interval;
      }
      case WEEKLY:
        return (day - this.anchor) / (7 * interval);
      case DAILY:
        return (day - this.anchor) / interval;
      default:
        return (
          (Math.floor(local / 1000) - this.anchor) /
          (interval * (UNIT_SECONDS[this.rule.freq] as number))
        );
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
        candidate =
          (this.days[this.di] as number) * DAY_MS + (this.times[this.ti] as number) * 1000;
        if (++this.ti >= this.times.length) {
          this.ti = 0;
          this.di++;
        }
      }
      if (++this.steps > this.maxSteps) return this.finish(true);
      if (candidate < this.minLocal) continue;
      if (candidate > this.stopAfter || candidate > this.until) return this.finish(false);
      if (this.rule.count !== undefined && this.produced >= this.rule.count)
        return this.finish(false);
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
      const { first, mask } = this.filter.yearMask(y);
      for (let i = 0; i < mask.length; i++) if (mask[i]) days.push(first + i);
    } else if (freq === MONTHLY) {
      const idx = this.anchor + step;
      const y = Math.floor(idx / 12);
      const m = (idx % 12) + 1;
      const monthStart = daysFromCivil(y, m, 1);
      const monthLen = daysInMonth(y, m);
      if (this.filter.simple) {
        for (let d = 1; d <= monthLen; d++) {
          if (this.filter.passesDate(y, m, d, monthStart + d - 1)) days.push(monthStart + d - 1);
        }
      } else {
        const { first, mask } = this.filter.yearMask(y);
        for (let i = monthStart - first; i < monthStart - first + monthLen; i++) {
          if (mask[i]) days.push(first + i);
        }
      }
    } else if (freq === WEEKLY) {
      const start = this.anchor + 7 * step;
      for (let d = start; d < start + 7; d++) if (this.filter.matches(d)) days.push(d);
    } else if (freq === DAILY) {
      const d = this.anchor + step;
      if (this.filter.matches(d)) days.push(d);
    } else {
      const unit = UNIT_SECONDS[freq] as number;
      const secs = this.anchor + step * unit;
      const d = Math.floor(secs / 86400);
      if (!this.filter.matches(d)) {
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
        for (const m of this.minutes)
          for (const sec of this.seconds) times.push(h * 3600 + m * 60 + sec);
      } else if (freq === MINUTELY) {
        if (this.minuteOk && !this.minuteOk[mi]) return false;
        for (const sec of this.seconds) times.push(h * 3600 + mi * 60 + sec);
      } else {
        if ((this.minuteOk && !this.minuteOk[mi]) || (this.secondOk && !this.secondOk[s]))
          return false;
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
    while (this.di < days.length && (days[this.di] as number) * DAY_MS + lastTime < this.minLocal)
      this.di++;
    return this.di < days.length;
  }
}

function sortedUnique(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}
