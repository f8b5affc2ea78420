import { describe, expect, it } from 'vitest';
import { FIXTURE_CLIENTS, fixture } from './fixtures/clients.js';
import { importTimeCsv } from './import-any.js';
import { importClockify } from './import-clockify.js';
import { mergeImported } from './ledger.js';

const clients = FIXTURE_CLIENTS;
const HEADER =
  'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)';

describe('Clockify detailed report', () => {
  it('imports the export (US dates, AM/PM times, currency in the header, a night crossing midnight)', () => {
    const r = importClockify(fixture('clockify-detailed.csv'), { clients });
    expect(r.errors).toEqual([]);
    expect(
      r.entries.map((e) => [e.clientId, e.date, e.minutes, e.billable, e.amountMinor, e.currency]),
    ).toEqual([
      ['globex', '2025-03-10', 150, true, 37_500, 'USD'],
      ['globex', '2025-03-11', 225, true, 56_250, 'USD'],
      // Amount 0.00 in USD for a EUR client: kept as the tracker wrote it; the analysis prices it at the rate.
      ['acme', '2025-03-12', 30, true, 0, 'USD'],
      [undefined, '2025-03-13', 20, false, 0, 'USD'],
    ]);
    expect(r.entries[1]?.description).toBe('Synthesis "v2"');
    expect(
      mergeImported(
        r.entries,
        importClockify(fixture('clockify-detailed.csv'), { clients }).entries,
      ).added,
    ).toEqual([]);
  });

  it('is recognised by its header', () => {
    expect(importTimeCsv(fixture('clockify-detailed.csv')).format).toBe('clockify');
  });

  it('falls back to "Duration (decimal)" and reads decimal commas', () => {
    const text =
      'Project;Client;Description;Billable;Start Date;Duration (decimal);Billable Amount (EUR)\r\nP;Acme GmbH;D;Yes;13.03.2025;1,25;150,00\r\n';
    const r = importClockify(text, { clients });
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => [e.date, e.minutes, e.amountMinor, e.currency])).toEqual([
      ['2025-03-13', 75, 15_000, 'EUR'],
    ]);
  });

  it('reports missing columns, bad dates, times and durations', () => {
    expect(importClockify('Project,Client,Description\nP,C,D\n').errors).toEqual([
      { line: 1, column: 'start date', reason: 'missing column' },
      { line: 1, column: 'duration (h)', reason: 'missing column' },
    ]);
    const row = (date: string, time: string, duration: string): string =>
      `P,Globex Corporation,D,,Anna,,a@x.com,,Yes,${date},${time},${date},10:00:00 AM,${duration},1.00,150.00,150.00`;
    const text = [
      HEADER,
      row('03/10/2025', '09:00:00 AM', '01:00:00'),
      row('13/13/2025', '09:00:00 AM', '01:00:00'),
      row('03/11/2025', '25:00', '01:00:00'),
      row('03/12/2025', '09:00:00 AM', '1h'),
    ].join('\n');
    const r = importClockify(text, { clients });
    expect(r.errors).toEqual([
      { line: 3, column: 'Start Date', reason: '"13/13/2025" is not a date' },
      { line: 4, column: 'Start Time', reason: '"25:00" is not a time of day' },
      { line: 5, column: 'Duration (h)', reason: '"1h" is not a duration' },
    ]);
    expect(r.entries).toEqual([]);
  });
});
