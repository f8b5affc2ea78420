import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RateReport } from '../../shared/rate-case.js';
import { openStore } from '../core/store/store.js';
import { sampleClient } from '../core/store/test-support.js';
import { type CliRun, runCli } from './run-cli.js';

const TOGGL = fileURLToPath(new URL('../core/ledger/fixtures/toggl-detailed.csv', import.meta.url));

let dir: string;
let dataDir: string;

const cli = (...argv: string[]): Promise<CliRun> => runCli(dataDir, ...argv);

/** A data folder in UTC (not the machine's zone) with Acme GmbH at €100/h. */
function withClient(folder: string): void {
  const store = openStore(folder, { watch: false });
  store.update((d) => {
    d.settings.userTimeZone = 'UTC';
    // The hand-worked report spans two weeks of billed hours: accept them as evidence.
    d.settings.ledger.minBilledWeeks = 1;
    d.clients.push(
      sampleClient(1, { id: 'acme', name: 'Acme GmbH', hourlyRateMinor: 10_000, locale: 'en' }),
    );
  });
  store.close();
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-ledger-cli-'));
  dataDir = join(dir, 'data');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('office-hours log', () => {
  it('logs contacts by client name, shows the week against the allowance, and undoes', async () => {
    withClient(dataDir);
    const first = await cli(
      'log',
      'acme',
      'call',
      '--at',
      '2025-03-04T10:00:00Z',
      '--minutes',
      '10',
    );
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Logged a call with Acme GmbH, Tue, 4 Mar 2025, 10:00 \(10 min\)\./);
    expect(first.out).toMatch(
      /Week of 2025-03-03: 1 unscheduled contact of 2 allowed \(1 contact in all\)/,
    );
    await cli('log', 'Acme GmbH', 'voicemail', '--at', '2025-03-05T10:00', '--note', 'call back');
    const third = await cli('log', 'ACME', 'call', '--at', '2025-03-06T10:00Z');
    expect(third.out).toMatch(/\(10 min by default, --minutes N to change\)/);
    expect(third.out).toMatch(/3 unscheduled contacts of 2 allowed — 1 over/);

    const undo = await cli('log', '--undo');
    expect(undo).toMatchObject({
      code: 0,
      out: 'Removed a call with Acme GmbH, Thu, 6 Mar 2025, 10:00.\n',
    });
    const report = JSON.parse(
      (await cli('report', '--from', '2025-03-01', '--to', '2025-03-31', '--json')).out,
    ) as RateReport;
    expect(report.clients[0]?.contacts).toMatchObject({
      total: 2,
      adHoc: 2,
      byKind: { call: 1, voicemail: 1 },
    });
  });

  it('reports a named period up to now: the last 12 weeks start on a Monday, eleven weeks before this one', async () => {
    withClient(dataDir);
    const run = await cli('report', '--period', 'last-12-weeks', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as RateReport;
    const from = new Date(report.from);
    const days = (Date.parse(report.to) - from.getTime()) / 86_400_000;
    // The data's zone is UTC: midnight of a Monday, 77 to 84 days before now.
    expect(report.timeZone).toBe('UTC');
    expect(from.getUTCDay()).toBe(1);
    expect(report.from.endsWith('T00:00:00.000Z')).toBe(true);
    expect(days).toBeGreaterThan(77);
    expect(days).toBeLessThanOrEqual(84);
    expect(await cli('report', '--period', 'last-week')).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /--period: "last-week" — allowed: last-12-weeks, this-week, this-month/,
      ),
    });
    expect(await cli('report', '--period', 'this-week', '--from', '2025-03-01')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--period names the whole period/),
    });
  });

  it('refuses unknown clients and kinds, and says what there is', async () => {
    withClient(dataDir);
    expect(await cli('log', 'Globex', 'call')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/no client named "Globex" \(see: office-hours clients list\)/),
    });
    expect(await cli('log', 'Acme', 'fax')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/kind: "fax" — allowed: call, missed-call, voicemail/),
    });
    expect(await cli('log', 'Acme', 'call', '--at', 'yesterday')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/at: "yesterday" — allowed: an ISO date and time with offset/),
    });
    expect(await cli('log', '--undo')).toMatchObject({ code: 1, out: 'Nothing to undo.\n' });
  });
});

describe('office-hours import', () => {
  it('imports a Toggl export once: dry run writes nothing, re-importing adds nothing', async () => {
    withClient(dataDir);
    const dataFile = join(dataDir, 'office-hours.json');
    const before = readFileSync(dataFile, 'utf8');
    const dry = await cli('import', 'toggl', TOGGL, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('7 rows — 6 new, 0 already imported (skipped), 1 left out, 0 errors');
    expect(dry.out).toContain(
      'Dry run: nothing written. Without --dry-run this adds 6 time entries.',
    );
    expect(dry.out).toMatch(/2025-03-03 {2}Acme GmbH {2}billable {2}90 min {2}€180/);
    expect(readFileSync(dataFile, 'utf8')).toBe(before);

    const real = await cli('import', 'toggl', TOGGL);
    expect(real.out).toContain('Imported 6 time entries.');
    expect(real.out).toContain('3 time entries match none of your clients (shown as unassigned)');
    const again = await cli('import', 'toggl', TOGGL);
    expect(again).toMatchObject({ code: 0 });
    expect(again.out).toContain('0 new, 6 already imported (skipped)');
    expect(again.out).toContain('Nothing new to import.');
  });

  it('reports each bad row as file:line:column and exits 1 when nothing was imported', async () => {
    withClient(dataDir);
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'Client,Description,Billable,Start date,Start time,Duration\n' +
        'Acme GmbH,ok,Yes,2025-03-03,09:00:00,01:00:00\n' +
        'Acme GmbH,bad date,Yes,2025-02-30,09:00:00,01:00:00\n' +
        'Acme GmbH,bad duration,Yes,2025-03-04,09:00:00,an hour\n',
    );
    const refused = await cli('import', 'toggl', bad);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n').filter(Boolean)).toEqual([
      `${bad}:3:4: "2025-02-30" is not a date (column "Start date")`,
      `${bad}:4:6: "an hour" is not a duration (column "Duration")`,
    ]);
    expect(refused.out).toContain(
      'Nothing imported: fix the rows below, or import the 1 good ones with --allow-partial.',
    );
    const partial = await cli('import', 'toggl', bad, '--allow-partial');
    expect(partial).toMatchObject({
      code: 0,
      out: expect.stringContaining('Imported 1 time entry.'),
    });

    writeFileSync(bad, 'Who,When\nAcme,today\n');
    const wrong = await cli('import', 'harvest', bad);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: column "date": missing column`),
    );
    expect(await cli('import', 'excel', bad)).toMatchObject({ code: 2 });
  });
});

describe('office-hours report', () => {
  it('prints the table, the reasons and the wording, with numbers worked out by hand', async () => {
    withClient(dataDir);
    await cli('import', 'toggl', TOGGL);
    for (const at of ['2025-03-04T10:00Z', '2025-03-05T10:00Z'])
      await cli('log', 'Acme', 'call', '--at', at, '--minutes', '10');
    await cli('log', 'Acme', 'voicemail', '--at', '2025-03-06T10:00Z', '--minutes', '2');
    /*
     * March 2025 in UTC, Acme: billed 90' + 135' = 225' (3.75 h) at the tracker's €180 + €270 = €450;
     * 3 unscheduled contacts, 22 unbilled minutes, overhead 3 × 23 = 69'; effective rate
     * 45000 × 60 / (225 + 22 + 69) = 2 700 000 / 316 = 8544.3 → €85.44; allowance 2 × 31/7 = 8.9.
     */
    const { code, out } = await cli('report', '--from', '2025-03-01', '--to', '2025-03-31');
    expect(code).toBe(0);
    expect(out).toContain('Rate case 1 Mar 2025 – 31 Mar 2025 (UTC)');
    expect(out).toMatch(/Acme GmbH +3\.8 +€450 +3 +3 \/ 8\.9 +1\.2 +€85\.44\/h +raise the rate/);
    expect(out).toContain(
      'That makes an effective rate of €85.44/h against your target of €100/h.',
    );
    expect(out).toContain('3 time entries (6.3 h) match none of your clients.');
    expect(out).toContain('── Wording for Acme GmbH (rate change notice, en) ──');
    expect(out).toContain('my hourly rate for your work will be €141 instead of €100');

    const german = await cli(
      'report',
      '--from',
      '2025-03-01',
      '--to',
      '2025-03-31',
      '--lang',
      'de',
    );
    expect(german.out).toContain('statt bisher 100');
    const json = JSON.parse(
      (await cli('report', '--from', '2025-03-01', '--to', '2025-03-31', '--json')).out,
    ) as RateReport;
    expect(json.clients[0]).toMatchObject({
      billedHours: 3.75,
      revenue: { amount: 450, currency: 'EUR' },
      effectiveHourlyRate: { amount: 85.44 },
    });
    expect(await cli('report', '--from', 'March')).toMatchObject({ code: 2 });
  });

  it("prints a client's period week by week with --client, and names an unknown client", async () => {
    withClient(dataDir);
    for (const at of [
      '2025-03-04T10:00Z',
      '2025-03-05T10:00Z',
      '2025-03-06T10:00Z',
      '2025-03-11T10:00Z',
    ])
      await cli('log', 'Acme', 'call', '--at', at);
    // Saturday 1 March to Wednesday 12 March (a --to date is the period's last day), long over:
    // 2, 7 and 3 days of three weeks.
    const period = ['--from', '2025-03-01', '--to', '2025-03-12'];
    const { code, out } = await cli('report', ...period, '--client', 'acme');
    expect(code).toBe(0);
    expect(out).toContain('Acme GmbH week by week');
    const rows = out.split('\n').filter((l) => /^\d+ \w{3} 2025 /.test(l));
    expect(rows.map((l) => l.replace(/ +/g, ' ').trim())).toEqual([
      '24 Feb 2025 2 0 0.6 within',
      '3 Mar 2025 7 3 2 over',
      '10 Mar 2025 3 1 0.9 over',
    ]);
    const json = JSON.parse(
      (await cli('report', ...period, '--client', 'Acme', '--json')).out,
    ) as RateReport;
    expect(json.clients[0]?.weeks?.map((w) => w.adHoc)).toEqual([0, 3, 1]);
    // Without --client, no weeks.
    expect((await cli('report', ...period)).out).not.toContain('week by week');
    expect(await cli('report', ...period, '--client', 'Nobody')).toMatchObject({
      code: 2,
      err: expect.stringContaining('no client named "Nobody" (see: office-hours clients list)'),
    });
  });
});

describe('office-hours export / import-all', () => {
  it('moves the whole data set, journalled contacts included, to another folder', async () => {
    withClient(dataDir);
    await cli('log', 'Acme', 'call', '--at', '2025-03-04T10:00Z');
    const file = join(dir, 'everything.json');
    const exported = await cli('export', file);
    expect(exported).toMatchObject({
      code: 0,
      out: expect.stringContaining(
        'Exported 1 clients, 0 calendars, 1 contacts and 0 time entries',
      ),
    });

    const other = join(dir, 'other');
    copyFileSync(file, join(dir, 'copy.json'));
    dataDir = other;
    const imported = await cli('import-all', join(dir, 'copy.json'));
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(
      'Imported 1 clients, 0 calendars, 1 contacts and 0 time entries',
    );
    const report = JSON.parse(
      (await cli('report', '--from', '2025-03-01', '--to', '2025-03-31', '--json')).out,
    ) as RateReport;
    expect(report.clients[0]?.contacts.total).toBe(1);
    expect(await cli('import-all', join(dir, 'missing.json'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/cannot read the file \(ENOENT\)/),
    });
  });
});
