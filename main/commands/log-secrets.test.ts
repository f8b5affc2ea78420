import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../core/calendar/test-feed-server.js';
import { logDir } from '../core/log/log.js';
import { type CliRun, runCli } from './run-cli.js';

const SECRET = 'Zq7-secret-path-4b1e';
const TOKEN = 'tok3n-9f8e7d';
let dir: string;
let dataDir: string;
let server: FeedServer;
let turn = 0;

const cli = (...argv: string[]): Promise<CliRun> => runCli(dataDir, ...argv);

/** A port nothing listens on: a connection there fails as a network error. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function logText(): Promise<string> {
  const names = await readdir(logDir(dataDir));
  return (await Promise.all(names.map((n) => readFile(join(logDir(dataDir), n), 'utf8')))).join('');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-log-secrets-'));
  dataDir = join(dir, 'data');
  server = await startFeedServer((req, res) => {
    turn++;
    // Echo the secret address back, the way some servers put it in their error pages.
    if (req.url?.includes('/broken/')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><body>Sign in to see ${req.url}</body></html>`);
      return;
    }
    res.writeHead(turn % 2 ? 500 : 403, { 'content-type': 'text/plain' });
    res.end(`no calendar at http://${req.headers.host}${req.url}`);
  });
}, 30_000);

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the log and secret feed addresses', () => {
  it('notes failing feeds and sync errors without their paths, tokens or passwords', async () => {
    const failing = server.url(`/private/${SECRET}/basic.ics?token=${TOKEN}`);
    const broken = server.url(`/broken/${SECRET}.ics?key=${TOKEN}`);
    const unreachable = `http://user:${TOKEN}@127.0.0.1:${await closedPort()}/cal/${SECRET}`;
    for (const location of [failing, broken, unreachable]) {
      const added = await cli('calendars', 'add', location, '--name', `n${location.length}`);
      expect(added.code, added.err + added.out).toBe(1);
    }
    const synced = await cli('calendars', 'sync');
    expect(synced.code).toBe(1);

    const text = await logText();
    // The failures are there (so the check below is not vacuous) …
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: string; msg: string; location?: string });
    const failures = lines.filter((l) => l.msg.startsWith('calendar failed to sync'));
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures.map((l) => l.location)).toContain(
      `http://127.0.0.1:${new URL(failing).port}/…`,
    );
    // … and no spelling of the secrets is.
    for (const secret of [SECRET, TOKEN, encodeURIComponent(SECRET)])
      expect(text).not.toContain(secret);
  });
});
