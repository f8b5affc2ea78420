/** Stable identity keys for imported rows and derived contacts. */
import { createHash } from 'node:crypto';

/**
 * A short stable key from a source name and the identity fields of one row. The unit separator keeps
 * ("ab","c") and ("a","bc") apart; 96 bits make an accidental collision across five years of rows
 * (well under a million) practically impossible.
 */
export function stableKey(
  source: string,
  fields: readonly (string | number | undefined)[],
): string {
  const hash = createHash('sha256');
  hash.update(source);
  // Fields are trimmed and line breaks unified, so a spreadsheet's re-save keeps the key.
  for (const field of fields)
    hash.update(
      '\u001f' + (field === undefined ? '' : String(field).trim().replace(/\r\n?/g, '\n')),
    );
  return `${source}:${hash.digest('hex').slice(0, 24)}`;
}

/**
 * Keys rows whose identity fields repeat within one file: the n-th identical row gets "#n", so two
 * genuine one-hour "Meeting" rows on the same day stay two entries, and re-reading the same file
 * yields the same keys again.
 */
export class OccurrenceKeyer {
  private readonly seen = new Map<string, number>();

  constructor(private readonly source: string) {}

  /** The key for the next row with these identity fields. */
  next(fields: readonly (string | number | undefined)[]): string {
    const base = stableKey(this.source, fields);
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }
}
