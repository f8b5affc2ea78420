/**
 * Generic call-log CSV (exported from a phone, a PBX or a carrier portal): a date (with time, or a
 * separate time column), a name and/or number, a direction, a duration and optionally a missed flag.
 * English and German headers are recognised. Rows are matched to clients by phone number (normalised
 * to E.164 with a default region) and else by name; calls from nobody the user
 * bills are skipped, not errors — a phone log holds private calls too.
 *
 * Kinds: incoming → call; missed (direction, missed flag, or an incoming call lasting 0 s) →
 * missed-call; voicemail → voicemail; outgoing → call marked `scheduled`, because the user chose the
 * moment (a call back is time spent, not an interruption).
 */
import type { Contact, ContactKind, ImportError, ImportResult } from '../../../shared/ledger.js';
import type { ImportPreviewRow } from '../../../shared/rate-case.js';
import { keepUnmatched } from './call-contact.js';
import { foldName, indexClients, normalizePhone } from './client-match.js';
import { mapColumns, readCsv, widthError, type ColumnSpec } from './csv-read.js';
import { OccurrenceKeyer } from './import-key.js';
import type { CountryCode } from './phone-number.js';
import type { ImportOptions } from './import-time.js';
import {
  detectDateOrder,
  parseDateCell,
  parseSecondsDuration,
  parseTimeOfDay,
  parseYesNo,
} from './parse-values.js';
import { DAY_MS } from '../time/civil.js';
import { timeZone } from '../time/zone.js';

type CallKey = 'date' | 'time' | 'name' | 'number' | 'direction' | 'duration' | 'missed';

const COLUMNS: Readonly<Record<CallKey, ColumnSpec>> = {
  date: {
    names: [
      'date',
      'datum',
      'date/time',
      'date time',
      'datetime',
      'timestamp',
      'start',
      'started at',
      'beginn',
    ],
    required: true,
  },
  time: { names: ['time', 'uhrzeit', 'zeit'] },
  name: {
    names: ['name', 'contact', 'contact name', 'kontakt', 'caller', 'anrufer', 'teilnehmer'],
  },
  number: {
    names: [
      'number',
      'phone',
      'phone number',
      'nummer',
      'rufnummer',
      'telefonnummer',
      'caller id',
      'from',
    ],
  },
  direction: { names: ['direction', 'type', 'call type', 'richtung', 'typ', 'art'] },
  duration: {
    names: [
      'duration',
      'duration (s)',
      'duration (sec)',
      'seconds',
      'dauer',
      'dauer (s)',
      'gesprächsdauer',
    ],
  },
  missed: { names: ['missed', 'verpasst', 'entgangen'] },
};

const DIRECTIONS: Readonly<Record<string, 'in' | 'out' | 'missed' | 'voicemail'>> = {
  in: 'in',
  incoming: 'in',
  inbound: 'in',
  received: 'in',
  answered: 'in',
  eingehend: 'in',
  angenommen: 'in',
  out: 'out',
  outgoing: 'out',
  outbound: 'out',
  dialed: 'out',
  dialled: 'out',
  ausgehend: 'out',
  gewählt: 'out',
  missed: 'missed',
  unanswered: 'missed',
  rejected: 'missed',
  verpasst: 'missed',
  entgangen: 'missed',
  abgelehnt: 'missed',
  voicemail: 'voicemail',
  mailbox: 'voicemail',
  anrufbeantworter: 'voicemail',
  sprachnachricht: 'voicemail',
};

/** Options for a call-log import. */
export interface CallImportOptions extends ImportOptions {
  /** IANA zone of times written without an offset (the user's zone; default: this machine's). */
  timeZone?: string;
  /** Region national numbers are read in ("DE": 030 … is +49 30 …); default DE, as before regions. */
  defaultRegion?: CountryCode | undefined;
}

/** A call-log import's result; `unmatched` counts calls that matched no client (also in `skipped`). */
export interface CallImportResult extends ImportResult<Contact> {
  unmatched: number;
  /** The first unmatched calls, for the preview. */
  unmatchedCalls?: ImportPreviewRow[];
}

/** Imports a call-log CSV into contacts with the user's clients. */
export function importCallLog(
  input: string | Uint8Array,
  options: CallImportOptions = {},
): CallImportResult {
  const table = readCsv(input);
  const errors: ImportError[] = [];
  const { index, missing } = mapColumns(table.header, COLUMNS);
  if (index.name === undefined && index.number === undefined) missing.push('name or number');
  for (const name of missing)
    errors.push({ line: table.headerLine, column: name, reason: 'missing column' });
  if (missing.length > 0) {
    if (table.error) errors.push(table.error);
    return { entries: [], errors, skipped: 0, rows: table.rows.length, unmatched: 0 };
  }
  const cell = (cells: readonly string[], key: CallKey): string => {
    const i = index[key];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const header = (key: CallKey): string => table.header[index[key] ?? -1] ?? key;
  const order =
    options.dateOrder && options.dateOrder !== 'auto'
      ? options.dateOrder
      : detectDateOrder(
          table.rows.map((r) => cell(r.cells, 'date')),
          'dmy',
        );
  const zone = timeZone(options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const region = 'defaultRegion' in options ? options.defaultRegion : 'DE';
  const clients = indexClients(options.clients ?? [], region);
  const keyer = new OccurrenceKeyer('calls');

  const entries: Contact[] = [];
  let unmatched = 0;
  const unmatchedCalls: ImportPreviewRow[] = [];
  for (const row of table.rows) {
    const fail = (key: CallKey, reason: string): void => {
      errors.push({ line: row.line, column: header(key), reason });
    };
    const bad = widthError(row, table.header.length);
    if (bad) {
      errors.push(bad);
      continue;
    }
    const dateCell = cell(row.cells, 'date');
    let at: number | undefined;
    if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(dateCell)) {
      const ms = Date.parse(dateCell);
      at = Number.isNaN(ms) ? undefined : ms;
    } else {
      const day = parseDateCell(dateCell, order);
      const timeText =
        index.time !== undefined
          ? cell(row.cells, 'time')
          : (/^[^ T]+[ T]+(.*)$/.exec(dateCell)?.[1] ?? '');
      const seconds = timeText === '' ? undefined : parseTimeOfDay(timeText);
      if (day !== undefined && seconds === undefined && timeText !== '') {
        fail(index.time !== undefined ? 'time' : 'date', `"${timeText}" is not a time of day`);
        continue;
      }
      if (day !== undefined) {
        at = zone.toUtc(day * DAY_MS + (seconds ?? 0) * 1000);
      }
    }
    if (at === undefined) {
      fail('date', dateCell === '' ? 'date is empty' : `"${dateCell}" is not a date`);
      continue;
    }

    const durationCell = cell(row.cells, 'duration');
    const seconds = durationCell === '' ? 0 : parseSecondsDuration(durationCell);
    if (seconds === undefined) {
      fail('duration', `"${durationCell}" is not a duration`);
      continue;
    }
    const directionCell = cell(row.cells, 'direction');
    const direction = directionCell === '' ? 'in' : DIRECTIONS[directionCell.toLowerCase()];
    if (direction === undefined) {
      fail(
        'direction',
        `"${directionCell}" is not a call direction (incoming, outgoing, missed, voicemail)`,
      );
      continue;
    }
    const missedCell = cell(row.cells, 'missed');
    const missedFlag = parseYesNo(missedCell, false);
    if (missedFlag === undefined) {
      fail('missed', `"${missedCell}" is neither yes nor no`);
      continue;
    }
    const missed =
      missedFlag ||
      direction === 'missed' ||
      (direction === 'in' && index.duration !== undefined && seconds === 0);
    const kind: ContactKind =
      direction === 'voicemail' ? 'voicemail' : missed ? 'missed-call' : 'call';

    const number = cell(row.cells, 'number');
    const name = cell(row.cells, 'name');
    const client =
      (number !== '' ? clients.byPhone(number) : undefined) ??
      (name !== '' ? clients.byName(name) : undefined);
    if (!client) {
      unmatched++;
      keepUnmatched(unmatchedCalls, {
        when: new Date(at).toISOString(),
        client: name !== '' ? name : number,
        matched: false,
        what: direction === 'out' ? 'call (outgoing)' : kind,
        minutes: kind === 'missed-call' ? 0 : Math.ceil(seconds / 60),
      });
      continue;
    }
    const importKey = keyer.next([
      new Date(at).toISOString(),
      normalizePhone(number, region) ?? foldName(name),
      direction,
      seconds,
    ]);
    const contact: Contact = {
      id: importKey,
      clientId: client.id,
      kind,
      at: new Date(at).toISOString(),
      minutes: kind === 'missed-call' ? 0 : Math.ceil(seconds / 60),
      scheduled: direction === 'out',
      source: 'import:calls',
      importKey,
    };
    if (direction === 'out') contact.note = 'outgoing call';
    entries.push(contact);
  }
  if (table.error) errors.push(table.error);
  errors.sort((a, b) => a.line - b.line);
  return {
    entries: errors.length > 0 && !options.allowPartial ? [] : entries,
    errors,
    skipped: unmatched,
    rows: table.rows.length,
    unmatched,
    unmatchedCalls,
  };
}
