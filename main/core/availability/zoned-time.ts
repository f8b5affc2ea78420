/**
 * Wall-clock arithmetic in an IANA zone with nothing but Intl: local date of an instant, and the
 * instant of a local date + time, including the days the clocks change.
 */

/** A calendar date without a zone. Month is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (f === undefined) {
    // h23: some ICU versions print midnight as "24" with hour12:false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Throws a RangeError naming the zone when it is not a known IANA zone. */
export function assertTimeZone(tz: string): void {
  try {
    formatter(tz);
  } catch {
    throw new RangeError(`unknown time zone: ${tz}`);
  }
}

/** Wall-clock fields of `ms` in `tz` as a pseudo-UTC epoch (local time read as if it were UTC), to the second. */
function wallAsUtc(ms: number, tz: string): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of formatter(tz).formatToParts(ms)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value === 'BC';
        break;
      default:
        break;
    }
  }
  const d = new Date(0);
  d.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** The zone's offset from UTC at instant `ms`, in ms (local = UTC + offset). */
export function offsetAt(ms: number, tz: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAsUtc(whole, tz) - whole;
}

/** The local calendar date of instant `ms` in `tz`. */
export function localDateOf(ms: number, tz: string): LocalDate {
  const d = new Date(wallAsUtc(ms, tz));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Minutes since local midnight of instant `ms` in `tz` (0–1439). */
export function localMinutesOf(ms: number, tz: string): number {
  const d = new Date(wallAsUtc(ms, tz));
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

function pseudoUtc(date: LocalDate, minutes: number): number {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  d.setUTCHours(0, minutes, 0, 0);
  return d.getTime();
}

/**
 * The instant at which the wall clock in `tz` shows `date` + `minutes` (minutes may be 1440 = next
 * midnight). A time skipped by a spring-forward change is moved forward by the gap (02:30 → 03:30);
 * a time that occurs twice at a fall-back change resolves to the first (earlier) occurrence.
 */
export function localToUtc(date: LocalDate, minutes: number, tz: string): number {
  const local = pseudoUtc(date, minutes);
  // Offsets a day either side: no zone changes its offset twice within two days.
  const before = offsetAt(local - DAY_MS, tz);
  const after = offsetAt(local + DAY_MS, tz);
  const early = local - before;
  const late = local - after;
  const earlyOk = offsetAt(early, tz) === before;
  const lateOk = offsetAt(late, tz) === after;
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk) return early;
  if (lateOk) return late;
  // In the gap: read the wall time with the offset in force before the change.
  return early;
}

/** The instant of local midnight starting `date` in `tz`. */
export function startOfLocalDay(date: LocalDate, tz: string): number {
  return localToUtc(date, 0, tz);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(pseudoUtc(date, 0) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day of the week of `date`: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(pseudoUtc(date, 0)).getUTCDay();
}

/** Compares two dates: negative, zero or positive. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Parses "YYYY-MM-DD"; throws a RangeError for anything else or an impossible date. */
export function parseLocalDate(text: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) throw new RangeError(`not a date (YYYY-MM-DD): ${text}`);
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (compareDates(addDays(date, 0), date) !== 0) throw new RangeError(`no such date: ${text}`);
  return date;
}

/** Formats a date as "YYYY-MM-DD". */
export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
