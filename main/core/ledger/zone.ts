/**
 * Calendar arithmetic for the ledger and the analysis: civil dates as day numbers (days since
 * 1970-01-01), ISO weeks, months, and UTC offsets of an IANA zone. Offsets come from Intl, but looked
 * up once per week of time (plus a bisection where a week holds a change), because asking Intl for
 * each of 100k contacts would alone eat the analysis' time budget.
 */

import { assertTimeZone } from '../availability/zoned-time.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Day number (days since 1970-01-01) of a proleptic Gregorian date; month 1–12. */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil: exact integer arithmetic, no Date objects.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day number. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whether year/month/day name a real date. */
export function isValidCivil(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const c = civilFromDays(daysFromCivil(year, month, day));
  return c.month === month && c.day === day;
}

/** Day number of a strict "YYYY-MM-DD", or undefined when it is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivil(y, mo, d) ? daysFromCivil(y, mo, d) : undefined;
}

/** "YYYY-MM-DD" of a day number. */
export function formatIsoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Index of the Monday-based week holding a day (1970-01-05, a Monday, starts week 1). */
export function weekIndexOfDay(days: number): number {
  return Math.floor((days + 3) / 7);
}

/** Day number of the Monday that starts a week index. */
export function mondayOfWeekIndex(week: number): number {
  return week * 7 - 3;
}

/** ISO 8601 week label of a week index, e.g. "2024-W05" (the year is the year of its Thursday). */
export function isoWeekLabel(week: number): string {
  const thursday = mondayOfWeekIndex(week) + 3;
  const { year } = civilFromDays(thursday);
  const n = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** Month index (year × 12 + month − 1) of a day number. */
export function monthIndexOfDay(days: number): number {
  const { year, month } = civilFromDays(days);
  return year * 12 + month - 1;
}

/** "YYYY-MM" label of a month index. */
export function monthLabel(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** First day number of a month index. */
export function firstDayOfMonthIndex(month: number): number {
  return daysFromCivil(Math.floor(month / 12), (month % 12) + 1, 1);
}

const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?Z$/;
const d2 = (s: string, i: number): number =>
  (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

/**
 * Epoch ms of an ISO instant. The common "YYYY-MM-DDTHH:MM:SS(.sss)Z" form (what toISOString writes and
 * the ledger stores) is read by hand — several times faster than Date.parse, which matters for 100k
 * contacts; anything else goes to Date.parse. NaN when unreadable.
 */
export function parseInstant(iso: string): number {
  const n = iso.length;
  if (UTC_ISO.test(iso)) {
    const year = d2(iso, 0) * 100 + d2(iso, 2);
    const month = d2(iso, 5);
    const day = d2(iso, 8);
    const ms = n === 24 ? d2(iso, 20) * 10 + (iso.charCodeAt(22) - 48) : 0;
    const value =
      daysFromCivil(year, month, day) * 86_400_000 +
      d2(iso, 11) * 3_600_000 +
      d2(iso, 14) * 60_000 +
      d2(iso, 17) * 1000 +
      ms;
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return value;
  }
  return Date.parse(iso);
}

// One check for unknown zones, shared with the availability engine (re-exported for ledger callers).
export { assertTimeZone };

/** Offset of a zone from UTC at an instant, in ms (positive east of Greenwich), straight from Intl. */
function intlOffset(dtf: Intl.DateTimeFormat, ms: number): number {
  const at = Math.floor(ms / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of dtf.formatToParts(at))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return local - at;
}

/** Looks up a zone's UTC offset (ms) at an instant; cached per week, exact to the second at changes. */
export type OffsetLookup = (ms: number) => number;

const lookups = new Map<string, OffsetLookup>();

/** The offset lookup for an IANA zone, shared per zone (throws RangeError for an unknown zone). */
export function createOffsetLookup(tz: string): OffsetLookup {
  let lookup = lookups.get(tz);
  if (!lookup) {
    lookup = buildOffsetLookup(tz);
    lookups.set(tz, lookup);
  }
  return lookup;
}

function buildOffsetLookup(tz: string): OffsetLookup {
  assertTimeZone(tz);
  if (tz === 'UTC' || tz === 'Etc/UTC') return () => 0;
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  // Per week bucket: the offset at its start, and where it changes within the bucket (if it does).
  // Zones change offset at most twice a year, never twice within a week.
  const buckets = new Map<number, { before: number; after: number; changeAt: number }>();
  const offsetAtBucketStart = (bucket: number): number => intlOffset(dtf, bucket * WEEK_MS);
  return (ms: number): number => {
    const bucket = Math.floor(ms / WEEK_MS);
    let b = buckets.get(bucket);
    if (!b) {
      const before = offsetAtBucketStart(bucket);
      const after = offsetAtBucketStart(bucket + 1);
      let changeAt = Infinity;
      if (before !== after) {
        let lo = bucket * WEEK_MS;
        let hi = (bucket + 1) * WEEK_MS;
        while (hi - lo > 1000) {
          const mid = Math.floor((lo + hi) / 2000) * 1000;
          if (intlOffset(dtf, mid) === before) lo = mid;
          else hi = mid;
        }
        changeAt = hi;
      }
      b = { before, after, changeAt };
      buckets.set(bucket, b);
    }
    return ms < b.changeAt ? b.before : b.after;
  };
}

/** Day number of the local date of an instant in the lookup's zone. */
export function localDay(ms: number, offset: OffsetLookup): number {
  return Math.floor((ms + offset(ms)) / DAY_MS);
}

/**
 * The UTC instant of a wall-clock time in a zone. In a gap (spring forward) the time is read with the
 * offset before the change (02:30 → 03:30); in an overlap the earlier instant wins.
 */
export function zonedTimeToUtc(
  local: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second?: number;
  },
  offset: OffsetLookup,
): number {
  const wall = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second ?? 0,
  );
  const first = offset(wall - offset(wall));
  const guess = wall - first;
  const second = offset(guess);
  if (second === first) {
    // In an overlap an earlier reading may also fit: prefer it.
    const earlierOffset = offset(guess - 3_600_000);
    if (
      earlierOffset !== first &&
      wall - earlierOffset < guess &&
      offset(wall - earlierOffset) === earlierOffset
    ) {
      return wall - earlierOffset;
    }
    return guess;
  }
  // A gap: the offset before a spring-forward change is the smaller one.
  return wall - Math.min(first, second);
}
