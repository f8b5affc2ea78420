import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLog, createMemoryLog, logDir, logFile } from './log.js';
import { redactText } from './redact-log.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lines(path = logFile(dir)): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function allLogText(): Promise<string> {
  const names = await readdir(logDir(dir));
  const texts = await Promise.all(names.map((n) => readFile(join(logDir(dir), n), 'utf8')));
  return texts.join('\n');
}

describe('createLog', () => {
  it('writes one JSON line per call with level, time, message and fields', async () => {
    const log = createLog(dir);
    log.info('serve started', { port: 8080 });
    log.warn('calendar failed', { calendar: 'Work' });
    log.error('publishing failed', { level: 'not pino’s', code: 'EACCES' });
    log.close();
    log.info('after close: dropped');
    const written = await lines();
    expect(written.map((l) => [l.level, l.msg])).toEqual([
      ['info', 'serve started'],
      ['warn', 'calendar failed'],
      ['error', 'publishing failed'],
    ]);
    expect(written[0]).toMatchObject({ port: 8080, pid: process.pid });
    expect(Date.parse(String(written[0]?.time))).not.toBeNaN();
    expect(written[0]).not.toHaveProperty('hostname');
    // A field named like one of pino's own keys does not clobber it.
    expect(written[2]).toMatchObject({ level: 'error', level_: 'not pino’s', code: 'EACCES' });
  });

  it('keeps lines below the chosen level out', async () => {
    const log = createLog(dir, { level: 'warn' });
    log.info('chatty');
    log.warn('worth knowing');
    log.close();
    expect((await lines()).map((l) => l.msg)).toEqual(['worth knowing']);
  });

  it('appends to the file a previous run left', async () => {
    const first = createLog(dir);
    first.info('first run');
    first.close();
    const second = createLog(dir);
    second.info('second run');
    second.close();
    expect((await lines()).map((l) => l.msg)).toEqual(['first run', 'second run']);
  });

  it('never writes a web address past its host: messages, fields, nested values, errors, stacks, causes', async () => {
    const secret = 'p4ss-8d2f9a';
    const feed = `https://calendar.example.com/private/${secret}/basic.ics?token=${secret}`;
    const log = createLog(dir);
    const cause = new Error(`connect ECONNREFUSED webcal://cal.example.org/${secret}`);
    const error = new Error(`GET ${feed} answered 500`, { cause });
    Object.assign(error, { code: 'E_HTTP', url: feed });
    log.error(`sync of ${feed} failed`, {
      error,
      location: feed,
      nested: { list: [feed, { deeper: `WEBCAL://Cal.Example.org/${secret}` }] },
      url: new URL(feed),
      status: `http://127.0.0.1:4321/s/${secret}`,
    });
    log.close();
    const text = await allLogText();
    expect(text).not.toContain(secret);
    const [line] = await lines();
    expect(line?.msg).toBe('sync of https://calendar.example.com/… failed');
    expect(line?.location).toBe('https://calendar.example.com/…');
    expect(line?.status).toBe('http://127.0.0.1:4321/…');
    expect(line?.error).toMatchObject({
      type: 'Error',
      message: 'GET https://calendar.example.com/… answered 500',
      code: 'E_HTTP',
      cause: { message: 'connect ECONNREFUSED webcal://cal.example.org/…' },
    });
    expect(String((line?.error as { stack: string }).stack)).toContain('log.test.ts');
  });

  it('rotates by size and keeps only the newest files', async () => {
    const log = createLog(dir, { maxBytes: 2048, keep: 2 });
    for (let i = 0; i < 200; i++) log.info(`line ${i}`, { padding: 'x'.repeat(40) });
    log.close();
    const names = (await readdir(logDir(dir))).sort();
    expect(names).toEqual(['office-hours.log', 'office-hours.log.1', 'office-hours.log.2']);
    for (const name of names)
      expect((await stat(join(logDir(dir), name))).size).toBeLessThanOrEqual(2048);
    // Oldest first: .2, .1, current — together the newest lines without a gap, ending with the last.
    const kept = [
      ...(await lines(`${logFile(dir)}.2`)),
      ...(await lines(`${logFile(dir)}.1`)),
      ...(await lines()),
    ].map((l) => Number(String(l.msg).slice(5)));
    expect(kept.at(-1)).toBe(199);
    expect(kept[0]).toBeGreaterThan(0);
    expect(kept).toEqual(kept.map((_, i) => (kept[0] ?? 0) + i));
  });

  it('counts a file a previous run left toward the limit', async () => {
    await mkdir(logDir(dir), { recursive: true });
    await writeFile(logFile(dir), `${'{"old":true}\n'.repeat(200)}`);
    const log = createLog(dir, { maxBytes: 2048, keep: 1 });
    log.info('new run');
    log.close();
    expect((await lines()).map((l) => l.msg)).toEqual(['new run']);
    expect((await lines(`${logFile(dir)}.1`))[0]).toEqual({ old: true });
  });

  it('follows a rotation another process did instead of rotating again', async () => {
    const { rename } = await import('node:fs/promises');
    const log = createLog(dir, { maxBytes: 1024, keep: 3 });
    log.info('before');
    // What a second process (the app beside a CLI command) does when it rotates.
    await rename(logFile(dir), `${logFile(dir)}.1`);
    // About 1.5 KB: past the limit once, which must reopen the new file, not shift the other's.
    for (let i = 0; i < 12; i++) log.info(`after ${i}`, { padding: 'y'.repeat(60) });
    log.close();
    expect((await readdir(logDir(dir))).sort()).toEqual(['office-hours.log', 'office-hours.log.1']);
    const all = [...(await lines(`${logFile(dir)}.1`)), ...(await lines())].map((l) => l.msg);
    expect(all).toEqual(['before', ...Array.from({ length: 12 }, (_, i) => `after ${i}`)]);
  });
});

describe('createMemoryLog', () => {
  it('keeps lines redacted the same way', () => {
    const log = createMemoryLog();
    log.warn('fetch https://a.example/secret failed', {
      error: new Error('at https://a.example/secret'),
    });
    expect(log.entries).toEqual([
      {
        level: 'warn',
        message: 'fetch https://a.example/… failed',
        fields: { error: expect.objectContaining({ message: 'at https://a.example/…' }) },
      },
    ]);
  });
});

describe('redactText', () => {
  it('cuts every http(s) and webcal address to its host and leaves other text alone', () => {
    expect(
      redactText('see https://u:pw@Host.example:8443/a/b?c=d#e and webcals://h.example/x.'),
    ).toBe('see https://host.example:8443/… and webcals://h.example/…');
    expect(redactText('http://127.0.0.1:80/ is fine, file:///tmp/a.ics too')).toBe(
      'http://127.0.0.1:80/ is fine, file:///tmp/a.ics too',
    );
  });
});
