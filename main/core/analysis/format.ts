/** Number formatting for reasons and scripts, with Intl in a given locale. */
import { currencyDigits } from '../ledger/parse-values.js';
import { dateTimeFormat, numberFormat } from '../../../shared/intl-cache.js';
import { parseIsoDate } from '../time/civil.js';

/** Intl formatters are slow to build (about a millisecond each): each pair is built once (shared/intl-cache.ts). */
export { dateTimeFormat } from '../../../shared/intl-cache.js';

/** Formats minor units as money (shared/money.ts), e.g. 12345 EUR in de-DE → "123,45 €". */
export { formatMoney } from '../../../shared/money.js';

/** Formats minutes as hours with at most one decimal ("12.5" / "12,5"). */
export function formatHours(minutes: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(minutes / 60);
}

/** Formats a percentage given in percent (12.5 → "12.5%" / "12,5 %"). */
export function formatPercent(percent: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** Rounds minor units up to a whole currency unit (ceil), so a proposed rate is a plain number. */
export function ceilToWholeUnit(minor: number, currency: string): number {
  const unit = 10 ** (currencyDigits(currency) ?? 2);
  return Math.ceil(minor / unit) * unit;
}

/** Formats a local date (day number or "YYYY-MM-DD") in words: "1 April 2025", "1. April 2025". */
export function formatDay(day: number | string, locale: string): string {
  const n = typeof day === 'number' ? day : parseIsoDate(day);
  if (n === undefined) throw new RangeError(`not a date: ${String(day)}`);
  // The day number is a local date already: format its midnight as UTC so no zone shifts it.
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(n * 86_400_000));
}
