/** Display helpers: times, durations and money in the UI language's locale through Intl. */
import { currencyDigits as sharedCurrencyDigits } from '../../shared/money.js';
import { numberFormat, dateTimeFormat } from '../../shared/intl-cache.js';

/** Locale and zone to format with; undefined means the browser's own. */
export interface FormatOptions {
  locale?: string;
  timeZone?: string;
}

function dayKey(date: Date, o: FormatOptions): string {
  return dateTimeFormat('en-CA', {
    timeZone: o.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** A clock time ("14:30" or "2:30 PM"), with the weekday when `iso` is not on the same day as `now`. */
export function formatTime(iso: string, now: Date = new Date(), o: FormatOptions = {}): string {
  const date = new Date(iso);
  const sameDay = dayKey(date, o) === dayKey(now, o);
  return dateTimeFormat(o.locale, {
    timeZone: o.timeZone,
    hour: 'numeric',
    minute: '2-digit',
    ...(sameDay ? {} : { weekday: 'short' }),
  }).format(date);
}

/**
 * A time range within a day, e.g. "09:00 – 10:30", clock times only: a stretch that ends at the next
 * midnight reads "17:00 – 00:00", not with two dates (the screen already says which day it is).
 */
export function formatTimeRange(startIso: string, endIso: string, o: FormatOptions = {}): string {
  const format = dateTimeFormat(o.locale, {
    timeZone: o.timeZone,
    hour: 'numeric',
    minute: '2-digit',
  });
  return `${format.format(new Date(startIso))} – ${format.format(new Date(endIso))}`;
}

/** A date and time for "last synced" lines. */
export function formatDateTime(iso: string, o: FormatOptions = {}): string {
  return dateTimeFormat(o.locale, {
    timeZone: o.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** "in 5 minutes", "3 hours ago": the gap between `iso` and `now` in the largest fitting unit. */
export function formatRelative(iso: string, now: Date = new Date(), o: FormatOptions = {}): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(o.locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(Math.round(seconds), 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

/** A duration in minutes as words for buttons: "30 min", "1 h", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A duration in minutes in words, in the locale: "30 minutes", "1 hour", "2 Stunden". */
export function formatMinutesLong(minutes: number, locale = 'en'): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const unit = (n: number, u: 'hour' | 'minute'): string =>
    numberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  if (h === 0) return unit(m, 'minute');
  return m === 0 ? unit(h, 'hour') : `${unit(h, 'hour')} ${unit(m, 'minute')}`;
}

/**
 * The next instant the wall clock shows `hhmm` ("17:30") in the browser's zone: today when still
 * ahead of `now`, else tomorrow. Null when `hhmm` is not a time.
 */
export function nextOccurrenceOf(hhmm: string, now: Date = new Date()): Date | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) return null;
  const at = new Date(now);
  at.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at;
}

/** The core's reasons are lower-case phrases ("focus time"); the dashboard shows them as sentences. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Digits after the decimal point of a currency's minor unit (2 for EUR, 0 for JPY; 2 if unknown). */
export function currencyDigits(currency: string): number {
  return sharedCurrencyDigits(currency) ?? 2;
}

/** Money in integer minor units as the locale writes it ("€120.50", "120,50 €"); whole units without decimals. */
export { formatMoney } from '../../shared/money.js';

/** Minor units as the plain amount a form field shows ("150", "150.5"). */
export function minorToAmountText(minor: number, currency: string): string {
  return String(minor / 10 ** currencyDigits(currency));
}

/**
 * What the core needs to word reasons for the UI: the language, and the locale when it says more
 * than the language ("de-AT" writes dates differently from bare "de").
 */
export function reasonWords(
  language: 'en' | 'de',
  locale: string,
): { language: 'en' | 'de'; locale?: string } {
  return locale === language ? { language } : { language, locale };
}
