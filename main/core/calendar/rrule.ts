/**
 * RFC 5545 recurrence rules (3.3.10): the parsed form and its parser. The iterator over the
 * occurrences is in rrule-iterator.ts, the day filters in rrule-days.ts.
 */
import { type IcsTime, parseTimeValue } from './ics-values.js';

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

function intList(
  value: string,
  key: string,
  min: number,
  max: number,
  allowNegative: boolean,
): number[] {
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
