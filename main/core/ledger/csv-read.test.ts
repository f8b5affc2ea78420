import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, mapColumns, readCsv } from './csv-read.js';

describe('readCsv', () => {
  it('strips a BOM and keeps quoted commas, doubled quotes and line breaks in one field', () => {
    const t = readCsv('\uFEFFa,b,c\n1,"x, ""y""",3\n4,"two\nlines",6\n7,8,9\n');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['1', 'x, "y"', '3'] },
      { line: 3, cells: ['4', 'two\nlines', '6'] },
      { line: 5, cells: ['7', '8', '9'] },
    ]);
  });

  it('counts lines right with CRLF, also inside quoted fields and across blank lines', () => {
    const t = readCsv('a,b\r\n1,"x\r\ny"\r\n\r\n3,4\r\n');
    expect(t.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(t.rows[0]?.cells[1]).toBe('x\r\ny');
  });

  it('detects semicolons (German Excel) and tabs, and honours an Excel "sep=" line', () => {
    expect(readCsv('a;b\n1,5;2\n').rows[0]?.cells).toEqual(['1,5', '2']);
    expect(readCsv('a\tb\n1\t2\n').delimiter).toBe('\t');
    const t = readCsv('sep=;\na;b\n1;2\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.headerLine).toBe(2);
    expect(t.rows[0]?.line).toBe(3);
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
  });

  it('reports an unbalanced quote at the line where the field opens, keeping rows before it', () => {
    const t = readCsv('a,b,c\n1,2,3\n4,"open,6\n7,8,9\n');
    expect(t.rows.map((r) => r.line)).toEqual([2]);
    expect(t.error).toEqual({
      line: 3,
      column: 'b',
      reason: 'a quoted field is never closed (unbalanced quote)',
    });
  });

  it('counts rows of separators only as blank, not as data', () => {
    const t = readCsv('a;b\n1;2\n;\n');
    expect(t.rows).toHaveLength(1);
    expect(t.blankRows).toBe(1);
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 with BOM, Windows-1252 and UTF-16LE', () => {
    expect(decodeText(Buffer.from('\uFEFFMüller', 'utf8'))).toBe('Müller');
    expect(decodeText(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBe('Müller');
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;b', 'utf16le')])),
    ).toBe('a;b');
  });
});

describe('mapColumns', () => {
  it('matches headers case-insensitively, by prefix for "(" names, and lists missing required ones', () => {
    const { index, missing } = mapColumns(['Start Date', ' AMOUNT (EUR) ', 'x'], {
      start: { names: ['start date'], required: true },
      amount: { names: ['amount ('] },
      duration: { names: ['duration'], required: true },
    });
    expect(index).toEqual({ start: 0, amount: 1 });
    expect(missing).toEqual(['duration']);
  });
});
