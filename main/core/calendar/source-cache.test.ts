import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceCache, locationKey } from './source-cache.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'oh-cache-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('SourceCache', () => {
  it('writes <id>.ics and <id>.json under calendars/ and reads them back', async () => {
    const cache = new SourceCache(dataDir);
    const meta = await cache.write('work', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', {
      etag: '"a"',
      fetchedAt: '2025-03-01T10:00:00.000Z',
    });
    expect(meta.bytes).toBe(32);
    expect(meta.sha256).toBe(
      createHash('sha256').update('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').digest('hex'),
    );
    expect((await readdir(join(dataDir, 'calendars'))).sort()).toEqual(['work.ics', 'work.json']);
    const copy = await cache.read('work');
    expect(copy).toEqual({ path: join(dataDir, 'calendars', 'work.ics'), meta });
    expect(await cache.readText('work')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(await cache.read('other')).toBeUndefined();
  });

  it('commits a staged file by rename and leaves no temp files', async () => {
    const cache = new SourceCache(dataDir);
    const staged = await cache.stagingPath('work');
    expect(staged.startsWith(cache.dir)).toBe(true);
    await writeFile(staged, 'X');
    await cache.commit('work', staged, {
      fetchedAt: '2025-03-01T10:00:00.000Z',
      bytes: 1,
      sha256: 'abc',
    });
    expect(await readFile(cache.icsPath('work'), 'utf8')).toBe('X');
    expect((await readdir(cache.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('drops validators when the meta does not describe the file (crash between the two renames)', async () => {
    const cache = new SourceCache(dataDir);
    await cache.write('work', 'old text', { etag: '"old"', fetchedAt: '2025-03-01T10:00:00.000Z' });
    await writeFile(cache.icsPath('work'), 'a newer and longer text');
    const copy = await cache.read('work');
    expect(copy?.meta.etag).toBeUndefined();
    expect(copy?.meta.sha256).toBe('');
    expect(copy?.meta.bytes).toBe(23);
  });

  it('maps odd ids to safe file names inside the folder', async () => {
    const cache = new SourceCache(dataDir);
    expect(cache.icsPath('../../etc/passwd').startsWith(cache.dir)).toBe(true);
    expect(cache.icsPath('../../etc/passwd')).toMatch(/id-[0-9a-f]{32}\.ics$/);
  });

  it('removes stale temp files but not fresh ones', async () => {
    const cache = new SourceCache(dataDir);
    const stale = await cache.stagingPath('a');
    const fresh = await cache.stagingPath('b');
    await writeFile(stale, 'x');
    await writeFile(fresh, 'y');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, old, old);
    expect(await cache.removeStale()).toBe(1);
    expect(await readdir(cache.dir)).toEqual([fresh.slice(cache.dir.length + 1)]);
  });

  it('keys meta to a location without storing it', () => {
    const key = locationKey('https://calendar.example.com/secret.ics');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).not.toBe(locationKey('https://calendar.example.com/other.ics'));
  });
});
