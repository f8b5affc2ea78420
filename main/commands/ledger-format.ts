/** Shared bits of the rate-case commands: reading instants the user types, and formatting for the terminal. */
import { formatMoney } from '../core/analysis/format.js';
import { currencyDigits } from '../core/ledger/parse-values.js';
import { DAY_MS, isValidCivil, daysFromCivil } from '../core/time/civil.js';
import { timeZone } from '../core/time/zone.js';
import type { Money } from '../../shared/rate-case.js';

/**
 * An instant from the command line: a date-time with offset in any ISO 8601 spelling
 * ("2025-01-06T10:00Z", "…+0100"), a local date-time ("2025-01-06T10:00") or a date ("2025-01-06")
 * read in the user's zone, each returned as ISO UTC. Anything else is returned as typed, for the
 * Api's schema to name in its message.
 */
export function readInstant(text: string, zoneName: string): string {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text.trim(),
    );
  if (!m) return text;
  const [y, mo, d, h, mi, sec, milli] = m
    .slice(1, 8)
    .map((v, i) => (v === undefined ? 0 : i === 6 ? Number(v.padEnd(3, '0')) : Number(v))) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isValidCivil(y, mo, d) || h > 23 || mi > 59 || sec > 59) return text;
  const wall = daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + milli;
  const offset = m[8];
  if (offset === undefined) return new Date(timeZone(zoneName).toUtc(wall)).toISOString();
  if (/^z$/i.test(offset)) return new Date(wall).toISOString();
  const sign = offset.startsWith('-') ? -1 : 1;
  const [oh, om] = [Number(offset.slice(1, 3)), Number(offset.slice(-2))];
  if (oh > 23 || om > 59) return text;
  return new Date(wall - sign * (oh * 60 + om) * 60_000).toISOString();
}

/** "Mon 6 Jan 2025, 10:00" in the user's zone. */
export function formatWhen(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** "€1,234.50", or "€1,234" when whole. */
export function formatMoneyShort(money: Money): string {
  const digits = currencyDigits(money.currency) ?? 2;
  return formatMoney(Math.round(money.amount * 10 ** digits), money.currency, 'en-GB');
}

/** Hours with at most one decimal ("4.5"). */
export function formatHoursShort(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

/** "1 contact" / "2 contacts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Lays out rows as columns: text columns left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][], left: ReadonlySet<number>): string {
  const widths = header.map((h, i) =>
    Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...cell].length));
        return left.has(i) ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
