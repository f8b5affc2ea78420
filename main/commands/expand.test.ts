import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli.js';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Office Hours tests//EN',
  'BEGIN:VEVENT',
  'UID:standup@test',
  'SUMMARY:Standup',
  'DTSTART;TZID=Europe/Berlin:20240902T093000',
  'DTEND;TZID=Europe/Berlin:20240902T094500',
  'RRULE:FREQ=DAILY;COUNT=3',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:holiday@test',
  'SUMMARY:Holiday',
  'DTSTART;VALUE=DATE:20240903',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const EXPECTED = [
  {
    uid: 'standup@test',
    start: '2024-09-02T07:30:00.000Z',
    end: '2024-09-02T07:45:00.000Z',
    allDay: false,
    summary: 'Standup',
  },
  { uid: 'holiday@test', start: '2024-09-03', end: '2024-09-04', allDay: true, summary: 'Holiday' },
  {
    uid: 'standup@test',
    start: '2024-09-03T07:30:00.000Z',
    end: '2024-09-03T07:45:00.000Z',
    allDay: false,
    summary: 'Standup',
  },
  {
    uid: 'standup@test',
    start: '2024-09-04T07:30:00.000Z',
    end: '2024-09-04T07:45:00.000Z',
    allDay: false,
    summary: 'Standup',
  },
];

let dir: string;
let server: Server;
let base: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['--data-dir', join(dir, 'data'), ...argv], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
  });
  return { code, out, err };
}

const WINDOW = ['--from', '2024-09-01T00:00:00Z', '--to', '2024-10-01T00:00:00Z', '--tz', 'UTC'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-expand-'));
  await writeFile(join(dir, 'team.ics'), ICS);
  await writeFile(
    join(dir, 'page.html'),
    '<!doctype html>\n<html><body>Please sign in</body></html>\n',
  );
  server = createServer((req, res) => {
    if (req.url === '/feeds/secret-token-123.ics?key=hunter2') {
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      res.end(ICS);
    } else {
      res.writeHead(404);
      res.end('not here');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('office-hours expand', () => {
  it('prints the occurrences of a file in the window as JSON', async () => {
    const { code, out, err } = await cli('expand', join(dir, 'team.ics'), ...WINDOW);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });

  it('reads the viewer zone from --tz for all-day dates', async () => {
    const { out } = await cli(
      'expand',
      join(dir, 'team.ics'),
      '--from',
      '2024-09-03T00:00:00Z',
      '--to',
      '2024-09-03T06:00:00Z',
      '--tz',
      'Pacific/Auckland',
    );
    // In Auckland 3 September starts at 12:00Z on the 2nd and ends at 12:00Z on the 3rd.
    expect((JSON.parse(out) as Array<{ uid: string }>).map((r) => r.uid)).toEqual(['holiday@test']);
  });

  it('fetches a URL', async () => {
    const { code, out } = await cli(
      'expand',
      `${base}/feeds/secret-token-123.ics?key=hunter2`,
      ...WINDOW,
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });

  it('names a failed URL only up to its host', async () => {
    const { code, err } = await cli(
      'expand',
      `${base}/feeds/other-secret.ics?key=hunter2`,
      ...WINDOW,
    );
    expect(code).toBe(1);
    expect(err).toBe(`office-hours expand: ${base}/…: HTTP 404\n`);
    expect(err).not.toContain('hunter2');
  });

  it('exits 1 naming the path when the file does not exist', async () => {
    const missing = join(dir, 'nope', 'missing.ics');
    const { code, out, err } = await cli('expand', missing, ...WINDOW);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`office-hours expand: ${missing}: no such file\n`);
  });

  it('exits 1 naming the file and line when it is not iCalendar', async () => {
    const { code, err } = await cli('expand', join(dir, 'page.html'), ...WINDOW);
    expect(code).toBe(1);
    expect(err).toBe(
      `office-hours expand: ${join(dir, 'page.html')}: line 1: not an iCalendar file (expected BEGIN:VCALENDAR)\n`,
    );
  });

  it('exits 2 with the usage line when the window is missing or wrong', async () => {
    const noFrom = await cli('expand', join(dir, 'team.ics'), '--to', '2024-10-01');
    expect(noFrom.code).toBe(2);
    expect(noFrom.err).toContain('--from is required');
    expect(noFrom.err).toContain('Usage: office-hours expand <file-or-url>');
    expect(
      (await cli('expand', join(dir, 'team.ics'), ...WINDOW.slice(0, 4), '--tz', 'Mars/Olympus'))
        .code,
    ).toBe(2);
    expect(
      (await cli('expand', join(dir, 'team.ics'), '--from', 'soon', '--to', '2024-10-01')).code,
    ).toBe(2);
  });
});
