import { describe, expect, it } from 'vitest';
import type { LedgerClient } from '../../../shared/ledger.js';
import { FIXTURE_CLIENTS, fixture } from './fixtures/clients.js';
import { importFritzBox, parseFritzDate, parseFritzDuration } from './import-fritzbox.js';
import { applyImport, createLedger } from './ledger.js';

const options = { clients: FIXTURE_CLIENTS, timeZone: 'Europe/Berlin', region: 'DE' as const };
const HEAD = 'sep=;\nTyp;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer\n';

describe('FRITZ!Box call list', () => {
  it('reads the German export: kinds, local times in the user zone, numbers in any notation', () => {
    const r = importFritzBox(fixture('fritzbox-de.csv'), options);
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(9);
    expect(
      r.entries.map((c) => [c.clientId, c.kind, c.at, c.minutes, c.scheduled, c.note ?? '']),
    ).toEqual([
      ['acme', 'call', '2026-12-02T13:05:00.000Z', 12, false, ''],
      ['acme', 'missed-call', '2026-12-02T10:40:00.000Z', 0, false, ''],
      ['acme', 'missed-call', '2026-12-01T17:02:00.000Z', 0, false, 'rejected'],
      ['acme', 'call', '2026-12-01T15:30:00.000Z', 7, true, 'outgoing call'],
      ['acme', 'voicemail', '2026-12-01T08:15:00.000Z', 1, false, ''], // the box's answering machine
      // A caller sending its own number besides the network's: the one in brackets is the line's.
      ['acme', 'call', '2026-11-27T16:45:00.000Z', 65, false, ''],
      ['globex', 'call', '2026-11-26T07:00:00.000Z', 30, false, ''],
    ]);
    expect(r.unmatched).toBe(1); // "Mama"
    expect(r.skippedReasons).toEqual([{ reason: 'outgoing calls nobody answered', count: 1 }]);
    expect(r.skipped).toBe(2);
    expect(r.entries.every((c) => c.source === 'import:calls' && c.id === c.importKey)).toBe(true);
  });

  it('reads the English export (CRLF, "Outgoing Caller ID") and matches by name when no number', () => {
    const r = importFritzBox(fixture('fritzbox-en.csv'), options);
    expect(r.errors).toEqual([]);
    expect(r.entries.map((c) => [c.clientId, c.kind, c.at, c.minutes, c.scheduled])).toEqual([
      ['globex', 'call', '2026-12-02T08:30:00.000Z', 42, false],
      ['globex', 'missed-call', '2026-12-02T07:10:00.000Z', 0, false],
      ['globex', 'call', '2026-12-01T14:00:00.000Z', 5, true],
      ['acme', 'call', '2026-12-01T11:00:00.000Z', 3, false], // alias "Acme GmbH"
    ]);
    expect(r.unmatched).toBe(1);
  });

  it('finds columns by header in the other English variants and without a Name column', () => {
    for (const header of [
      'Type;Date;Name;Number;Extension;Telephone Number;Duration',
      'Type;Date;Name;Telephone number;Extension;Telephone number;Duration',
      'Typ;Datum;Name;Rufnummer;Landes-/Ortsnetzbereich;Nebenstelle;Eigene Rufnummer;Dauer',
    ]) {
      const cells = header
        .split(';')
        .map((h) =>
          h === 'Type' || h === 'Typ'
            ? '1'
            : h === 'Date' || h === 'Datum'
              ? '02.12.26 14:05'
              : h === 'Duration' || h === 'Dauer'
                ? '0:03'
                : h === 'Name'
                  ? ''
                  : h === 'Landes-/Ortsnetzbereich'
                    ? 'Berlin'
                    : h === 'Extension' || h === 'Nebenstelle'
                      ? 'Office'
                      : '030 1234567',
        );
      const r = importFritzBox(`sep=;\n${header}\n${cells.join(';')}\n`, options);
      expect(r.errors, header).toEqual([]);
      expect(
        r.entries.map((c) => [c.clientId, c.minutes]),
        header,
      ).toEqual([['acme', 3]]);
    }
    const old = importFritzBox(
      'Typ;Datum;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer\n2;02.12.26 14:05;030 1234567;;1;0:00\n',
      options,
    );
    expect(old.entries.map((c) => c.kind)).toEqual(['missed-call']);
  });

  it('reads a Latin-1 file (umlauts in names and extensions) like its UTF-8 twin', () => {
    const bytes = fixture('fritzbox-latin1.csv');
    expect(bytes.includes(0xfc)).toBe(true); // "ü" as one Latin-1 byte: not valid UTF-8
    const r = importFritzBox(bytes, options);
    expect(r.errors).toEqual([]);
    expect(r.entries.map((c) => [c.clientId, c.kind, c.at])).toEqual([
      ['mueller', 'call', '2026-12-02T09:00:00.000Z'],
      ['mueller', 'missed-call', '2026-12-01T12:13:00.000Z'],
      ['acme', 'call', '2026-11-30T15:00:00.000Z'], // by number; "Straßenbau Acme" is no name of Acme
    ]);
    const utf8 = Buffer.from(new TextDecoder('windows-1252').decode(bytes), 'utf8');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    for (const same of [utf8, withBom]) {
      expect(importFritzBox(same, options).entries).toEqual(r.entries);
    }
  });

  it('reads local times through the DST changes of the user zone', () => {
    const rows = [
      '1;29.03.26 01:59;;030 1234567;;1;0:01', // CET
      '1;29.03.26 02:30;;030 1234567;;1;0:01', // in the gap: read with the offset before it
      '1;29.03.26 03:00;;030 1234567;;1;0:01', // CEST
      '1;25.10.26 02:30;;030 1234567;;1;0:01', // twice that night: the earlier (CEST)
      '1;25.10.26 03:00;;030 1234567;;1;0:01', // CET again
    ];
    const r = importFritzBox(HEAD + rows.join('\n'), options);
    expect(r.entries.map((c) => c.at)).toEqual([
      '2026-03-29T00:59:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
    const ny = importFritzBox(HEAD + '1;08.03.26 02:30;;+12125550199;;1;0:01\n', {
      ...options,
      timeZone: 'America/New_York',
    });
    expect(ny.entries.map((c) => c.at)).toEqual(['2026-03-08T07:30:00.000Z']);
  });

  it('matches national numbers in the region of the user, and clients stored in any notation', () => {
    const clients: LedgerClient[] = [
      { id: 'wien', name: 'Wien AG', currency: 'EUR', phones: ['+43 1 5880 0'] },
      { id: 'nyc', name: 'NYC LLC', currency: 'USD', phones: ['+1 212-555-0100'] },
    ];
    const text =
      HEAD + '1;02.12.26 14:05;;01 58800;;1;0:01\n1;02.12.26 15:05;;2125550100;;1;0:01\n';
    expect(
      importFritzBox(text, { clients, timeZone: 'Europe/Vienna', region: 'AT' }).entries.map(
        (c) => c.clientId,
      ),
    ).toEqual(['wien']);
    expect(
      importFritzBox(text, { clients, timeZone: 'America/New_York', region: 'US' }).entries.map(
        (c) => c.clientId,
      ),
    ).toEqual(['nyc']);
  });

  it('reports bad rows with line and column, and hands back the good ones only when allowed', () => {
    const text =
      HEAD +
      [
        '1;02.12.26 14:05;;030 1234567;;1;0:05',
        '7;02.12.26 14:05;;030 1234567;;1;0:05',
        '1;31.02.26 14:05;;030 1234567;;1;0:05',
        '1;2026-12-02 14:05;;030 1234567;;1;0:05',
        '1;02.12.26 14:05;;030 1234567;;1;5 min',
        '1;02.12.26 14:05;;030 1234567;;1',
      ].join('\n');
    const r = importFritzBox(text, options);
    expect(r.errors).toEqual([
      {
        line: 4,
        column: 'Typ',
        reason: '"7" is not a FRITZ!Box call type (1 incoming, 2 missed, 3 rejected, 4 outgoing)',
      },
      { line: 5, column: 'Datum', reason: '"31.02.26 14:05" is not a date like 02.12.26 14:05' },
      {
        line: 6,
        column: 'Datum',
        reason: '"2026-12-02 14:05" is not a date like 02.12.26 14:05',
      },
      { line: 7, column: 'Dauer', reason: '"5 min" is not a duration like 0:05 (hours:minutes)' },
      { line: 8, reason: '6 fields where the header has 7' },
    ]);
    expect(r.entries).toEqual([]);
    expect(importFritzBox(text, { ...options, allowPartial: true }).entries).toHaveLength(1);
    expect(importFritzBox('Datum;Name\n02.12.26 14:05;x\n', options).errors).toEqual(
      ['typ', 'rufnummer', 'dauer'].map((column) => ({
        line: 1,
        column,
        reason: 'missing column (is this a FRITZ!Box call list?)',
      })),
    );
  });

  it('keys rows stably, so importing the same list again adds nothing', () => {
    const first = importFritzBox(fixture('fritzbox-de.csv'), options).entries;
    const ledger = applyImport(createLedger(), first).state;
    const again = importFritzBox(fixture('fritzbox-de.csv'), options).entries;
    expect(applyImport(ledger, again).added).toEqual([]);
    expect(new Set(first.map((c) => c.id)).size).toBe(first.length);
  });

  it('parses its dates and durations strictly', () => {
    expect(parseFritzDate('02.12.26 14:05')).toBe(Date.UTC(2026, 11, 2, 14, 5));
    expect(parseFritzDate('2.1.2027 9:05')).toBe(Date.UTC(2027, 0, 2, 9, 5));
    expect(parseFritzDate('02.12.26 24:05')).toBeUndefined();
    expect(parseFritzDate('02.12.26')).toBeUndefined();
    expect(parseFritzDuration('0:00')).toBe(0);
    expect(parseFritzDuration('12:34')).toBe((12 * 60 + 34) * 60);
    expect(parseFritzDuration('0:60')).toBeUndefined();
    expect(parseFritzDuration('5')).toBeUndefined();
  });
});
