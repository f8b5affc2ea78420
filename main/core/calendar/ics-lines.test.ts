import { describe, expect, it } from 'vitest';
import { ContentLineReader } from './ics-lines.js';
import { decodeIcsBytes, paramValue, splitTextList, unescapeText } from './ics-text.js';

function readAll(
  text: string,
): Array<{ line: number; name: string; params: string; value: string; ok: boolean }> {
  const reader = new ContentLineReader(text);
  const out = [];
  while (reader.next()) {
    out.push({
      line: reader.line,
      name: reader.name,
      params: reader.params,
      value: reader.value,
      ok: reader.wellFormed,
    });
  }
  return out;
}

describe('ContentLineReader', () => {
  it('splits name, parameters and value, with a colon inside quotes kept in the parameters', () => {
    expect(readAll('attendee;CN="Doe, Jane: CEO";ROLE=CHAIR:mailto:jane@example.com\r\n')).toEqual([
      {
        line: 1,
        name: 'ATTENDEE',
        params: 'CN="Doe, Jane: CEO";ROLE=CHAIR',
        value: 'mailto:jane@example.com',
        ok: true,
      },
    ]);
  });

  it('unfolds continuation lines, skips blank lines and keeps the starting line number', () => {
    const text = 'BEGIN:VEVENT\r\n\r\nDESCRIPTION:one\r\n  two\r\n\tthree\r\nSUMMARY:x\r\n';
    expect(readAll(text).map((l) => [l.line, l.name, l.value])).toEqual([
      [1, 'BEGIN', 'VEVENT'],
      [3, 'DESCRIPTION', 'one twothree'],
      [6, 'SUMMARY', 'x'],
    ]);
  });

  it('unfolds a line whose name itself is folded', () => {
    expect(readAll('DTST\n ART:20240101\n').map((l) => [l.name, l.value])).toEqual([
      ['DTSTART', '20240101'],
    ]);
  });

  it('marks a line without any colon as not well formed', () => {
    expect(readAll('just some words\nX:1\n').map((l) => [l.name, l.ok])).toEqual([
      ['JUST SOME WORDS', false],
      ['X', true],
    ]);
  });

  it('reads a slice of a text with its own first line number', () => {
    const text = 'A:1\nB:2\nC:3\n';
    const reader = new ContentLineReader(text, 4, 8, 2);
    expect(reader.next()).toBe(true);
    expect([reader.line, reader.name, reader.value]).toEqual([2, 'B', '2']);
    expect(reader.next()).toBe(false);
  });
});

describe('text helpers', () => {
  it('reads parameter values, quoted or not, case-insensitively', () => {
    expect(paramValue('VALUE=DATE;tzid="Europe/Berlin"', 'TZID')).toBe('Europe/Berlin');
    expect(paramValue('CN="a;b";X=1', 'X')).toBe('1');
    expect(paramValue('CN=x', 'TZID')).toBeUndefined();
  });

  it('undoes TEXT escapes and splits lists on unescaped commas', () => {
    expect(unescapeText('a\\, b\\; c\\\\d\\ne\\Nf')).toBe('a, b; c\\d\ne\nf');
    expect(splitTextList('a,b\\,c,d')).toEqual(['a', 'b\\,c', 'd']);
  });

  it('decodes UTF-8 split across a fold, and falls back to Windows-1252', () => {
    const bytes = new Uint8Array([
      ...Buffer.from('SUMMARY:caf'),
      0xc3,
      0x0d,
      0x0a,
      0x20,
      0xa9,
      ...Buffer.from('!\r\n'),
    ]);
    const original = Uint8Array.from(bytes);
    expect(readAll(decodeIcsBytes(bytes))[0]?.value).toBe('café!');
    expect(bytes).toEqual(original);
    expect(decodeIcsBytes(new Uint8Array([0x53, 0x3a, 0xe9, 0x0a]))).toBe('S:é\n');
    expect(decodeIcsBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });
});
