/**
 * Cell parsers for imported CSV files: numbers with decimal commas or dots and thousands separators,
 * money to integer minor units (string arithmetic, no float on the way), durations, dates in the
 * three orders exports use, times of day and yes/no flags. Each returns undefined for a cell it
 * cannot read, so the importer can report the line and column.
 */
import { currencyDigits } from '../../../shared/money.js';
import { daysFromCivil, isValidCivil } from '../time/civil.js';

/** How a file writes decimals: decide per number, or force "1.234,5" (comma) / "1,234.5" (dot). */
export type DecimalStyle = 'auto' | 'comma' | 'dot';

/** The order of day, month and year in a date column. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/**
 * A number cell as a plain decimal string ("-1234.5"), or undefined. In auto style, when both "." and
 * "," occur the later one is the decimal mark; a single "," or "." alone is the decimal mark; several
 * of one kind are thousands separators. Spaces, apostrophes (Swiss "1'234.50"), currency symbols and
 * codes around the number are ignored; "(12.50)" and a leading "-" mean negative.
 */
export function normalizeDecimal(cell: string, style: DecimalStyle = 'auto'): string | undefined {
  let s = cell.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  s = s.replace(/^[A-Z]{3}|[A-Z]{3}$/g, '').replace(/^[€$£¥]|[€$£¥]$/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let decimalMark: ',' | '.' | undefined;
  if (style === 'comma') decimalMark = ',';
  else if (style === 'dot') decimalMark = '.';
  else if (commas > 0 && dots > 0)
    decimalMark = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  else if (commas === 1) decimalMark = ',';
  else if (dots === 1) decimalMark = '.';
  const thousands = decimalMark === ',' || (decimalMark === undefined && dots > 1) ? '.' : ',';
  const parts = s
    .split(thousands)
    .join('')
    .split(decimalMark ?? '\u0000');
  if (parts.length > 2) return undefined;
  const [intPart = '', fracPart] = parts;
  if (/[.,]/.test(intPart) || (fracPart !== undefined && /[.,]/.test(fracPart))) return undefined;
  const whole = intPart === '' ? '0' : intPart;
  const body = fracPart === undefined || fracPart === '' ? whole : `${whole}.${fracPart}`;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** A number cell as a number (for hours and rates, never for money totals), or undefined. */
export function parseDecimal(cell: string, style: DecimalStyle = 'auto'): number | undefined {
  const n = normalizeDecimal(cell, style);
  return n === undefined ? undefined : Number(n);
}

/** Minor-unit digits of a currency (kept in shared/money.ts, re-exported for the importers). */
export { currencyDigits };

/** A money cell in integer minor units of `currency`, rounded half away from zero, or undefined. */
export function parseMoneyMinor(
  cell: string,
  currency: string,
  style: DecimalStyle = 'auto',
): number | undefined {
  const digits = currencyDigits(currency) ?? 2;
  const n = normalizeDecimal(cell, style);
  if (n === undefined) return undefined;
  const negative = n.startsWith('-');
  const [intPart = '0', frac = ''] = (negative ? n.slice(1) : n).split('.');
  const kept = frac.slice(0, digits).padEnd(digits, '0');
  let minor = Number(intPart) * 10 ** digits + (kept === '' ? 0 : Number(kept));
  if (Number(frac.charAt(digits) || '0') >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) return undefined;
  return negative && minor !== 0 ? -minor : minor;
}

/** The ISO 4217 code in a currency cell or header: "EUR", "Euro - EUR", "Amount (USD)". */
export function extractCurrency(text: string): string | undefined {
  const codes = text.match(/\b[A-Z]{3}\b/g);
  const code = codes?.[codes.length - 1];
  return code !== undefined && currencyDigits(code) !== undefined ? code : undefined;
}

/**
 * A duration cell in seconds: "HH:MM:SS" (hours may exceed 24), "H:MM", or decimal hours ("1.5",
 * "1,5"). Negative or unreadable → undefined.
 */
export function parseHoursDuration(cell: string, style: DecimalStyle = 'auto'): number | undefined {
  const s = cell.trim();
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  const hours = parseDecimal(s, style);
  if (hours === undefined || hours < 0) return undefined;
  return Math.round(hours * 3600);
}

/** A call-log duration in seconds: plain seconds ("75"), "M:SS" or "H:MM:SS". */
export function parseSecondsDuration(cell: string): number | undefined {
  const s = cell.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const clock = /^(?:(\d+):)?(\d+):([0-5]\d)$/.exec(s);
  if (!clock) return undefined;
  return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
}

/** Whole minutes of a duration in seconds (half a minute and more rounds up). */
export function secondsToMinutes(seconds: number): number {
  return Math.round(seconds / 60);
}

const DATE_RE = /^(\d{1,4})([-./])(\d{1,2})\2(\d{1,4})$/;

/**
 * Guesses the date order of a column from its values: dots are day-first (German), a leading 4-digit
 * year is year-first, and for slashes a first part above 12 means day-first, a second part above 12
 * means month-first; otherwise the vendor's default.
 */
export function detectDateOrder(values: Iterable<string>, fallback: DateOrder): DateOrder {
  let dmy = false;
  let mdy = false;
  for (const value of values) {
    const m = DATE_RE.exec(value.trim().split(/[ T]/)[0] ?? '');
    if (!m) continue;
    if ((m[1] ?? '').length === 4) return 'ymd';
    if (m[2] === '.') return 'dmy';
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[3]) > 12) mdy = true;
  }
  if (dmy && !mdy) return 'dmy';
  if (mdy && !dmy) return 'mdy';
  return fallback;
}

/** A date cell (optionally followed by a time) as a day number, in the given order; 4-digit years only. */
export function parseDateCell(cell: string, order: DateOrder): number | undefined {
  const m = DATE_RE.exec(cell.trim().split(/[ T]/)[0] ?? '');
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const c = Number(m[4]);
  let y: number;
  let mo: number;
  let d: number;
  if ((m[1] ?? '').length === 4) [y, mo, d] = [a, b, c];
  else if ((m[4] ?? '').length !== 4) return undefined;
  else if (order === 'mdy') [y, mo, d] = [c, a, b];
  else [y, mo, d] = [c, b, a];
  return isValidCivil(y, mo, d) ? daysFromCivil(y, mo, d) : undefined;
}

/** A time of day ("09:15", "9:15:30", "01:26:00 PM") as seconds after midnight, or undefined. */
export function parseTimeOfDay(cell: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(cell.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  const ampm = m[4]?.toLowerCase();
  if (ampm !== undefined) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return h * 3600 + mi * 60 + s;
}

/** A yes/no cell (English and German spellings, 1/0, x/blank where `blankIs` is given), or undefined. */
export function parseYesNo(cell: string, blankIs?: boolean): boolean | undefined {
  const s = cell.trim().toLowerCase();
  if (s === '') return blankIs;
  if (['yes', 'y', 'true', '1', 'ja', 'j', 'x', 'wahr'].includes(s)) return true;
  if (['no', 'n', 'false', '0', 'nein', 'falsch'].includes(s)) return false;
  return undefined;
}
