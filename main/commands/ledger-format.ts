/** Shared bits of the rate-case commands: reading instants the user types, and formatting for the terminal. */
import { formatMoney } from '../core/analysis/format.js';
import { currencyDigits } from '../core/ledger/parse-values.js';
import { DAY_MS, isValidCivil, daysFromCivil } from '../core/time/civil.js';
import { timeZone } from '../core/time/zone.js';
import type { Money } from '../../shared/rate-case.js';
import { UsageError } from './context.js';

/**
 * An ISO instant from the command line. With an offset or Z it is taken as is; a local date-time
 * ("2025-01-06T10:00") or a date ("2025-01-06") is read in the user's zone. Returns ISO UTC.
 */
export function readInstant(text: string, zoneName: string, flag: string): string {
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) {
    const [year, month, day, hour, minute, second] = m
      .slice(1)
      .map((v) => (v === undefined ? 0 : Number(v)));
    const [y, mo, d, h, mi, sec] = [
      year ?? 0,
      month ?? 0,
      day ?? 0,
      hour ?? 0,
      minute ?? 0,
      second ?? 0,
    ];
    if (isValidCivil(y, mo, d) && h < 24 && mi < 60 && sec < 60) {
      const wall = daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000;
      return new Date(timeZone(zoneName).toUtc(wall)).toISOString();
    }
  }
  throw new UsageError(
    `${flag} ${text}: not a date and time (use ISO, e.g. 2026-11-27T15:00 or 2026-11-27T15:00:00+01:00)`,
  );
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
