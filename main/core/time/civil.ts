/**
 * Civil dates as day numbers (days since 1970-01-01, proleptic Gregorian), with no Date objects and
 * no zone: the arithmetic every calendar, ledger and availability computation shares. A day number
 * is the compact form to compute with; `CivilDate` is its year/month/day reading.
 */

/** Milliseconds in a civil day (wall-clock days; a zone's day may be shorter or longer). */
export const DAY_MS = 86_400_000;

/** A calendar date without a zone; month 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a civil date (Howard Hinnant's days_from_civil: exact for any year). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day number. */
export function civilFromDays(days: number): CivilDate {
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

/** Whether year/month/day name a real date (integers, month 1–12, day within the month). */
export function isValidCivil(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Day of the week of a day number, ISO 8601 order: 0 = Monday … 6 = Sunday. */
export function weekdayOf(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/**
 * The day `months` calendar months after `days` (negative goes back), keeping the day of the month
 * where it exists and clamping to the month's last day where it does not (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonths(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const index = year * 12 + month - 1 + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Day number of a strict "YYYY-MM-DD", or undefined when it is not one or not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivil(y, mo, d) ? daysFromCivil(y, mo, d) : undefined;
}

/** Day number of a strict "YYYY-MM-DD"; throws a RangeError saying which rule `text` breaks. */
export function expectIsoDate(text: string): number {
  const days = parseIsoDate(text);
  if (days !== undefined) return days;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new RangeError(`not a date (YYYY-MM-DD): ${text}`);
  throw new RangeError(`no such date: ${text}`);
}

/** "YYYY-MM-DD" of a day number. */
export function formatIsoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
