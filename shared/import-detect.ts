/**
 * Guesses which kind of export a file is from its name and its first lines, so the Import screen can
 * offer the right reader before the user chooses one. Only a guess: the core reads the file as the
 * kind the user confirms, and says what does not fit.
 */
import type { ImportKind } from './rate-case.js';

/** The column names of a CSV's first line (after a FRITZ!Box `sep=;` line), lower-case and unquoted. */
export function headerColumns(head: string): string[] {
  const lines = head.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let first = lines[0] ?? '';
  if (/^sep=.$/i.test(first.trim())) first = lines[1] ?? '';
  const separator = [';', '\t', ','].find((s) => first.includes(s)) ?? ',';
  return first.split(separator).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' '),
  );
}

/**
 * The time tracker whose detailed export has these (lower-case) columns: Clockify names "Duration
 * (h)"/"Duration (decimal)", Harvest has "Hours" and "Date", Toggl "Start date" and a bare "Duration".
 * The core's importer picks by the same rule (import-any.ts).
 */
export function timeTrackerOf(
  columns: ReadonlySet<string>,
): 'toggl' | 'harvest' | 'clockify' | undefined {
  if (columns.has('duration (h)') || columns.has('duration (decimal)')) return 'clockify';
  if (columns.has('hours') && columns.has('date')) return 'harvest';
  if (columns.has('start date') && columns.has('duration')) return 'toggl';
  return undefined;
}

/**
 * The kind a file most likely is: Android's XML call log by its content or name; the trackers by the
 * columns their detailed exports have (timeTrackerOf); a FRITZ!Box list by its
 * `sep=;` line or its extension column; any other CSV naming a number or direction as a call log.
 * Null when nothing fits.
 */
export function detectImportKind(name: string, head: string): ImportKind | null {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<') || /\.xml$/i.test(name)) return 'android-calls';
  const h = new Set(headerColumns(text));
  const has = (...names: string[]): boolean => names.some((n) => h.has(n));
  const tracker = timeTrackerOf(h);
  if (tracker) return tracker;
  const sepLine = /^sep=;/i.test(text);
  if (
    has('typ', 'type') &&
    has('datum', 'date') &&
    (sepLine || has('nebenstelle', 'extension', 'eigene rufnummer', 'outgoing caller id'))
  )
    return 'fritzbox';
  if (has('number', 'rufnummer', 'phone', 'phone number', 'telefonnummer', 'direction', 'richtung'))
    return 'calls';
  return null;
}
