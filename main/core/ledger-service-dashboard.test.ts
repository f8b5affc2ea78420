import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_TEXT_MAX_CHARS, parseApiInput } from '../../shared/api.js';
import type { LedgerService } from './ledger-service.js';
import { tempLedger } from './ledger-test-support.js';
import { sampleClient } from './store/test-support.js';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./ledger/fixtures/${name}`, import.meta.url)), 'utf8');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** "Now": Wednesday 12 March 2025, 12:00 UTC (week 2025-W11, Monday 10 March). */
const NOW = Date.parse('2025-03-12T12:00:00Z');

function setup(): LedgerService {
  return tempLedger(cleanups, {
    prefix: 'oh-dash-',
    now: () => NOW,
    data: (d) => {
      d.settings.userTimeZone = 'UTC';
      d.clients.push(
        sampleClient(1, {
          id: 'acme',
          name: 'Acme GmbH',
          hourlyRateMinor: 10_000,
          phones: ['+49 30 1234567'],
        }),
      );
    },
  }).ledger;
}

describe('LedgerService for the dashboard', () => {
  it('previews an export sent as text, imports it, and takes the import back', () => {
    const ledger = setup();
    const text = fixture('toggl-detailed.csv');
    const preview = ledger.importText({ kind: 'toggl', name: 'toggl.csv', text, dryRun: true });
    expect(preview).toMatchObject({ file: 'toggl.csv', dryRun: true, imported: false, added: 6 });
    expect(ledger.report({ from: '2025-03-01', to: '2025-03-31' }).clients[0]?.billedHours).toBe(0);

    const done = ledger.importText({ kind: 'toggl', name: 'toggl.csv', text });
    expect(done).toMatchObject({ imported: true, added: 6 });
    const billed = ledger.report({ from: '2025-03-01', to: '2025-03-31' }).clients[0]?.billedHours;
    expect(billed).toBeGreaterThan(0);

    expect(ledger.undoImport({})).toEqual({ kind: 'toggl', removed: 6 });
    expect(ledger.report({ from: '2025-03-01', to: '2025-03-31' }).clients[0]?.billedHours).toBe(0);
    expect(ledger.undoImport({})).toEqual({ kind: null, removed: 0 });
    // Undone, the same file imports again as new.
    expect(ledger.importText({ kind: 'toggl', name: 'toggl.csv', text }).added).toBe(6);
  });

  it('undoes a call-log import as one step', () => {
    const ledger = setup();
    const done = ledger.importText({
      kind: 'calls',
      name: 'calls.csv',
      text: fixture('calls.csv'),
    });
    expect(done.imported).toBe(true);
    expect(ledger.listContacts({}).length).toBe(done.added);
    expect(ledger.undoImport({})).toEqual({ kind: 'calls', removed: done.added });
    expect(ledger.listContacts({})).toEqual([]);
  });

  it('reports bad rows with line, column and reason, and writes nothing', () => {
    const ledger = setup();
    const text =
      'Date,Time,Name,Number,Direction,Duration,Missed\n' +
      '2025-03-03,08:12,Peter Acme,+49 30 1234567,incoming,0:04:35,no\n' +
      '2025-03-32,09:00,Peter Acme,+49 30 1234567,incoming,0:01:00,no\n';
    const summary = ledger.importText({ kind: 'calls', name: 'bad.csv', text });
    expect(summary.imported).toBe(false);
    expect(summary.errors[0]).toMatchObject({ line: 3, column: 'Date', columnNumber: 1 });
    expect(summary.errors[0]?.reason).toBeTruthy();
    expect(ledger.listContacts({})).toEqual([]);
  });

  it('refuses text over the size limit, naming the field', () => {
    const text = 'x'.repeat(IMPORT_TEXT_MAX_CHARS + 1);
    expect(() => parseApiInput('importText', { kind: 'toggl', name: 'big.csv', text })).toThrow(
      /^text: .* the file is over 4 MB/,
    );
  });

  it('gives twelve weeks, the rhythm of unscheduled contacts and the case over the same period', () => {
    const ledger = setup();
    // Tuesdays at 09:xx UTC, in W10 and W11; one Friday 15:00; one scheduled call that does not count.
    for (const at of ['2025-03-04T09:05:00Z', '2025-03-11T09:40:00Z', '2025-03-07T15:00:00Z'])
      ledger.logContact({ clientId: 'acme', kind: 'call', at });
    ledger.logContact({
      clientId: 'acme',
      kind: 'call',
      at: '2025-03-05T10:00:00Z',
      scheduled: true,
    });
    ledger.logContact({ clientId: 'acme', kind: 'voicemail', at: '2025-01-01T09:00:00Z' });
    const d = ledger.clientDetail({ clientId: 'acme' });
    expect(d.weeks.map((w) => w.key)).toHaveLength(12);
    expect(d.weeks[0]?.start).toBe('2024-12-23');
    expect(d.weeks.at(-1)).toMatchObject({ key: '2025-W11', start: '2025-03-10', adHoc: 1 });
    // The scheduled call of W10 is not stacked: every bar adds up to the week's unscheduled total.
    expect(d.weeks.at(-2)?.byKind).toEqual({
      call: 2,
      'missed-call': 0,
      voicemail: 0,
      'ad-hoc-meeting': 0,
    });
    for (const w of d.weeks)
      expect(
        Object.values(w.byKind).reduce((s, n) => s + n, 0),
        w.key,
      ).toBe(w.adHoc);
    expect(d.from).toBe('2024-12-23T00:00:00.000Z');
    expect(d.report.contacts.adHoc).toBe(4);
    // Twelve whole weeks of allowance: the unfinished week runs to now, so it counts in full.
    expect(d.report.allowance).toBe(24);
    expect(d.rhythm[1]?.[9]).toBe(2);
    expect(d.rhythm[4]?.[15]).toBe(1);
    expect(d.rhythm[2]?.[10]).toBe(0);
    expect(d.busiest).toEqual({ weekday: 1, hour: 9, count: 2 });
    expect(() => ledger.clientDetail({ clientId: 'nobody' })).toThrow(/no client with id nobody/);
  });

  it('reports this week and this month up to now', () => {
    const ledger = setup();
    expect(ledger.report({ preset: 'this-week' }).from).toBe('2025-03-10T00:00:00.000Z');
    expect(ledger.report({ preset: 'this-month' }).from).toBe('2025-03-01T00:00:00.000Z');
    // The twelve weeks of a client's chart: Monday 23 December 2024 up to now.
    const twelve = ledger.report({ preset: 'last-12-weeks' });
    expect(twelve.from).toBe('2024-12-23T00:00:00.000Z');
    expect(twelve.to).toBe(new Date(NOW).toISOString());
    // Twelve weeks back from this week's Monday; a Sunday still belongs to the week before.
    const from = (now: string): string =>
      tempLedger(cleanups, {
        prefix: 'oh-dash-',
        now: () => Date.parse(now),
        data: (d) => void (d.settings.userTimeZone = 'UTC'),
      }).ledger.report({ preset: 'last-12-weeks' }).from;
    expect(from('2025-03-17T15:00:00Z')).toBe('2024-12-30T00:00:00.000Z');
    expect(from('2025-03-23T23:00:00Z')).toBe('2024-12-30T00:00:00.000Z');
    expect(from('2025-03-24T00:00:00Z')).toBe('2025-01-06T00:00:00.000Z');
  });

  it('allows the whole week for a period that has not ended, and pro rata for days gone by', () => {
    const ledger = setup();
    const allowance = (input: Parameters<LedgerService['report']>[0]): number | undefined =>
      ledger.report(input).clients[0]?.allowance;
    // Wednesday: this week allows its 2, as the tray's "3 of 2 this week" does — not 3/7 of them.
    expect(allowance({ preset: 'this-week' })).toBe(2);
    // 1–12 March up to now: to the end of this week, 16 days.
    expect(allowance({ preset: 'this-month' })).toBe(Math.round(((2 * 16) / 7) * 10) / 10);
    expect(allowance({ preset: 'last-12-weeks' })).toBe(24);
    // Three days last week, over and done: three sevenths of the week's allowance.
    expect(allowance({ from: '2025-03-03', to: '2025-03-05' })).toBe(0.9);
    expect(ledger.report({ from: '2025-03-03', to: '2025-03-05' }).openEnded).toBe(false);
    // Chosen days up to today have not ended either: Monday to Sunday's allowance, as the preset.
    expect(allowance({ from: '2025-03-10', to: '2025-03-12' })).toBe(2);
    expect(ledger.report({ from: '2025-03-10', to: '2025-03-12' }).openEnded).toBe(true);
    // Today alone: today and the days left of the week (Wednesday to Sunday).
    expect(allowance({ from: '2025-03-12', to: '2025-03-12' })).toBe(1.4);
    // With neither bound, the default months run to now as well: up to Sunday 16 March.
    expect(allowance({})).toBe(Math.round(((2 * (31 + 28 + 16)) / 7) * 10) / 10);
  });

  it("gives the period's weeks of the client asked for, by the period's own rules", () => {
    const ledger = setup();
    // The user's zone here is UTC: Sunday 9 March 23:30 still belongs to the week of 3 March.
    for (const at of ['2025-03-04T09:00:00Z', '2025-03-09T23:30:00Z', '2025-03-11T09:00:00Z'])
      ledger.logContact({ clientId: 'acme', kind: 'call', at });
    ledger.logContact({ clientId: 'acme', kind: 'email', at: '2025-03-11T10:00:00Z' });
    ledger.logContact({
      clientId: 'acme',
      kind: 'call',
      at: '2025-03-05T10:00:00Z',
      scheduled: true,
    });
    ledger.logContact({ clientId: 'acme', kind: 'voicemail', at: '2025-02-20T09:00:00Z' });
    const utc = ledger.report({ from: '2025-03-04', to: '2025-03-12', weeksOf: 'acme' });
    const acme = utc.clients[0];
    expect(acme?.weeks).toEqual([
      // Tuesday to Sunday of a week gone by: six sevenths of 2.
      { monday: '2025-03-03', days: 6, adHoc: 2, allowance: 1.7, over: true },
      // The period runs to today (Wednesday): this week's allowance counts in full.
      { monday: '2025-03-10', days: 3, adHoc: 1, allowance: 2, over: false },
    ]);
    // The weeks add up to the period's own count.
    expect(acme?.weeks?.reduce((n, w) => n + w.adHoc, 0)).toBe(acme?.contacts.adHoc);
    // Without weeksOf, no weeks: a report of many clients over years stays small.
    expect(
      ledger.report({ from: '2025-03-04', to: '2025-03-12' }).clients[0]?.weeks,
    ).toBeUndefined();
    expect(() => ledger.report({ weeksOf: 'nobody' })).toThrow(/weeksOf: "nobody".*no such client/);
  });

  it('dates the reasons in the locale asked for, when it is of the language asked for', () => {
    const ledger = setup();
    const demand = (input: Parameters<LedgerService['report']>[0]): string =>
      ledger.report({ from: '2025-01-06', to: '2025-01-31', ...input }).clients[0]?.recommendation
        .reasons[0] ?? '';
    expect(demand({ language: 'en', locale: 'en-GB' })).toContain('from 6 January 2025');
    expect(demand({ language: 'en', locale: 'en-US' })).toContain('from January 6, 2025');
    // Austrian German names January "Jänner".
    expect(demand({ language: 'de', locale: 'de-AT' })).toContain('vom 6. Jänner 2025');
    expect(demand({ language: 'de', locale: 'de-DE' })).toContain('vom 6. Januar 2025');
    // A locale of another language does not change the words the language asked for.
    expect(demand({ language: 'de', locale: 'en-GB' })).toContain('hat Sie vom 6. Januar 2025');
    expect(
      ledger.clientDetail({ clientId: 'acme', language: 'en', locale: 'en-GB' }).report
        .recommendation.reasons[0],
    ).toContain('from 23 December 2024');
    expect(() => ledger.report({ locale: 'not a tag!' })).toThrow(
      /locale.*a language tag such as en-GB or de-AT/,
    );
  });
});
