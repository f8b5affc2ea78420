/**
 * Importing one export file: the right importer for the kind, always run so that the good rows are
 * known too (whether they may be written is decided after: all or nothing unless the user allows a
 * partial import), merging without duplicates, and a short preview of what is new.
 */
import { readFileSync } from 'node:fs';
import type {
  Contact,
  ImportError,
  ImportResult,
  LedgerClient,
  TimeEntry,
} from '../../../shared/ledger.js';
import {
  IMPORT_KINDS as KINDS,
  type ImportKind,
  type ImportPreviewRow,
  type ImportRowError,
  type ImportSummary,
} from '../../../shared/rate-case.js';
import { NotFoundError, UserError } from '../../../shared/errors.js';
import { toMoney } from '../analysis/rate-report.js';
import type { Data } from '../store/schema.js';
import type { ContactBook } from './contact-book.js';
import { readCsv } from './csv-read.js';
import { importAndroidCalls } from './import-android-calls.js';
import { importCallLog } from './import-calls.js';
import { importClockify } from './import-clockify.js';
import { importFritzBox } from './import-fritzbox.js';
import { importHarvest } from './import-harvest.js';
import { importToggl } from './import-toggl.js';
import { applyImport, mergeImported } from './ledger.js';
import { phoneRegionFor, type CountryCode } from './phone-number.js';

/** Every kind `importFile` accepts. */
export const IMPORT_KINDS: readonly ImportKind[] = KINDS;

/** Rows shown in a preview. */
export const PREVIEW_ROWS = 10;

/** An importer's reading of a file: time entries, or contacts from a call log, and the header. */
export type FileReading = (
  | { kind: 'time'; result: ImportResult<TimeEntry> }
  | {
      kind: 'calls';
      result: ImportResult<Contact> & {
        unmatched: number;
        skippedReasons?: { reason: string; count: number }[];
        unmatchedCalls?: ImportPreviewRow[];
      };
    }
) & { header: readonly string[] };

/** The errors with the 1-based number of the column they name, where the header has it. */
export function numberColumns(
  errors: readonly ImportError[],
  header: readonly string[],
): ImportRowError[] {
  return errors.map((e) => {
    const at = e.column === undefined ? -1 : header.indexOf(e.column);
    return at < 0 ? { ...e } : { ...e, columnNumber: at + 1 };
  });
}

/** How the user's settings read a file: their zone for local times, their region for numbers. */
export interface ReadingContext {
  timeZone: string;
  /** Region of national phone numbers; undefined: only international ones normalise. */
  region: CountryCode | undefined;
}

/** The reading context of the settings (region from the zone, else the UI locale: phoneRegionFor). */
export function readingContextOf(settings: Data['settings']): ReadingContext {
  return {
    timeZone: settings.userTimeZone,
    region: phoneRegionFor(settings.userTimeZone, settings.locale),
  };
}

/** Reads `file` as `kind`; throws with the reason (never the content) when it cannot be read. */
export function readImportFile(
  kind: ImportKind,
  file: string,
  clients: readonly LedgerClient[],
  context: ReadingContext,
  content?: string | Uint8Array,
): FileReading {
  const { timeZone, region } = context;
  let bytes: string | Uint8Array;
  try {
    bytes = content ?? readFileSync(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new NotFoundError({ field: 'file', value: file, problem: 'no such file' });
    throw new UserError({ field: 'file', value: file, problem: `cannot be read (${code})` });
  }
  // allowPartial here only means "hand back the good rows"; the caller decides what is written.
  const options = { clients, allowPartial: true };
  if (kind === 'android-calls') {
    // XML: errors carry their own line and column (of the attribute).
    return { kind: 'calls', result: importAndroidCalls(bytes, { ...options, region }), header: [] };
  }
  // Errors name their column by its header; the header again gives its number for file:line:column.
  const header = readCsv(bytes).header;
  switch (kind) {
    case 'toggl':
      return { kind: 'time', result: importToggl(bytes, options), header };
    case 'harvest':
      return { kind: 'time', result: importHarvest(bytes, options), header };
    case 'clockify':
      return { kind: 'time', result: importClockify(bytes, options), header };
    case 'calls':
      return {
        kind: 'calls',
        result: importCallLog(bytes, { ...options, timeZone, defaultRegion: region }),
        header,
      };
    case 'fritzbox':
      return {
        kind: 'calls',
        result: importFritzBox(bytes, { ...options, timeZone, region }),
        header,
      };
  }
}

/** Preview rows for new time entries. */
export function previewEntries(
  entries: readonly TimeEntry[],
  clients: readonly LedgerClient[],
): ImportPreviewRow[] {
  const names = new Map(clients.map((c) => [c.id, c.name]));
  return entries.slice(0, PREVIEW_ROWS).map((e) => {
    const row: ImportPreviewRow = {
      when: e.date,
      client: (e.clientId !== undefined ? names.get(e.clientId) : undefined) ?? e.clientName,
      matched: e.clientId !== undefined,
      what: e.billable ? 'billable' : 'non-billable',
      minutes: e.minutes,
    };
    if (e.amountMinor !== undefined && e.currency !== undefined)
      row.amount = toMoney(e.amountMinor, e.currency);
    return row;
  });
}

/** Preview rows for new contacts from a call log. */
export function previewContacts(
  contacts: readonly Contact[],
  clients: readonly LedgerClient[],
): ImportPreviewRow[] {
  const names = new Map(clients.map((c) => [c.id, c.name]));
  return contacts.slice(0, PREVIEW_ROWS).map((c) => ({
    when: c.at,
    client: names.get(c.clientId) ?? c.clientId,
    matched: true,
    what: c.scheduled && c.kind === 'call' ? 'call (outgoing)' : c.kind,
    minutes: c.minutes,
  }));
}

/** What `importInto` is asked to do. */
export interface ImportRequest {
  kind: ImportKind;
  file: string;
  dryRun?: boolean | undefined;
  allowPartial?: boolean | undefined;
  /** The file's content, when it came as text (the dashboard): `file` then only names it. */
  content?: string | Uint8Array | undefined;
  /** Record this import in the data file as the one `undoImport` takes back (the dashboard's). */
  remember?: { at: string } | undefined;
}

/** The record `undoImport` reads, written in the same store update as the import itself. */
function remembered(req: ImportRequest, keys: string[]): NonNullable<Data['ledger']['lastImport']> {
  return { kind: req.kind, file: req.file, at: req.remember?.at ?? '', keys };
}

/**
 * Reads a file and merges what is new: time entries into the data file, call-log contacts into the
 * contacts (one undoable step). Duplicates — rows imported before, or deleted by the user after an
 * earlier import — are counted, never added. All or nothing unless `allowPartial`: a file with
 * errors writes nothing; a dry run writes nothing either.
 */
export function importInto(
  book: ContactBook,
  data: Data,
  clients: readonly LedgerClient[],
  req: ImportRequest,
): ImportSummary {
  const reading = readImportFile(
    req.kind,
    req.file,
    clients,
    readingContextOf(data.settings),
    req.content,
  );
  const { errors, skipped, rows } = reading.result;
  const dryRun = req.dryRun ?? false;
  const mayWrite = !dryRun && (errors.length === 0 || req.allowPartial === true);
  const base = {
    kind: req.kind,
    file: req.file,
    dryRun,
    rows,
    skipped,
    errors: numberColumns(errors, reading.header),
  };
  if (reading.kind === 'time') {
    const incoming = reading.result.entries;
    let merged = mergeImported(data.timeEntries, incoming);
    if (mayWrite && merged.added.length > 0) {
      merged = book.commit((draft) => {
        // Merged again on the file as it is now (the lock is held), not on our possibly older copy.
        const m = mergeImported(draft.timeEntries, incoming);
        draft.timeEntries = m.items;
        if (req.remember && m.added.length > 0)
          draft.ledger.lastImport = remembered(
            req,
            m.added.map((e) => e.importKey),
          );
        return { result: m };
      });
    }
    const added = merged.added;
    return {
      ...base,
      imported: mayWrite && added.length > 0,
      added: added.length,
      duplicates: merged.duplicates,
      unassigned: added.filter((e) => e.clientId === undefined).length,
      preview: previewEntries(added, clients),
    };
  }
  const incoming = reading.result.entries;
  let applied = applyImport(book.state(), incoming, { dryRun: true });
  if (mayWrite && applied.added.length > 0) {
    applied = book.commit((draft, contacts) => {
      const result = applyImport(contacts, incoming);
      if (req.remember && result.added.length > 0)
        draft.ledger.lastImport = remembered(
          req,
          result.added.map((c) => c.id),
        );
      return { contacts: result.state, result };
    });
  }
  return {
    ...base,
    imported: mayWrite && applied.added.length > 0,
    added: applied.added.length,
    duplicates: applied.duplicates,
    unmatched: reading.result.unmatched,
    ...(reading.result.skippedReasons?.length
      ? { skippedReasons: reading.result.skippedReasons }
      : {}),
    ...(reading.result.unmatchedCalls?.length
      ? { unmatchedPreview: reading.result.unmatchedCalls }
      : {}),
    preview: previewContacts(applied.added, clients),
  };
}
