/**
 * What the Rate case screen computes itself: the dates a period shows, money and numbers in the UI
 * locale, and the e-mail draft link of a script (named periods and their weeks come from the core).
 */
import type { ClientScripts, Money, ScriptText } from '../../shared/rate-case.js';
import { dateTimeFormat, numberFormat } from '../../shared/intl-cache.js';

/** The scripts in the order shown (`rateCase:scripts.title.<key>` names each). */
export const SCRIPT_KEYS = [
  'standingCallProposal',
  'voicemailFollowUp',
  'availabilityConversation',
  'rateChangeNotice',
] as const satisfies readonly (keyof ClientScripts)[];

/** A local date as YYYY-MM-DD. */
function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** This month so far: the first of the month to today, as dates (the core reads them in the user's zone). */
export function thisMonth(now: Date = new Date()): { from: string; to: string } {
  return { from: isoDate(new Date(now.getFullYear(), now.getMonth(), 1)), to: isoDate(now) };
}

/**
 * The first and last day of a report's period, as YYYY-MM-DD in the report's zone: the dates a named
 * period (a preset the core resolves, such as the last 12 weeks) shows in the date fields.
 */
export function periodDates(report: { from: string; to: string; timeZone: string }): {
  from: string;
  to: string;
} {
  const day = dateTimeFormat('en-CA', {
    timeZone: report.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  // `to` is exclusive: the last day is the one its instant before falls on.
  return {
    from: day.format(new Date(report.from)),
    to: day.format(new Date(Date.parse(report.to) - 1)),
  };
}

/** Why a period cannot be shown, as a key under `rateCase:period`, or null. Dates as YYYY-MM-DD. */
export function periodProblem(from: string, to: string): 'firstDay' | 'lastDay' | 'order' | null {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(from)) return 'firstDay';
  if (!date.test(to)) return 'lastDay';
  if (to < from) return 'order';
  return null;
}

/** Money for display in the locale, e.g. "€1,234.50" / "1.234,50 €"; "–" for none. */
export function formatMoney(money: Money | null | undefined, locale: string): string {
  if (!money) return '–';
  return numberFormat(locale, { style: 'currency', currency: money.currency }).format(money.amount);
}

/** Hours as a number with at most two decimals in the locale ("1.15" / "1,15"; the unit is the catalogue's). */
export function formatHours(hours: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(hours);
}

/** A count that may be fractional (a prorated allowance), at most one decimal, in the locale. */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(n);
}

/** A percentage given in percent (12.5 → "12.5%" / "12,5 %"). */
export function formatPercent(percent: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** An e-mail draft of a script: `mailto:` with its subject and body (lines as CRLF, per RFC 6068). */
export function mailtoLink(script: ScriptText): string {
  const enc = (text: string): string => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  const query = [script.subject ? `subject=${enc(script.subject)}` : '', `body=${enc(script.body)}`]
    .filter(Boolean)
    .join('&');
  return `mailto:?${query}`;
}

/** A script as one text to copy: the subject line first when there is one. */
export function scriptAsText(script: ScriptText): string {
  return script.subject ? `${script.subject}\n\n${script.body}` : script.body;
}
