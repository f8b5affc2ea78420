/**
 * The common path of the time-tracker importers (Toggl, Harvest, Clockify): read the CSV, find the
 * vendor's columns, turn each row into a time entry or a precise error (line, column, reason), match
 * clients by name, and key every row by its identity fields so re-importing a file adds nothing twice.
 * A file with any error imports nothing unless the caller passes `allowPartial`. Importers are pure
 * (text in, entries out): previewing (dry run) is the ledger's `applyImport(…, { dryRun: true })`.
 */
import type {
  ImportError,
  ImportResult,
  LedgerClient,
  TimeEntry,
  TimeEntrySource,
} from '../../../shared/ledger.js';
import { indexClients } from './client-match.js';
import { mapColumns, readCsv, widthError, type ColumnSpec } from './csv-read.js';
import { OccurrenceKeyer } from './import-key.js';
import {
  detectDateOrder,
  extractCurrency,
  parseDateCell,
  parseHoursDuration,
  parseMoneyMinor,
  parseTimeOfDay,
  parseYesNo,
  secondsToMinutes,
  type DateOrder,
  type DecimalStyle,
} from './parse-values.js';
import { formatIsoDate } from '../time/civil.js';

/** Options every importer takes. */
export interface ImportOptions {
  /** Known clients, for matching names (and, for call logs, numbers). */
  clients?: readonly LedgerClient[];
  /** Import the good rows of a file that also has bad ones (default false: all or nothing). */
  allowPartial?: boolean;
  /** Order of dates in the file; auto looks at the whole column (default auto). */
  dateOrder?: DateOrder | 'auto';
  /** How the file writes decimals (default auto, per number). */
  decimal?: DecimalStyle;
}

/** A cell that could not be read; caught by the runner and reported with the row's line. */
export class CellError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Typed access to one row's cells, with parsers that throw CellError naming the column. */
export class RowReader<K extends string> {
  constructor(
    private readonly cells: readonly string[],
    private readonly index: Partial<Record<K, number>>,
    private readonly header: readonly string[],
    readonly dateOrder: DateOrder,
    readonly decimal: DecimalStyle,
  ) {}

  /** Whether the file has this column. */
  has(key: K): boolean {
    return this.index[key] !== undefined;
  }

  /** The column's header as the file wrote it, '' when absent. */
  headerOf(key: K): string {
    const i = this.index[key];
    return i === undefined ? '' : (this.header[i] ?? '');
  }

  /** The trimmed cell with line breaks as \n (Excel on Windows writes \r\n inside cells), '' when absent. */
  get(key: K): string {
    const i = this.index[key];
    return i === undefined ? '' : (this.cells[i] ?? '').trim().replace(/\r\n?/g, '\n');
  }

  /** Reports a problem with one column of this row. */
  fail(key: K, reason: string): never {
    throw new CellError(key, reason);
  }

  /** A required date cell as a day number. */
  date(key: K): number {
    const cell = this.get(key);
    if (cell === '') this.fail(key, 'date is empty');
    const day = parseDateCell(cell, this.dateOrder);
    if (day === undefined) this.fail(key, `"${cell}" is not a date`);
    return day;
  }

  /** An optional time-of-day cell in seconds. */
  time(key: K): number | undefined {
    const cell = this.get(key);
    if (cell === '') return undefined;
    const t = parseTimeOfDay(cell);
    if (t === undefined) this.fail(key, `"${cell}" is not a time of day`);
    return t;
  }

  /** A duration cell (HH:MM:SS or decimal hours) in seconds; undefined when blank. */
  duration(key: K): number | undefined {
    const cell = this.get(key);
    if (cell === '') return undefined;
    const s = parseHoursDuration(cell, this.decimal);
    if (s === undefined) this.fail(key, `"${cell}" is not a duration`);
    return s;
  }

  /** An optional money cell in minor units. */
  money(key: K, currency: string): number | undefined {
    const cell = this.get(key);
    if (cell === '') return undefined;
    const minor = parseMoneyMinor(cell, currency, this.decimal);
    if (minor === undefined) this.fail(key, `"${cell}" is not an amount`);
    return minor;
  }

  /** A yes/no cell; `absent` when the column is missing or blank. */
  yesNo(key: K, absent: boolean): boolean {
    const cell = this.get(key);
    if (cell === '') return absent;
    const b = parseYesNo(cell);
    if (b === undefined) this.fail(key, `"${cell}" is neither yes nor no`);
    return b;
  }
}

/** What a vendor row becomes before client matching and keying. */
export interface TimeDraft {
  clientName: string;
  /** Tried for client matching when the client name matches nobody (trackers used without clients). */
  projectName?: string;
  day: number;
  seconds: number;
  billable: boolean;
  /** Amount text and the currency it is in (from a header, a column, or unknown). */
  amount?: { key: string; currency?: string };
  description?: string;
  /** Fields that identify the row in its source, already normalised (dates as ISO, durations in s). */
  identity: (string | number | undefined)[];
}

/** A time tracker's CSV layout and how to read one of its rows. */
export interface TimeVendor<K extends string> {
  source: Exclude<TimeEntrySource, 'manual'>;
  columns: Readonly<Record<K, ColumnSpec>>;
  /** The column whose values decide the date order. */
  dateColumn: K;
  /** The vendor's usual order when the column is ambiguous (01/02/2024). */
  defaultDateOrder: DateOrder;
  /** Reads one row; 'skip' for a benign row that is not an entry (a running timer, a total). */
  read(row: RowReader<K>): TimeDraft | 'skip';
}

/** Runs one vendor's importer over a file. */
export function runTimeImport<K extends string>(
  input: string | Uint8Array,
  vendor: TimeVendor<K>,
  options: ImportOptions = {},
): ImportResult<TimeEntry> {
  const table = readCsv(input);
  const errors: ImportError[] = [];
  const { index, missing } = mapColumns(table.header, vendor.columns);
  for (const name of missing)
    errors.push({ line: table.headerLine, column: name, reason: 'missing column' });
  if (missing.length > 0) {
    if (table.error) errors.push(table.error);
    return { entries: [], errors, skipped: 0, rows: table.rows.length };
  }

  const dateAt = index[vendor.dateColumn];
  const dateOrder =
    options.dateOrder && options.dateOrder !== 'auto'
      ? options.dateOrder
      : detectDateOrder(
          table.rows.map((r) => (dateAt === undefined ? '' : (r.cells[dateAt] ?? ''))),
          vendor.defaultDateOrder,
        );
  const decimal = options.decimal ?? 'auto';
  const clients = indexClients(options.clients ?? []);
  const keyer = new OccurrenceKeyer(vendor.source);
  const columnName = (key: string): string => {
    const i = index[key as K];
    return i === undefined ? (vendor.columns[key as K]?.names[0] ?? key) : (table.header[i] ?? key);
  };

  const entries: TimeEntry[] = [];
  let skipped = 0;
  for (const row of table.rows) {
    const bad = widthError(row, table.header.length);
    if (bad) {
      errors.push(bad);
      continue;
    }
    let draft: TimeDraft | 'skip';
    const reader = new RowReader(row.cells, index, table.header, dateOrder, decimal);
    try {
      draft = vendor.read(reader);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      errors.push({ line: row.line, column: columnName(e.key), reason: e.reason });
      continue;
    }
    if (draft === 'skip') {
      skipped++;
      continue;
    }
    const client =
      clients.byName(draft.clientName) ??
      (draft.projectName === undefined || draft.clientName !== ''
        ? undefined
        : clients.byName(draft.projectName));
    let amount: { minor: number; currency: string } | undefined;
    if (draft.amount) {
      // The amount's currency: the file's, else the matched client's; without either the amount is
      // still checked (as 2-decimal) but not kept, since minor units of an unknown currency mean nothing.
      const currency = draft.amount.currency ?? client?.currency;
      try {
        const minor = reader.money(draft.amount.key as K, currency ?? 'XXX');
        if (minor !== undefined && currency !== undefined) amount = { minor, currency };
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        errors.push({ line: row.line, column: columnName(e.key), reason: e.reason });
        continue;
      }
    }
    // Keyed only once the row is known good, so a bad row never shifts the keys of the rows after it.
    const importKey = keyer.next(draft.identity);
    const entry: TimeEntry = {
      id: importKey,
      clientName: draft.clientName,
      date: formatIsoDate(draft.day),
      minutes: secondsToMinutes(draft.seconds),
      billable: draft.billable,
      source: vendor.source,
      importKey,
    };
    if (client) entry.clientId = client.id;
    if (draft.description) entry.description = draft.description;
    if (amount) {
      entry.amountMinor = amount.minor;
      entry.currency = amount.currency;
    }
    entries.push(entry);
  }
  if (table.error) errors.push(table.error);
  errors.sort((a, b) => a.line - b.line);
  return {
    entries: errors.length > 0 && !options.allowPartial ? [] : entries,
    errors,
    skipped,
    rows: table.rows.length,
  };
}

/** Normalised identity of a start/end pair (ISO date + seconds), robust to a spreadsheet's re-formatting. */
export function identityOfTimes<K extends string>(
  row: RowReader<K>,
  keys: { startDate: K; startTime: K; endDate: K; endTime: K },
): (string | number | undefined)[] {
  const endDay = row.get(keys.endDate) === '' ? undefined : row.date(keys.endDate);
  return [
    formatIsoDate(row.date(keys.startDate)),
    row.time(keys.startTime),
    endDay === undefined ? undefined : formatIsoDate(endDay),
    row.time(keys.endTime),
  ];
}

/** The columns Toggl's and Clockify's detailed reports share, under the same meaning. */
export type DetailedReportKey =
  | 'user'
  | 'email'
  | 'client'
  | 'project'
  | 'task'
  | 'description'
  | 'billable'
  | 'startDate'
  | 'startTime'
  | 'endDate'
  | 'endTime'
  | 'duration'
  | 'amount';

/** Reads one row of a start/end detailed report (Toggl, Clockify) into a time-entry draft. */
export function readDetailedReportRow(row: RowReader<DetailedReportKey>): TimeDraft | 'skip' {
  const seconds = row.duration('duration');
  // A timer still running when the report was made has no duration yet.
  if (seconds === undefined || seconds === 0) return 'skip';
  const day = row.date('startDate');
  const clientName = row.get('client');
  const description = row.get('description') || row.get('task') || row.get('project');
  return {
    clientName,
    projectName: row.get('project'),
    day,
    seconds,
    // Without a Billable column (plans without billable rates), client work counts as billable.
    billable: row.yesNo('billable', clientName !== ''),
    ...(row.has('amount')
      ? { amount: { key: 'amount', currency: extractCurrency(row.headerOf('amount')) } }
      : {}),
    ...(description ? { description } : {}),
    identity: [
      row.get('email') || row.get('user'),
      clientName,
      row.get('project'),
      row.get('task'),
      row.get('description'),
      ...identityOfTimes(row, {
        startDate: 'startDate',
        startTime: 'startTime',
        endDate: 'endDate',
        endTime: 'endTime',
      }),
      seconds,
    ],
  };
}
