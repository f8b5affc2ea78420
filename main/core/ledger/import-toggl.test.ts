import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../shared/ledger.js';
import { FIXTURE_CLIENTS, fixture } from './fixtures/clients.js';
import { importTimeCsv } from './import-any.js';
import { importToggl } from './import-toggl.js';
import { applyImport, createLedger } from './ledger.js';

const clients = FIXTURE_CLIENTS;

describe('Toggl detailed report', () => {
  it('imports the export (BOM, quoted commas and quotes, a multi-line description)', () => {
    const r = importToggl(fixture('toggl-detailed.csv'), { clients });
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(7);
    expect(r.skipped).toBe(1); // the running timer
    expect(
      r.entries.map((e) => [
        e.clientId,
        e.clientName,
        e.date,
        e.minutes,
        e.billable,
        e.amountMinor,
        e.currency,
      ]),
    ).toEqual([
      ['acme', 'Acme GmbH', '2025-03-03', 90, true, 18_000, 'EUR'],
      ['acme', 'Acme GmbH', '2025-03-03', 135, true, 27_000, 'EUR'],
      ['mueller', 'Müller & Söhne', '2025-03-04', 120, true, 19_000, 'EUR'],
      ['acme', 'Acme GmbH', '2025-03-05', 15, false, 0, 'EUR'],
      [undefined, '', '2025-03-05', 60, false, undefined, undefined],
      ['globex', 'Globex Inc.', '2025-03-06', 200, true, undefined, undefined],
    ]);
    expect(r.entries[0]?.description).toBe('Call re: hero section, "urgent"');
    expect(r.entries[2]?.description).toBe('Interviews\nTeil 2');
    expect(new Set(r.entries.map((e) => e.importKey)).size).toBe(6);
    expect(r.entries.every((e) => e.source === 'toggl' && e.id === e.importKey)).toBe(true);
  });

  it('reads the same report after German Excel (semicolons, CRLF, Windows-1252, 04.03.2025, 1.234,50) to the same keys', () => {
    const original = importToggl(fixture('toggl-detailed.csv'), { clients });
    const excel = importToggl(fixture('toggl-german-excel.csv'), { clients });
    expect(excel.errors).toEqual([]);
    expect(excel.entries.slice(0, 6).map((e) => e.importKey)).toEqual(
      original.entries.map((e) => e.importKey),
    );
    expect(excel.entries[2]?.clientName).toBe('Müller & Söhne');
    const launch = excel.entries[6];
    expect([launch?.date, launch?.minutes, launch?.amountMinor]).toEqual([
      '2025-03-10',
      617,
      123_450,
    ]);

    // Importing the original, then the re-saved copy, adds only the one new row.
    let ledger = applyImport(createLedger<TimeEntry>(), original.entries).state;
    const second = applyImport(ledger, excel.entries);
    expect(second.added.map((e) => e.description)).toEqual(['Launch week']);
    expect(second.duplicates).toBe(6);
    ledger = second.state;
    expect(
      applyImport(ledger, importToggl(fixture('toggl-detailed.csv'), { clients }).entries).added,
    ).toEqual([]);
  });

  it('is recognised by its header', () => {
    expect(importTimeCsv(fixture('toggl-detailed.csv')).format).toBe('toggl');
  });

  const HEADER =
    'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';
  const row = (
    over: Partial<Record<'date' | 'duration' | 'amount' | 'billable', string>> = {},
  ): string =>
    `Anna,a@x.de,Acme GmbH,P,,Work,${over.billable ?? 'Yes'},${over.date ?? '2025-03-03'},09:00:00,2025-03-03,10:00:00,${over.duration ?? '01:00:00'},,${over.amount ?? '120.00'}`;

  it('reports a missing column at the header line and imports nothing', () => {
    const r = importToggl(
      'User,Email,Client,Project,Description,Billable,Start date,Start time\nAnna,a@x.de,Acme,P,W,Yes,2025-03-03,09:00:00\n',
    );
    expect(r.entries).toEqual([]);
    expect(r.errors).toEqual([{ line: 1, column: 'duration', reason: 'missing column' }]);
  });

  it('reports a bad date, a bad duration and a bad amount with line and column, importing nothing', () => {
    const text = [
      HEADER,
      row(),
      row({ date: '2025-02-30' }),
      row({ duration: 'an hour' }),
      row({ amount: '12 EUR 50' }),
      row({ billable: 'perhaps' }),
    ].join('\n');
    const r = importToggl(text, { clients });
    expect(r.errors).toEqual([
      { line: 3, column: 'Start date', reason: '"2025-02-30" is not a date' },
      { line: 4, column: 'Duration', reason: '"an hour" is not a duration' },
      { line: 5, column: 'Amount (EUR)', reason: '"12 EUR 50" is not an amount' },
      { line: 6, column: 'Billable', reason: '"perhaps" is neither yes nor no' },
    ]);
    expect(r.entries).toEqual([]);
    const partial = importToggl(text, { clients, allowPartial: true });
    expect(partial.entries).toHaveLength(1);
    expect(partial.errors).toHaveLength(4);
  });

  it('reports an unquoted decimal comma that splits a row', () => {
    const r = importToggl([HEADER, row({ amount: '120,00' })].join('\n'));
    expect(r.errors).toEqual([
      {
        line: 2,
        reason: '15 fields where the header has 14 (an unquoted separator or decimal comma?)',
      },
    ]);
  });

  it('reports an unbalanced quote at the line it opens', () => {
    const text = [
      HEADER,
      row(),
      'Anna,a@x.de,Acme GmbH,P,,"Unclosed description,Yes,2025-03-04,09:00:00,2025-03-04,10:00:00,01:00:00,,120.00',
      row(),
    ].join('\r\n');
    const r = importToggl(text, { clients });
    expect(r.entries).toEqual([]);
    expect(r.errors).toEqual([
      {
        line: 3,
        column: 'Description',
        reason: 'a quoted field is never closed (unbalanced quote)',
      },
    ]);
  });
});
