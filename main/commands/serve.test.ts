/**
 * `office-hours serve` end to end, as a user runs it: the built command in a child process, a client
 * added and linked from the command line, overrides given by a second process, the link read over HTTP.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'office-hours.js');
const built = existsSync(join(import.meta.dirname, '..', '..', 'dist', 'cli.js'));

let dir: string;
let serve: ChildProcess;
let statusUrl: string;
let dashboardUrl: string;

async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [bin, '--data-dir', dir, ...args]);
  return stdout;
}

/** Polls the JSON until `predicate` holds or `ms` pass; returns how long it took. */
async function waitFor(
  url: string,
  predicate: (body: Record<string, unknown>) => boolean,
  ms: number,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const body = (await (await fetch(url)).json()) as Record<string, unknown>;
    if (predicate(body)) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!built)('office-hours serve (built command)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oh-serve-'));
    await cli('clients', 'add', 'Acme', '--domain', 'acme.com');
    serve = spawn(process.execPath, [bin, '--data-dir', dir, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      serve.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const status = /^Status server: (\S+)$/m.exec(out);
        const dashboard = /^Dashboard: (\S+)$/m.exec(out);
        if (status?.[1] && dashboard?.[1]) {
          statusUrl = status[1];
          dashboardUrl = dashboard[1];
          resolve();
        }
      });
      serve.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
    });
  });

  afterAll(async () => {
    if (serve.exitCode === null) serve.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the client link and follows an override from another process within a second', async () => {
    const link = (await cli('clients', 'link', 'Acme', '--base', statusUrl)).trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{22,}$/);
    await cli('override', 'available', '--for', '2h');
    await waitFor(`${link}.json`, (b) => b.available === true, 5000);
    await cli('override', 'unavailable', '--for', '30m');
    // By hand "unavailable" turns an available stretch into 'away' but keeps a more telling state
    // (outside working hours after 17:00): the link must show what the core itself says now.
    const expected = JSON.parse(await cli('status', '--json')) as { state: string };
    expect(['away', 'off-hours']).toContain(expected.state);
    const took = await waitFor(
      `${link}.json`,
      (b) => b.available === false && b.state === expected.state,
      5000,
    );
    expect(took).toBeLessThan(1000);
    const page = await fetch(link);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain(
      expected.state === 'away' ? 'Away' : 'Outside working hours',
    );
  });

  it('stops answering a rotated link at once', async () => {
    const old = (await cli('clients', 'link', 'Acme', '--base', statusUrl)).trim();
    expect((await fetch(`${old}.json`)).status).toBe(200);
    await cli('clients', 'rotate', 'Acme');
    const fresh = (await cli('clients', 'link', 'Acme', '--base', statusUrl)).trim();
    await waitFor(`${fresh}.json`, () => true, 5000).catch(() => undefined);
    const deadline = Date.now() + 2000;
    while ((await fetch(`${old}.json`)).status !== 404 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(`${old}.json`)).status).toBe(404);
    expect((await fetch(`${fresh}.json`)).status).toBe(200);
  });

  it('keeps the dashboard API on loopback behind its token', async () => {
    const base = dashboardUrl.split('#')[0] as string;
    const denied = await fetch(`${base}api/getStatus`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(denied.status).toBe(401);
    const token = decodeURIComponent(dashboardUrl.split('#token=')[1] ?? '');
    const ok = await fetch(`${base}api/getStatus`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => serve.once('exit', resolve));
    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
