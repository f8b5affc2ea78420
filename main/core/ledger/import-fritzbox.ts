/**
 * The FRITZ!Box call list ("Anrufliste" → "Exportieren", a CSV): a `sep=;` first line, then
 * `Typ;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer` — or, with an English user
 * interface, `Type;Date;Name;Number;Extension;Outgoing Caller ID;Duration` (also seen with
 * "Telephone Number" or twice "Telephone number" for the own number; newer FRITZ!OS inserts a
 * "Landes-/Ortsnetzbereich" column). Columns are found by their header, so either order works; where
 * a name repeats, the first is the caller's. Files are often ISO-8859-1: bytes that are not valid
 * UTF-8 (a BOM is fine) are read as Windows-1252, which agrees with Latin-1 on every printable
 * character (and is what browsers mean by "iso-8859-1" anyway).
 *
 * Rows: `Datum` is `DD.MM.YY HH:MM` on the box's clock, read as the user's local time (their zone
 * from the settings). A time that occurs twice when the clocks go back is read as the earlier of
 * the two (the list does not say which); one inside the spring-forward gap, which a correctly set box
 * never writes, is read with the offset before the gap (02:30 → 03:30 summer time). `Dauer` is
 * `H:MM` of talk time. `Typ`: 1 incoming (answered by a phone or the box's answering machine — an
 * `Nebenstelle` naming the answering machine makes it a voicemail), 2 missed, 3 rejected (call
 * barring, or declined), 4 outgoing; FRITZ!OS before 4.74 wrote 3 for outgoing, which this does not
 * read. Kinds as in call-contact.ts; outgoing calls that lasted 0:00 reached nobody and are left out.
 */
import type { Contact, ImportError, ImportResult, LedgerClient } from '../../../shared/ledger.js';
import type { ImportPreviewRow } from '../../../shared/rate-case.js';
import { CallContacts, SkipReasons, type CallDirection } from './call-contact.js';
import { mapColumns, readCsv, widthError, type ColumnSpec } from './csv-read.js';
import type { CountryCode } from './phone-number.js';
import { DAY_MS, daysFromCivil, isValidCivil } from '../time/civil.js';
import { timeZone as zoneNamed } from '../time/zone.js';

type FritzKey = 'type' | 'date' | 'name' | 'number' | 'extension' | 'duration';

const COLUMNS: Readonly<Record<FritzKey, ColumnSpec>> = {
  type: { names: ['typ', 'type'], required: true },
  date: { names: ['datum', 'date'], required: true },
  name: { names: ['name'] },
  number: {
    names: ['rufnummer', 'number', 'telephone number', 'phone number'],
    required: true,
  },
  extension: { names: ['nebenstelle', 'extension'] },
  duration: { names: ['dauer', 'duration'], required: true },
};

const TYPES: Readonly<Record<string, CallDirection>> = {
  '1': 'in',
  '2': 'missed',
  '3': 'rejected',
  '4': 'out',
};

/** An extension that is the box's answering machine ("Anrufbeantworter 1", "Answering machine"). */
const ANSWERING_MACHINE = /anrufbeantworter|answering machine|voice ?mail|mailbox|^ab\s*\d*$/i;

/** Options for reading a call list. */
export interface CallLogOptions {
  clients?: readonly LedgerClient[];
  /** IANA zone of the user: the box's clock shows local time (default: this machine's zone). */
  timeZone?: string;
  /** Region national numbers are read in (DE: 030 … = +49 30 …); see phoneRegionFor. */
  region?: CountryCode | undefined;
  /** Hand back the good rows even when some rows are bad. */
  allowPartial?: boolean;
}

/** What a call log's import read: contacts, calls with nobody you bill, and why rows were left out. */
export interface CallLogResult extends ImportResult<Contact> {
  /** Calls that matched no client (also in `skipped`). */
  unmatched: number;
  /** Rows left out on purpose other than unmatched calls, by reason. */
  skippedReasons: { reason: string; count: number }[];
  /** The first unmatched calls, for the preview. */
  unmatchedCalls?: ImportPreviewRow[];
}

/** `DD.MM.YY HH:MM` (also a four-digit year, and seconds) as a wall time (epoch-ms style), or undefined. */
export function parseFritzDate(text: string): number | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const [, d, mo, y, h, mi, s] = m;
  const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
  if (!isValidCivil(year, Number(mo), Number(d))) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
  return (
    daysFromCivil(year, Number(mo), Number(d)) * DAY_MS +
    (Number(h) * 3600 + Number(mi) * 60 + Number(s ?? 0)) * 1000
  );
}

/** `H:MM` talk time in seconds, or undefined. */
export function parseFritzDuration(text: string): number | undefined {
  const m = /^(\d{1,4}):([0-5]\d)$/.exec(text);
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 60 : undefined;
}

/**
 * The numbers of a `Rufnummer` cell, the network's first: a caller who sends its own number besides
 * the network's shows as "0301234567 (0309876543)", where the one in brackets is the line's real one.
 */
function numbersOf(cell: string): string[] {
  const m = /^([^()]*?)\s*\(([^()]*)\)\s*$/.exec(cell);
  if (m && /\d/.test(m[2] ?? '') && /\d/.test(m[1] ?? '')) return [m[2]!.trim(), m[1]!.trim()];
  return cell === '' ? [] : [cell];
}

/** Imports a FRITZ!Box call list into contacts with the user's clients. */
export function importFritzBox(
  input: string | Uint8Array,
  options: CallLogOptions = {},
): CallLogResult {
  const table = readCsv(input);
  const errors: ImportError[] = [];
  const skips = new SkipReasons();
  const { index, missing } = mapColumns(table.header, COLUMNS);
  for (const name of missing)
    errors.push({
      line: table.headerLine,
      column: name,
      reason: 'missing column (is this a FRITZ!Box call list?)',
    });
  if (missing.length > 0) {
    if (table.error) errors.push(table.error);
    return {
      entries: [],
      errors,
      skipped: 0,
      rows: table.rows.length,
      unmatched: 0,
      skippedReasons: [],
    };
  }
  const cell = (cells: readonly string[], key: FritzKey): string => {
    const i = index[key];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const header = (key: FritzKey): string => table.header[index[key] ?? -1] ?? key;
  const zone = zoneNamed(options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const calls = new CallContacts('fritzbox', options.clients ?? [], options.region);

  for (const row of table.rows) {
    const fail = (key: FritzKey, reason: string): void => {
      errors.push({ line: row.line, column: header(key), reason });
    };
    const bad = widthError(row, table.header.length);
    if (bad) {
      errors.push(bad);
      continue;
    }
    const typeCell = cell(row.cells, 'type');
    let direction = TYPES[typeCell];
    if (direction === undefined) {
      fail(
        'type',
        `"${typeCell}" is not a FRITZ!Box call type (1 incoming, 2 missed, 3 rejected, 4 outgoing)`,
      );
      continue;
    }
    const dateCell = cell(row.cells, 'date');
    const wall = parseFritzDate(dateCell);
    if (wall === undefined) {
      fail(
        'date',
        dateCell === '' ? 'date is empty' : `"${dateCell}" is not a date like 02.12.26 14:05`,
      );
      continue;
    }
    const durationCell = cell(row.cells, 'duration');
    const seconds = durationCell === '' ? 0 : parseFritzDuration(durationCell);
    if (seconds === undefined) {
      fail('duration', `"${durationCell}" is not a duration like 0:05 (hours:minutes)`);
      continue;
    }
    if (direction === 'in' && ANSWERING_MACHINE.test(cell(row.cells, 'extension')))
      direction = 'voicemail';
    if (direction === 'out' && seconds === 0) {
      skips.add('outgoing calls nobody answered');
      continue;
    }
    // Earlier of two readings in a fall-back overlap; a gap time keeps the offset before the gap.
    const at = zone.toUtc(wall, 'earlier');
    calls.add({
      at,
      numbers: numbersOf(cell(row.cells, 'number')),
      name: cell(row.cells, 'name'),
      direction,
      seconds,
    });
  }
  if (table.error) errors.push(table.error);
  errors.sort((a, b) => a.line - b.line);
  return {
    entries: errors.length > 0 && !options.allowPartial ? [] : calls.entries,
    errors,
    skipped: calls.unmatched + skips.total,
    rows: table.rows.length,
    unmatched: calls.unmatched,
    unmatchedCalls: calls.unmatchedCalls,
    skippedReasons: skips.list(),
  };
}
