import { describe, expect, it } from 'vitest';
import { FIXTURE_CLIENTS, fixture } from './fixtures/clients.js';
import { importCallLog } from './import-calls.js';
import { applyImport, createLedger } from './ledger.js';

const options = {
  clients: FIXTURE_CLIENTS,
  timeZone: 'Europe/Berlin',
  defaultRegion: 'DE' as const,
};

describe('call-log import', () => {
  it('matches calls to clients by any notation of their number, else by name, and skips strangers', () => {
    const r = importCallLog(fixture('calls.csv'), options);
    expect(r.errors).toEqual([]);
    expect(r.unmatched).toBe(1); // "Mum"
    expect(r.skipped).toBe(1);
    // Shown in the preview as the log writes the caller, so the user sees whom nobody matched.
    expect(r.unmatchedCalls).toEqual([
      {
        when: expect.any(String),
        client: 'Mum',
        matched: false,
        what: 'call',
        minutes: expect.any(Number),
      },
    ]);
    expect(r.entries.map((c) => [c.clientId, c.kind, c.at, c.minutes, c.scheduled])).toEqual([
      ['acme', 'call', '2025-03-03T07:12:00.000Z', 5, false],
      ['acme', 'missed-call', '2025-03-03T11:40:00.000Z', 0, false],
      ['acme', 'voicemail', '2025-03-03T17:05:00.000Z', 1, false],
      ['acme', 'call', '2025-03-04T09:00:00.000Z', 4, true], // outgoing: the user chose the moment
      ['globex', 'call', '2025-03-05T13:20:00.000Z', 25, false],
    ]);
    expect(r.entries.every((c) => c.source === 'import:calls' && c.importKey === c.id)).toBe(true);
  });

  it('reads a German export (semicolons, Windows-1252, day-first dates, summer time) and adds nothing twice', () => {
    const r = importCallLog(fixture('calls-german.csv'), options);
    expect(r.errors).toEqual([]);
    expect(r.entries.map((c) => [c.clientId, c.kind, c.at, c.minutes])).toEqual([
      ['acme', 'call', '2025-03-03T07:12:00.000Z', 5],
      ['acme', 'missed-call', '2025-03-31T07:00:00.000Z', 0], // CEST: UTC+2
      ['mueller', 'call', '2025-03-31T15:45:00.000Z', 2],
    ]);
    const ledger = applyImport(createLedger(), r.entries).state;
    expect(
      applyImport(ledger, importCallLog(fixture('calls-german.csv'), options).entries).added,
    ).toEqual([]);
  });

  it('takes instants with an offset as they are, and a combined date-time column', () => {
    const text =
      'Date,Number,Direction,Duration\n2025-03-03T08:12:00+01:00,030 1234567,in,60\n2025-03-04 16:30,030 1234567,in,0\n';
    const r = importCallLog(text, options);
    expect(r.entries.map((c) => [c.at, c.kind])).toEqual([
      ['2025-03-03T07:12:00.000Z', 'call'],
      ['2025-03-04T15:30:00.000Z', 'missed-call'], // incoming with 0 s: nobody picked up
    ]);
  });

  it('reports missing columns and bad rows with line and column', () => {
    expect(importCallLog('Date,Direction\n2025-03-03,in\n', options).errors).toEqual([
      { line: 1, column: 'name or number', reason: 'missing column' },
    ]);
    const text = [
      'Date,Time,Number,Direction,Duration,Missed',
      '2025-03-03,08:00,030 1234567,in,60,no',
      '2025-13-03,08:00,030 1234567,in,60,no',
      '2025-03-03,8 Uhr,030 1234567,in,60,no',
      '2025-03-03,08:00,030 1234567,sideways,60,no',
      '2025-03-03,08:00,030 1234567,in,1 min,no',
      '2025-03-03,08:00,030 1234567,in,60,perhaps',
      '2025-03-03,08:00,030 1234567,in,60,no,extra',
    ].join('\n');
    const r = importCallLog(text, options);
    expect(r.errors).toEqual([
      { line: 3, column: 'Date', reason: '"2025-13-03" is not a date' },
      { line: 4, column: 'Time', reason: '"8 Uhr" is not a time of day' },
      {
        line: 5,
        column: 'Direction',
        reason: '"sideways" is not a call direction (incoming, outgoing, missed, voicemail)',
      },
      { line: 6, column: 'Duration', reason: '"1 min" is not a duration' },
      { line: 7, column: 'Missed', reason: '"perhaps" is neither yes nor no' },
      {
        line: 8,
        reason: '7 fields where the header has 6 (an unquoted separator or decimal comma?)',
      },
    ]);
    expect(r.entries).toEqual([]);
    expect(importCallLog(text, { ...options, allowPartial: true }).entries).toHaveLength(1);
  });

  it('reports an unbalanced quote and imports nothing', () => {
    const r = importCallLog(
      'Date,Name,Direction\n2025-03-03 08:00,Acme,in\n2025-03-03 09:00,"Acme,in\n',
      options,
    );
    expect(r.entries).toEqual([]);
    expect(r.errors).toEqual([
      { line: 3, column: 'Name', reason: 'a quoted field is never closed (unbalanced quote)' },
    ]);
  });
});
