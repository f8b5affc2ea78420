import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParsePool, closeSharedParsePool, parseInWorker, workerEntry } from './parse-pool.js';
import { SourceError } from './source-error.js';
import { smallIcs } from './test-feed-server.js';
import type { ExpandOptions } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const WINDOW: ExpandOptions = {
  from: Date.parse('2025-03-01T00:00:00Z'),
  to: Date.parse('2025-04-01T00:00:00Z'),
  tz: 'UTC',
};
let pool: ParsePool;
let dir: string;

beforeAll(async () => {
  pool = new ParsePool();
  dir = await mkdtemp(join(tmpdir(), 'oh-pool-'));
});
afterAll(async () => {
  await pool.close();
  await closeSharedParsePool();
  await rm(dir, { recursive: true, force: true });
});

/** Counts timer ticks while `work` runs: proof that the main thread kept going. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ ticks: number; outcome: T | unknown }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const outcome = await work.catch((e: unknown) => e);
  clearInterval(timer);
  return { ticks, outcome };
}

describe('ParsePool', () => {
  it('parses a calendar in a worker and keeps the worker warm', async () => {
    const first = await pool.parse(smallIcs('Planning'), WINDOW);
    expect(first.events.map((e) => e.summary)).toEqual(['Planning']);
    expect(first.calendarName).toBe('Work');
    const second = await pool.parse(smallIcs('Review'), WINDOW);
    expect(second.events.map((e) => e.summary)).toEqual(['Review']);
    expect(pool.started).toBe(1);
    expect(workerEntry().bundled).toBe(false); // under Vitest: the .ts source through tsx
  });

  it('reads file and byte inputs in the worker, with their charset', async () => {
    const path = join(dir, 'latin1.ics');
    await writeFile(path, Buffer.from(smallIcs('Café'), 'latin1'));
    const fromFile = await pool.parse({ file: path, charset: 'iso-8859-1' }, WINDOW);
    expect(fromFile.events[0]?.summary).toBe('Café');
    const fromBytes = await pool.parse({ bytes: Buffer.from(smallIcs('Grüße')) }, WINDOW);
    expect(fromBytes.events[0]?.summary).toBe('Grüße');
  });

  it('brings back results larger than one message chunk in order', async () => {
    const ics = smallIcs('Hourly').replace(
      'DTEND:20250310T100000Z',
      'DTEND:20250310T093000Z\r\nRRULE:FREQ=HOURLY',
    );
    const result = await pool.parse(ics, WINDOW);
    // 10 Mar 09:00 to 1 Apr 00:00, hourly.
    expect(result.events).toHaveLength(22 * 24 - 9);
    expect(result.events.every((e, i, all) => i === 0 || (all[i - 1]?.start ?? 0) < e.start)).toBe(
      true,
    );
  });

  it('keeps descriptions and locations in the worker: the main thread never holds them', async () => {
    const ics = smallIcs('Board call').replace(
      'SUMMARY:Board call',
      'SUMMARY:Board call\r\nDESCRIPTION:Dial-in secret 4711\r\nLOCATION:Room of secrets',
    );
    const result = await pool.parse(ics, WINDOW);
    expect(result.events.map((e) => e.summary)).toEqual(['Board call']);
    expect(JSON.stringify(result.events)).not.toMatch(/secret/);
  });

  it('rejects text that is not a calendar with a parse error', async () => {
    const error = await pool.parse('<p>hello</p>', WINDOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'parse' });
    expect((error as Error).message).toMatch(/^not a readable calendar: /);
  });

  it('terminates a worker that exceeds its time limit while the main thread goes on', async () => {
    const { ticks, outcome } = await ticksDuring(
      pool.parse('x', WINDOW, { timeoutMs: 300, testHook: 'hang' }),
    );
    expect(outcome).toMatchObject({
      code: 'parse',
      message: 'took longer than 0.3 s to read; the calendar may be broken',
    });
    expect(ticks).toBeGreaterThan(5);
    expect((await pool.parse(smallIcs('After'), WINDOW)).events).toHaveLength(1);
  });

  it('turns out-of-memory in the worker into an error, not a crash', async () => {
    const { outcome } = await ticksDuring(
      pool.parse('x', WINDOW, { maxOldGenerationSizeMb: 32, testHook: 'oom' }),
    );
    expect(outcome).toMatchObject({
      code: 'parse',
      message: 'needed more than 32 MB of memory to read; the calendar may be broken',
    });
    expect((await pool.parse(smallIcs('Still here'), WINDOW)).events).toHaveLength(1);
  });

  it('queues jobs beyond its size and fails them when closed', async () => {
    const small = new ParsePool({ maxWorkers: 1 });
    const running = small.parse('x', WINDOW, { testHook: 'hang' }).catch((e: unknown) => e);
    const queued = small.parse(smallIcs('Later'), WINDOW).catch((e: unknown) => e);
    await small.close();
    expect(await running).toMatchObject({ code: 'parse', message: 'cancelled' });
    expect(await queued).toMatchObject({ code: 'parse', message: 'cancelled' });
    expect(small.size).toBe(0);
  });

  it('offers a shared pool through parseInWorker', async () => {
    const result = await parseInWorker(smallIcs('Shared'), WINDOW);
    expect(result.events[0]?.summary).toBe('Shared');
  });
});

describe('the bundled worker', () => {
  it('is found beside the bundle and used without tsx', async () => {
    // Build like scripts/build.mjs (the worker beside the entry), in a folder whose parents hold node_modules.
    const cache = join(repo, 'node_modules', '.cache');
    await mkdir(cache, { recursive: true });
    const out = await mkdtemp(join(cache, 'oh-bundle-'));
    try {
      const common = {
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        packages: 'external',
        logLevel: 'warning',
      } as const;
      await build({
        ...common,
        entryPoints: [join(here, 'parse-pool.ts')],
        outfile: join(out, 'cli.js'),
      });
      await build({
        ...common,
        entryPoints: [join(here, 'parse-worker.ts')],
        outfile: join(out, 'parse-worker.js'),
      });
      const script = `
        const { parseInWorker, workerEntry, closeSharedParsePool } = await import(${JSON.stringify(pathToFileURL(join(out, 'cli.js')).href)});
        const result = await parseInWorker(${JSON.stringify(smallIcs('Bundled'))}, ${JSON.stringify(WINDOW)});
        console.log(JSON.stringify({ entry: workerEntry().url.pathname.split('/').pop(), bundled: workerEntry().bundled, summary: result.events[0].summary }));
        await closeSharedParsePool();`;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', script],
        { cwd: tmpdir() },
      );
      expect(JSON.parse(stdout)).toEqual({
        entry: 'parse-worker.js',
        bundled: true,
        summary: 'Bundled',
      });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
