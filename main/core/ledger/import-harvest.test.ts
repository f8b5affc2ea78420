import { describe, expect, it } from 'vitest';
import { FIXTURE_CLIENTS, fixture } from './fixtures/clients.js';
import { importTimeCsv } from './import-any.js';
import { importHarvest } from './import-harvest.js';
import { applyImport, createLedger } from './ledger.js';

const clients = FIXTURE_CLIENTS;
const HEADER =
  'Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,First Name,Last Name,Employee Id,Roles,Teams,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,External Reference URL';

describe('Harvest detailed time report', () => {
  it('imports the export (CRLF, "Euro - EUR" currencies, two genuinely identical rows)', () => {
    const r = importHarvest(fixture('harvest-detailed.csv'), { clients });
    expect(r.errors).toEqual([]);
    expect(
      r.entries.map((e) => [
        e.clientId,
        e.date,
        e.minutes,
        e.billable,
        e.amountMinor,
        e.currency,
        e.description,
      ]),
    ).toEqual([
      ['acme', '2025-03-03', 30, true, 6_000, 'EUR', 'Weekly sync'],
      ['acme', '2025-03-03', 135, true, 27_000, 'EUR', 'Fix nav, footer'],
      ['acme', '2025-03-04', 30, true, 6_000, 'EUR', 'Weekly sync'],
      ['acme', '2025-03-05', 60, true, 12_000, 'EUR', 'Call'],
      ['acme', '2025-03-05', 60, true, 12_000, 'EUR', 'Call'],
      ['globex', '2025-03-06', 360, true, 90_000, 'USD', 'Workshop, day 1'],
      ['acme', '2025-03-07', 15, false, 0, 'EUR', 'Timesheets'],
    ]);
    // The two identical "Call" rows stay two entries with two keys…
    expect(r.entries[3]?.importKey).not.toBe(r.entries[4]?.importKey);
    // …and importing the file again adds nothing.
    const once = applyImport(createLedger(), r.entries).state;
    const again = applyImport(
      once,
      importHarvest(fixture('harvest-detailed.csv'), { clients }).entries,
    );
    expect(again.added).toEqual([]);
    expect(again.duplicates).toBe(7);
  });

  it('is recognised by its header', () => {
    expect(importTimeCsv(fixture('harvest-detailed.csv')).format).toBe('harvest');
  });

  it('reads hh:mm hours, decimal commas in a semicolon file, and day-first dates', () => {
    const text = [
      'Date;Client;Project;Task;Notes;Hours;Billable?;Billable Amount;Currency',
      '13.03.2025;Acme GmbH;P;T;N;1:45;Yes;210,00;EUR',
      '14.03.2025;Acme GmbH;P;T;N2;"2,5";Yes;300,00;EUR',
    ].join('\r\n');
    const r = importHarvest(text, { clients });
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => [e.date, e.minutes, e.amountMinor])).toEqual([
      ['2025-03-13', 105, 21_000],
      ['2025-03-14', 150, 30_000],
    ]);
  });

  it('reports missing columns, bad dates, hours and currencies with line and column', () => {
    expect(importHarvest('Date,Client,Project\n2025-03-03,Acme,P\n').errors).toEqual([
      { line: 1, column: 'hours', reason: 'missing column' },
    ]);
    const row = (date: string, hours: string, currency: string): string =>
      `${date},Acme GmbH,P,,T,N,${hours},${hours},Yes,No,Anna,Schmidt,,,,Yes,120.00,60.00,0,0,${currency},`;
    const text = [
      HEADER,
      row('2025-03-03', '0.5', 'EUR'),
      row('3rd March', '0.5', 'EUR'),
      row('2025-03-04', 'half', 'EUR'),
      row('2025-03-05', '0.5', 'Gold'),
    ].join('\n');
    const r = importHarvest(text, { clients });
    expect(r.errors).toEqual([
      { line: 3, column: 'Date', reason: '"3rd March" is not a date' },
      { line: 4, column: 'Hours', reason: '"half" is not a duration' },
      { line: 5, column: 'Currency', reason: '"Gold" names no known currency' },
    ]);
    expect(r.entries).toEqual([]);
    expect(importHarvest(text, { clients, allowPartial: true }).entries).toHaveLength(1);
  });

  it('reports an unbalanced quote', () => {
    const r = importHarvest(
      `${HEADER}\n2025-03-03,Acme GmbH,P,,T,"N,0.5,0.5,Yes,No,A,S,,,,Yes,1,1,0,0,EUR,\n`,
    );
    expect(r.errors).toEqual([
      { line: 2, column: 'Notes', reason: 'a quoted field is never closed (unbalanced quote)' },
    ]);
  });
});
