/**
 * `office-hours import toggl|harvest|clockify|calls|fritzbox|android-calls <file> [--dry-run]
 * [--allow-partial] [--json]`.
 */
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseApiInput } from '../../shared/api.js';
import {
  isCallImport,
  type ImportKind,
  type ImportRowError,
  type ImportSummary,
} from '../../shared/rate-case.js';
import { IMPORT_KINDS } from '../core/ledger/import-file.js';
import { type Command, UsageError } from './context.js';
import { formatMoneyShort, formatWhen, plural } from './ledger-format.js';
import { withCore } from './open-core.js';

const NAMES: Record<ImportKind, string> = {
  toggl: 'Toggl',
  harvest: 'Harvest',
  clockify: 'Clockify',
  calls: 'call log',
  fritzbox: 'FRITZ!Box call list',
  'android-calls': 'Android call log',
};

/**
 * Imports a time-tracker export or a call log. A file with bad rows imports nothing unless
 * --allow-partial; exit code 1 when there were errors and nothing was imported.
 */
export const run: Command = async (argv, ctx) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'allow-partial': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const [kindText, file] = positionals;
  if (kindText === undefined || file === undefined || positionals.length > 2)
    throw new UsageError(`give the kind of file (${IMPORT_KINDS.join(', ')}) and one file`);
  // The importFile schema judges the kind, as for the dashboard's import.
  const request = parseApiInput('importFile', {
    kind: kindText.toLowerCase(),
    file: resolve(file),
    dryRun: values['dry-run'],
    allowPartial: values['allow-partial'],
  });
  return withCore(ctx, 'cache-only', async (core) => {
    const summary = await core.importFile(request);
    if (values.json) ctx.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    else {
      ctx.stdout(describeImport(summary, file, core.store.read().settings.userTimeZone));
      for (const error of summary.errors) ctx.stderr(`${formatImportError(file, error)}\n`);
    }
    return summary.errors.length > 0 && !summary.imported ? 1 : 0;
  });
};

/** A bad row the way compilers print a problem: `file:line:column: reason`. */
export function formatImportError(file: string, error: ImportRowError): string {
  if (error.columnNumber !== undefined) {
    return `${file}:${error.line}:${error.columnNumber}: ${error.reason} (column "${error.column ?? ''}")`;
  }
  return `${file}:${error.line}: ${error.column !== undefined ? `column "${error.column}": ` : ''}${error.reason}`;
}

/** Counts, what was (or would be) written, and a preview of the new rows. */
export function describeImport(
  s: ImportSummary,
  shownAs: string = basename(s.file),
  timeZone = 'UTC',
): string {
  const calls = isCallImport(s.kind);
  const entry = calls ? 'contact' : 'time entry';
  const entries = calls ? 'contacts' : 'time entries';
  const lines = [
    `${shownAs} (${NAMES[s.kind]}): ${plural(s.rows, 'row')} — ${s.added} new, ` +
      `${s.duplicates} already imported (skipped), ${s.skipped} left out, ${plural(s.errors.length, 'error')}`,
  ];
  if (s.unmatched)
    lines.push(`  ${plural(s.unmatched, 'call')} matched none of your clients (left out)`);
  for (const why of s.skippedReasons ?? []) lines.push(`  ${why.count} left out: ${why.reason}`);
  if (s.unassigned)
    lines.push(
      `  ${plural(s.unassigned, entry, entries)} match none of your clients (shown as unassigned)`,
    );
  if (s.dryRun)
    lines.push(
      `Dry run: nothing written. Without --dry-run this adds ${plural(s.added, entry, entries)}.`,
    );
  else if (s.imported) lines.push(`Imported ${plural(s.added, entry, entries)}.`);
  else if (s.errors.length > 0 && s.added > 0) {
    lines.push(
      `Nothing imported: fix the rows below, or import the ${s.added} good ones with --allow-partial.`,
    );
  } else if (s.errors.length > 0) lines.push('Nothing imported.');
  else lines.push('Nothing new to import.');
  if (s.preview.length > 0) {
    lines.push(s.imported ? 'New:' : 'Would add:');
    for (const row of s.preview) {
      const amount = row.amount ? `  ${formatMoneyShort(row.amount)}` : '';
      const when = row.when.includes('T') ? formatWhen(row.when, timeZone) : row.when;
      lines.push(
        `  ${when}  ${row.client === '' ? '(no client)' : `${row.client}${row.matched ? '' : ' (no such client)'}`}  ${row.what}  ${row.minutes} min${amount}`,
      );
    }
    if (s.added > s.preview.length) lines.push(`  … and ${s.added - s.preview.length} more`);
  }
  return `${lines.join('\n')}\n`;
}
