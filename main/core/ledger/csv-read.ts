/**
 * Reads an exported CSV file into a header and rows with their line numbers, whatever the exporter
 * or a spreadsheet did to it: UTF-8 with or without BOM, UTF-16 (Excel "Unicode text"), Windows-1252
 * (German Excel), CRLF, comma/semicolon/tab separators, an Excel "sep=;" first line, quoted fields
 * holding separators, quotes and line breaks. Parsing is csv-parse's; this adds the line bookkeeping
 * that lets importers say "line 7, column Duration: …".
 */
import { parse } from 'csv-parse/sync';
import type { ImportError } from '../../../shared/ledger.js';

/** One data row: its cells and the 1-based line of the file where it starts. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A parsed file. */
export interface CsvTable {
  /** Header cells as written (trimmed). */
  header: string[];
  /** 1-based line of the header. */
  headerLine: number;
  rows: CsvRow[];
  delimiter: string;
  /** Rows that consisted of separators only (Excel leaves those below the data). */
  blankRows: number;
  /** A quoting error that stopped the parse; rows before it are in `rows`. */
  error?: ImportError;
}

/** Decodes file bytes: BOM-marked UTF-16/UTF-8, else UTF-8, else Windows-1252 when UTF-8 is invalid. */
export function decodeText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  if (input[0] === 0xff && input[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(input.subarray(2));
  if (input[0] === 0xfe && input[1] === 0xff)
    return new TextDecoder('utf-16be').decode(input.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    return new TextDecoder('windows-1252').decode(input);
  }
}

/** Counts a character outside double quotes in one line of text. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ch) n++;
  }
  return n;
}

/** The separator of a header line: whichever of , ; tab occurs most outside quotes (comma on a tie). */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = countOutsideQuotes(headerLine, ',');
  for (const candidate of [';', '\t']) {
    const n = countOutsideQuotes(headerLine, candidate);
    if (n > bestCount) {
      best = candidate;
      bestCount = n;
    }
  }
  return best;
}

/** Maps UTF-8 byte offsets (what csv-parse counts) to 1-based lines; \r\n, \n and \r each end a line. */
class LineIndex {
  private readonly starts: number[] = [0];
  private readonly bytes: Uint8Array;

  constructor(text: string) {
    this.bytes = new TextEncoder().encode(text);
    const b = this.bytes;
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0x0a || (b[i] === 0x0d && b[i + 1] !== 0x0a)) this.starts.push(i + 1);
    }
  }

  /** The first non-blank line at or after a byte offset (where the next record starts). */
  recordLineAt(offset: number): number {
    let at = offset;
    while (at < this.bytes.length && (this.bytes[at] === 0x0a || this.bytes[at] === 0x0d)) at++;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** Parses a CSV text (or bytes) into a table; a quoting error ends the parse and is reported with its line. */
export function readCsv(input: string | Uint8Array): CsvTable {
  let text = decodeText(input);
  let lineOffset = 0;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  let delimiter: string;
  if (sep) {
    delimiter = sep[1] ?? ',';
    text = text.slice(sep[0].length);
    lineOffset = 1;
  } else {
    const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    delimiter = detectDelimiter(firstLine);
  }

  // csv-parse's own line counter counts a CRLF inside a quoted field twice; its byte counter is exact.
  const lines = new LineIndex(text);
  const records: CsvRow[] = [];
  let error: ImportError | undefined;
  let lastEnd = 0;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], ctx) => {
        records.push({ line: lines.recordLineAt(lastEnd) + lineOffset, cells: record });
        lastEnd = ctx.bytes;
        return null;
      },
    });
  } catch (e) {
    const err = e as { code?: string; message?: string; index?: unknown };
    const reason =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed (unbalanced quote)'
        : `unreadable CSV (${err.message ?? String(e)})`;
    error = { line: lines.recordLineAt(lastEnd) + lineOffset, reason };
    const name = typeof err.index === 'number' ? records[0]?.cells[err.index] : undefined;
    if (name !== undefined) error.column = name.trim();
  }

  const [head, ...body] = records;
  const table: CsvTable = {
    header: head ? head.cells.map((h) => h.trim()) : [],
    headerLine: head ? head.line : 1,
    rows: [],
    delimiter,
    blankRows: 0,
  };
  if (error) table.error = error;
  for (const row of body) {
    if (row.cells.every((c) => c.trim() === '')) table.blankRows++;
    else table.rows.push(row);
  }
  return table;
}

/**
 * The error for a row whose field count differs from the header's (empty trailing fields aside): too
 * many usually means an unquoted separator or decimal comma, too few a broken row. Undefined when fine.
 */
export function widthError(row: CsvRow, width: number): ImportError | undefined {
  if (row.cells.length < width)
    return { line: row.line, reason: `${row.cells.length} fields where the header has ${width}` };
  if (row.cells.slice(width).some((c) => c.trim() !== '')) {
    return {
      line: row.line,
      reason: `${row.cells.length} fields where the header has ${width} (an unquoted separator or decimal comma?)`,
    };
  }
  return undefined;
}

/** Normalises a header cell for matching: trimmed, lower-case, single spaces. */
export function normalizeHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Where to find one field in a file. */
export interface ColumnSpec {
  /** Accepted header names, lower-case. A name ending in "(" matches "amount (eur)" and "amount ()". */
  names: readonly string[];
  required?: boolean;
}

/** Column indexes by key, or the names of required columns the header lacks. */
export function mapColumns<K extends string>(
  header: readonly string[],
  specs: Readonly<Record<K, ColumnSpec>>,
): { index: Partial<Record<K, number>>; missing: string[] } {
  const normalized = header.map(normalizeHeader);
  const index: Partial<Record<K, number>> = {};
  const missing: string[] = [];
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    const at = normalized.findIndex((h) =>
      spec.names.some((name) => (name.endsWith('(') ? h.startsWith(name) : h === name)),
    );
    if (at >= 0) index[key] = at;
    else if (spec.required) missing.push(spec.names[0] ?? key);
  }
  return { index, missing };
}
