/**
 * The day-level filters of a recurrence rule (BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY),
 * with the RFC 5545 defaults taken from DTSTART, evaluated a year at a time into a mask.
 */
import { civilFromDays, daysFromCivil, daysInMonth, weekdayOf } from '../time/civil.js';
import { type ByDay, MONTHLY, type RecurrenceRule, WEEKLY, YEARLY } from './rrule.js';

interface YearMask {
  year: number;
  first: number;
  mask: Uint8Array;
}

interface WeekNumbering {
  week1Start: number;
  weeks: number;
  prevWeeks: number;
  nextWeeks: number;
}

/** Which days a rule allows; masks are cached for a few years only, so memory stays flat. */
export class DayFilter {
  private readonly byMonth: boolean[] | undefined;
  private readonly monthDayPos: boolean[] | undefined;
  private readonly monthDayNeg: boolean[] | undefined;
  private readonly yearDayPos: boolean[] | undefined;
  private readonly yearDayNeg: boolean[] | undefined;
  private readonly weekNo: number[] | undefined;
  private readonly wkst: number;
  private readonly plainWeekdays: boolean[] | undefined;
  private readonly nthWeekdays: ByDay[];
  /** Ordinals count within each month (monthly rules, yearly ones with BYMONTH), else the year. */
  private readonly nthInMonth: boolean;
  private readonly masks: YearMask[] = [];

  constructor(rule: RecurrenceRule, startDay: number) {
    const { month, day: dayOfMonth } = civilFromDays(startDay);
    const freq = rule.freq;
    let byMonth = rule.byMonth;
    let byMonthDay = rule.byMonthDay;
    let byDay = rule.byDay;
    // RFC 5545 3.3.10: parts a rule leaves out are taken from DTSTART.
    if (!rule.byWeekNo && !rule.byYearDay && !byMonthDay && !byDay) {
      if (freq === YEARLY) {
        byMonth ??= [month];
        byMonthDay = [dayOfMonth];
      } else if (freq === MONTHLY) byMonthDay = [dayOfMonth];
      else if (freq === WEEKLY) byDay = [{ weekday: weekdayOf(startDay), n: 0 }];
    }
    this.byMonth = byMonth ? flags(13, byMonth) : undefined;
    if (byMonthDay) {
      this.monthDayPos = flags(
        32,
        byMonthDay.filter((n) => n > 0),
      );
      this.monthDayNeg = flags(
        32,
        byMonthDay.filter((n) => n < 0).map((n) => -n),
      );
    }
    if (rule.byYearDay) {
      this.yearDayPos = flags(
        367,
        rule.byYearDay.filter((n) => n > 0),
      );
      this.yearDayNeg = flags(
        367,
        rule.byYearDay.filter((n) => n < 0).map((n) => -n),
      );
    }
    this.weekNo = rule.byWeekNo;
    this.wkst = rule.wkst;
    // Ordinal weekdays only mean something for monthly and yearly rules; elsewhere they are plain.
    const ordinalsApply = freq <= MONTHLY;
    this.nthWeekdays = byDay && ordinalsApply ? byDay.filter((d) => d.n !== 0) : [];
    const plain = byDay?.filter((d) => d.n === 0 || !ordinalsApply).map((d) => d.weekday);
    this.plainWeekdays = plain ? flags(7, plain) : undefined;
    this.nthInMonth = freq === MONTHLY || (freq === YEARLY && rule.byMonth !== undefined);
  }

  /** True when day number `day` passes every day-level filter. */
  matches(day: number): boolean {
    const { year: y, month: m, day: d } = civilFromDays(day);
    if (this.simple) return this.passesDate(y, m, d, day);
    const { first, mask } = this.yearMask(y);
    return mask[day - first] === 1;
  }

  /**
   * Without ordinal weekdays or week numbers a day can be judged on its own, with no year mask:
   * weekly and daily series (most of any calendar) then cost a few comparisons per day.
   */
  get simple(): boolean {
    return this.nthWeekdays.length === 0 && !this.weekNo;
  }

  /** The filters for one date (y, m, d) with day number `day`; only for simple filters. */
  passesDate(y: number, m: number, d: number, day: number): boolean {
    if (this.byMonth && !this.byMonth[m]) return false;
    if (this.plainWeekdays && !this.plainWeekdays[weekdayOf(day)]) return false;
    if (
      this.monthDayPos &&
      !this.monthDayPos[d] &&
      !this.monthDayNeg?.[daysInMonth(y, m) - d + 1]
    ) {
      return false;
    }
    if (this.yearDayPos) {
      const first = daysFromCivil(y, 1, 1);
      const yearLen = daysFromCivil(y + 1, 1, 1) - first;
      const i = day - first;
      if (!this.yearDayPos[i + 1] && !this.yearDayNeg?.[yearLen - i]) return false;
    }
    return true;
  }

  /** 1 for each day of year y (index 0 = 1 January, day number `first`) that passes the filters. */
  yearMask(y: number): { first: number; mask: Uint8Array } {
    for (const m of this.masks) if (m.year === y) return m;
    const first = daysFromCivil(y, 1, 1);
    const len = daysFromCivil(y + 1, 1, 1) - first;
    const mask = new Uint8Array(len);
    const nth = this.nthWeekdays.length > 0 ? this.nthMask(y, first, len) : undefined;
    const weeks = this.weekNo ? weekNumbering(y, this.wkst) : undefined;
    let month = 1;
    let dom = 1;
    let monthLen = daysInMonth(y, 1);
    for (let i = 0; i < len; i++) {
      if (dom > monthLen) {
        month++;
        dom = 1;
        monthLen = daysInMonth(y, month);
      }
      mask[i] = this.passes(i, month, dom, monthLen, len, first + i, nth, weeks) ? 1 : 0;
      dom++;
    }
    const entry = { year: y, first, mask };
    this.masks.push(entry);
    if (this.masks.length > 4) this.masks.shift();
    return entry;
  }

  private passes(
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
    if (this.yearDayPos && !this.yearDayPos[i + 1] && !this.yearDayNeg?.[yearLen - i]) return false;
    if (this.monthDayPos && !this.monthDayPos[dom] && !this.monthDayNeg?.[monthLen - dom + 1]) {
      return false;
    }
    if (this.plainWeekdays || nth) {
      const plainOk = this.plainWeekdays?.[weekdayOf(day)] === true;
      if (!plainOk && !(nth && nth[i] === 1)) return false;
    }
    return true;
  }

  /** Days of year y picked by ordinal BYDAY entries ("-1SU": the last Sunday of the month or year). */
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
        const idx =
          n > 0
            ? s + ((weekday - weekdayOf(first + s) + 7) % 7) + (n - 1) * 7
            : e - 1 - ((weekdayOf(first + e - 1) - weekday + 7) % 7) + (n + 1) * 7;
        if (idx >= s && idx < e) mask[idx] = 1;
      }
    }
    return mask;
  }
}

/** Day number of the first day of week 1 of year y (the first week with four days in the year). */
function week1StartOf(y: number, wkst: number): number {
  const jan1 = daysFromCivil(y, 1, 1);
  const r = (weekdayOf(jan1) - wkst + 7) % 7;
  return r <= 3 ? jan1 - r : jan1 + 7 - r;
}

function weekNumbering(y: number, wkst: number): WeekNumbering {
  const prev = week1StartOf(y - 1, wkst);
  const cur = week1StartOf(y, wkst);
  const next = week1StartOf(y + 1, wkst);
  const after = week1StartOf(y + 2, wkst);
  return {
    week1Start: cur,
    weeks: (next - cur) / 7,
    prevWeeks: (cur - prev) / 7,
    nextWeeks: (after - next) / 7,
  };
}

/** Days at the edges of a year may belong to the last week of the year before or week 1 of the next. */
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

/** A lookup table: out[v] is true for each value in `values`. */
export function flags(size: number, values: number[]): boolean[] {
  const out = new Array<boolean>(size).fill(false);
  for (const v of values) if (v >= 0 && v < size) out[v] = true;
  return out;
}
