import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from './run-cli.js';

let dir: string;
let dataDir: string;

const cli = (...argv: string[]): Promise<CliRun> => runCli(dataDir, ...argv);

const DAY = 86_400_000;
const tomorrow = Math.floor(Date.now() / DAY) * DAY + DAY;
const stamp = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-cli-'));
  dataDir = join(dir, 'data');
  await writeFile(
    join(dir, 'focus.ics'),
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Office Hours tests//EN',
      'BEGIN:VEVENT',
      'UID:a',
      `DTSTAMP:${stamp(tomorrow)}`,
      `DTSTART:${stamp(tomorrow + 10 * 3_600_000)}`,
      `DTEND:${stamp(tomorrow + 12 * 3_600_000)}`,
      'SUMMARY:Secret project Falcon',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('office-hours calendars / status / override', () => {
  it('adds, lists, syncs and removes a calendar', async () => {
    const added = await cli(
      'calendars',
      'add',
      join(dir, 'focus.ics'),
      '--name',
      'Deep',
      '--focus',
    );
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/Added "Deep".*role focus/);
    expect(added.out).toMatch(/ok: 1 events in the window/);

    const listed = await cli('calendars', 'list', '--json');
    const rows = JSON.parse(listed.out) as {
      name: string;
      role: string;
      status: { ok: boolean };
    }[];
    expect(rows).toMatchObject([{ name: 'Deep', role: 'focus', status: { ok: true } }]);

    const synced = await cli('calendars', 'sync', 'deep');
    expect(synced.code).toBe(0);
    expect(synced.out).toMatch(/^Deep: ok/m);
  });

  it('prints the status at an instant, as text and JSON, without event titles', async () => {
    const text = await cli(
      'status',
      '--offline',
      '--at',
      new Date(tomorrow + 11 * 3_600_000).toISOString(),
    );
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Unavailable — focus time until/);
    const json = await cli(
      'status',
      '--offline',
      '--json',
      '--at',
      new Date(tomorrow + 11 * 3_600_000).toISOString(),
    );
    expect(JSON.parse(json.out)).toMatchObject({ state: 'focus', available: false });
    expect(json.out + text.out).not.toContain('Falcon');
  });

  it('sets an override for a duration and goes back to the calendar', async () => {
    const set = await cli('override', 'available', '--for', '2h');
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/\[set by hand\]/);
    const status = JSON.parse((await cli('status', '--offline', '--json')).out) as {
      overridden: boolean;
      state: string;
    };
    expect(status).toMatchObject({ overridden: true, state: 'available' });
    expect((await cli('override', 'auto')).out).not.toMatch(/set by hand/);
  });

  it('gives usage errors with exit code 2 and names what is wrong', async () => {
    const bad = await cli('override', 'available', '--for', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--for: "soon" — allowed: a duration like 30m/);
    const both = await cli(
      'override',
      'unavailable',
      '--for',
      '1h',
      '--until',
      '2030-01-01T00:00:00Z',
    );
    expect(both.code).toBe(2);
    const at = await cli('status', '--at', 'yesterday-ish');
    expect(at.code).toBe(2);
    expect(at.err).toBe(
      'office-hours status: at: "yesterday-ish" — allowed: an ISO date and time with offset, like 2026-11-27T15:00:00+01:00\n',
    );
    const unknown = await cli('calendars', 'remove', 'nothing-like-this');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/calendar: "nothing-like-this" — no such calendar/);
  });

  it('removes a calendar by name', async () => {
    expect((await cli('calendars', 'remove', 'Deep')).out).toMatch(/Removed "Deep"/);
    expect((await cli('calendars', 'list')).out).toMatch(/No calendars yet/);
  });
});
