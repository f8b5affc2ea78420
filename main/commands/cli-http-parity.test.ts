/**
 * One bad input, one message: each row runs through the real built command (a child process) and
 * through the real dashboard API (`startDashboardServer` over the core, on 127.0.0.1), and expects
 * the same text from both — exit code 2 on the command line, 400, 404 or 409 over HTTP. A row whose
 * command line rightly words it otherwise (a client the user names, where the API takes an id) says why.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../shared/api.js';
import { type DashboardServer, startDashboardServer } from '../core/dashboard/dashboard-server.js';
import { createMemoryLog } from '../core/log/log.js';
import { OfficeHoursService } from '../core/service.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'office-hours.js');
const built = existsSync(join(import.meta.dirname, '..', '..', 'dist', 'cli.js'));
const INSTANT = 'an ISO date and time with offset, like 2026-11-27T15:00:00+01:00';

interface Row {
  what: string;
  cli: string[];
  method: ApiMethod;
  /** The request body; `acme` is the id of the client both data sets have. */
  input: (acme: string) => Record<string, unknown>;
  status: 400 | 404 | 409;
  message: string;
  /** Where the command line rightly says something else: why, and what it says. */
  cliDiffers?: { why: string; message: string };
}

const ROWS: Row[] = [
  {
    what: 'a currency that is no code',
    cli: ['clients', 'add', 'Beta', '--currency', 'EURO'],
    method: 'addClient',
    input: () => ({ name: 'Beta', currency: 'EURO' }),
    status: 400,
    message: 'currency: "EURO" — allowed: a three-letter code like EUR',
  },
  {
    what: 'an allowance out of range',
    cli: ['clients', 'add', 'Beta', '--allowance', '101'],
    method: 'addClient',
    input: () => ({ name: 'Beta', allowance: 101 }),
    status: 400,
    message: 'allowance: 101 — allowed: a whole number from 0 to 100',
  },
  {
    what: 'an unknown time zone',
    cli: ['clients', 'add', 'Beta', '--tz', 'Mars/Olympus'],
    method: 'addClient',
    input: () => ({ name: 'Beta', timeZone: 'Mars/Olympus' }),
    status: 400,
    message: 'timeZone: "Mars/Olympus" — allowed: an IANA time zone like Europe/Berlin',
  },
  {
    what: 'a client name that is taken',
    cli: ['clients', 'add', 'ACME'],
    method: 'addClient',
    input: () => ({ name: 'ACME' }),
    status: 409,
    message: 'name: "ACME" — there is already a client with this name',
  },
  {
    what: 'an unknown client id',
    cli: ['log', 'no-such-client', 'call'],
    method: 'logContact',
    input: () => ({ clientId: 'no-such-client', kind: 'call' }),
    status: 404,
    message: 'clientId: "no-such-client" — no such client',
    cliDiffers: {
      why: 'the command line takes a client by the name the user typed, the API by its id field',
      message: 'no client named "no-such-client" (see: office-hours clients list)',
    },
  },
  {
    what: 'an unknown kind of contact',
    cli: ['log', 'Acme', 'lunch'],
    method: 'logContact',
    input: (acme) => ({ clientId: acme, kind: 'lunch' }),
    status: 400,
    message:
      'kind: "lunch" — allowed: call, missed-call, voicemail, ad-hoc-meeting, scheduled-meeting, email, message',
  },
  {
    what: 'a contact longer than a day',
    cli: ['log', 'Acme', 'call', '--minutes', '2000'],
    method: 'logContact',
    input: (acme) => ({ clientId: acme, kind: 'call', minutes: 2000 }),
    status: 400,
    message: 'minutes: 2000 — allowed: a whole number from 0 to 1440',
  },
  {
    what: 'an override longer than two weeks',
    cli: ['override', 'unavailable', '--for', '15d'],
    method: 'setOverride',
    input: () => ({ mode: 'unavailable', minutes: 15 * 24 * 60 }),
    status: 400,
    message: 'minutes: 21600 — allowed: a whole number from 1 to 20160',
  },
  {
    what: 'an override until no instant',
    cli: ['override', 'available', '--until', 'soon'],
    method: 'setOverride',
    input: () => ({ mode: 'available', until: 'soon' }),
    status: 400,
    message: `until: "soon" — allowed: ${INSTANT}`,
  },
  {
    what: 'the status at no instant',
    cli: ['status', '--offline', '--at', 'tomorrow'],
    method: 'getStatus',
    input: () => ({ at: 'tomorrow' }),
    status: 400,
    message: `at: "tomorrow" — allowed: ${INSTANT}`,
  },
  {
    what: 'a report from no date',
    cli: ['report', '--from', 'last-week'],
    method: 'getReport',
    input: () => ({ from: 'last-week' }),
    status: 400,
    message: `from: "last-week" — allowed: a date like 2026-11-27 or ${INSTANT}`,
  },
  {
    what: 'a calendar refreshed never',
    cli: ['calendars', 'add', '/nowhere/work.ics', '--refresh', '0'],
    method: 'addCalendar',
    input: () => ({ location: '/nowhere/work.ics', refreshMinutes: 0 }),
    status: 400,
    message: 'refreshMinutes: 0 — allowed: a whole number from 1 to 1440',
  },
  {
    what: 'an import of a kind there is none of',
    cli: ['import', 'excel', '/nowhere/hours.csv'],
    method: 'importFile',
    input: () => ({ kind: 'excel', file: '/nowhere/hours.csv' }),
    status: 400,
    message: 'kind: "excel" — allowed: toggl, harvest, clockify, calls, fritzbox, android-calls',
  },
  {
    what: 'a setting out of range',
    cli: ['settings', 'set', 'recoveryMinutes', '500'],
    method: 'updateSettings',
    input: () => ({ recoveryMinutes: 500 }),
    status: 400,
    message: 'recoveryMinutes: 500 — allowed: a whole number from 0 to 240',
  },
  {
    what: 'a language there is none of',
    cli: ['settings', 'set', 'language', 'fr'],
    method: 'updateSettings',
    input: () => ({ language: 'fr' }),
    status: 400,
    message: 'language: "fr" — allowed: system, en, de',
  },
  {
    what: 'an unknown time zone in the settings',
    cli: ['settings', 'set', 'timeZone', 'Mars/Olympus'],
    method: 'updateSettings',
    input: () => ({ timeZone: 'Mars/Olympus' }),
    status: 400,
    message: 'timeZone: "Mars/Olympus" — allowed: an IANA time zone like Europe/Berlin',
  },
];

let root: string;
let cliData: string;
let service: OfficeHoursService;
let server: DashboardServer;
let acme: string;

function spawnCli(args: string[]): Promise<{ code: number; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, '--data-dir', cliData, ...args], (error, _out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, err });
    });
  });
}

/** The parts of an answer this test reads (an error, a new client's id, a setting, a list). */
interface Answer {
  error?: { message: string };
  id?: string;
  recoveryMinutes?: number;
  length?: number;
}

async function post(method: ApiMethod, input: unknown): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

describe.skipIf(!built)('the same bad input through the command line and the dashboard API', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'oh-parity-'));
    cliData = join(root, 'cli');
    service = await OfficeHoursService.open(
      { dataDir: join(root, 'http'), autoRefresh: false, storeOptions: { watch: false } },
      'cache-only',
    );
    server = await startDashboardServer({
      api: service,
      rendererDir: root,
      log: createMemoryLog(),
    });
    expect((await spawnCli(['clients', 'add', 'Acme'])).code).toBe(0);
    const added = await post('addClient', { name: 'Acme' });
    expect(added.status).toBe(200);
    acme = added.body.id ?? '';
  });

  afterAll(async () => {
    await server?.close();
    await service?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('gives the same message: exit 2 on the command line, 400/404/409 over HTTP', async () => {
    // Two at a time: the machine running the suite has few cores.
    const results: Array<{ code: number; err: string }> = [];
    for (let i = 0; i < ROWS.length; i += 2) {
      results.push(...(await Promise.all(ROWS.slice(i, i + 2).map((row) => spawnCli(row.cli)))));
    }
    for (const [i, row] of ROWS.entries()) {
      const http = await post(row.method, row.input(acme));
      expect({ what: row.what, status: http.status, message: http.body?.error?.message }).toEqual({
        what: row.what,
        status: row.status,
        message: row.message,
      });
      expect({ what: row.what, ...results[i] }).toEqual({
        what: row.what,
        code: 2,
        err: `office-hours ${row.cli[0]}: ${row.cliDiffers?.message ?? row.message}\n`,
      });
    }
    // Nothing was saved on either side.
    expect((await post('listClients', {})).body).toHaveLength(1);
    expect((await post('getSettings', {})).body.recoveryMinutes).toBe(23);
  });
});
