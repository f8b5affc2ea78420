import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLog } from '../log/log.js';
import type { ClientStatusView } from './client-view.js';
import { type Publisher, startPublisher, tokenPaths, writeFileAtomic } from './publish.js';
import { type FixtureClient, leakedCanaries, makeStatus, makeWorld } from './status-fixtures.js';
import { newStatusToken } from './status-token.js';
import { WebDavError } from './webdav.js';

let root: string;
let out: string;
let stateFile: string;
const publishers: Publisher[] = [];
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'oh-publish-'));
  out = join(root, 'public');
  stateFile = join(root, 'data', 'publish-state.json');
});
afterEach(async () => {
  for (const p of publishers.splice(0)) p.close();
  await rm(root, { recursive: true, force: true });
});

function publisher(
  world: ReturnType<typeof makeWorld>,
  extra: Partial<Parameters<typeof startPublisher<FixtureClient>>[0]> = {},
): Publisher {
  const p = startPublisher<FixtureClient>({
    dir: out,
    stateFile,
    listClients: () => [world.clients.a, world.clients.b],
    getView: world.getView,
    getBusy: world.getBusy,
    ...extra,
  });
  publishers.push(p);
  return p;
}

describe('publish to folder', () => {
  it('writes page, JSON, badge and calendar per client, with no canary anywhere', async () => {
    const world = makeWorld();
    const report = await publisher(world).publish();
    expect(report).toEqual({ written: 8, removedTokens: 0 });
    const { a, b } = world.clients;
    const json = JSON.parse(await readFile(join(out, `${a.statusToken}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({ state: 'focus', nextStandingCall: '2025-03-14T09:00:00.000Z' });
    const page = await readFile(join(out, a.statusToken, 'index.html'), 'utf8');
    expect(page).toContain('Focus time until 15:00');
    expect(page).not.toContain('<script');
    expect(await readFile(join(out, b.statusToken, 'index.html'), 'utf8')).toContain(
      'Fokuszeit bis 15:00',
    );
    expect(await readFile(join(out, a.statusToken, 'freebusy.ics'), 'utf8')).toContain(
      '\r\nREFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n',
    );
    for (const client of [a, b]) {
      for (const path of tokenPaths(client.statusToken))
        expect(leakedCanaries(await readFile(join(out, path), 'utf8'))).toEqual([]);
    }
    // Nothing but the clients' own files: no temp files, and the token list is not in the public folder.
    expect((await readdir(out)).sort()).toEqual(
      [a.statusToken, `${a.statusToken}.json`, b.statusToken, `${b.statusToken}.json`].sort(),
    );
    expect(existsSync(stateFile)).toBe(true);
    // Unchanged content is not rewritten.
    expect(await publisher(world).publish()).toEqual({ written: 8, removedTokens: 0 });
    const p = publisher(world);
    await p.publish();
    expect(await p.publish()).toEqual({ written: 0, removedTokens: 0 });
  });

  it("removes a rotated client's old files at once, also after a restart, and leaves the user's own files", async () => {
    const world = makeWorld();
    const old = world.clients.a.statusToken;
    await publisher(world).publish();
    await writeFile(join(out, old, 'notes.txt'), 'mine');
    await writeFile(join(out, 'README.txt'), 'mine too');
    world.clients.a.statusToken = newStatusToken();
    // A new publisher (as after a restart) learns the old token from the state file.
    const report = await publisher(world).publish();
    expect(report.removedTokens).toBe(1);
    for (const path of tokenPaths(old)) expect(existsSync(join(out, path))).toBe(false);
    expect(await readFile(join(out, old, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(out, 'README.txt'), 'utf8')).toBe('mine too');
    expect(existsSync(join(out, `${world.clients.a.statusToken}.json`))).toBe(true);
    // Without the user's file, the rotated token's folder goes too.
    const second = world.clients.a.statusToken;
    world.clients.a.statusToken = newStatusToken();
    await publisher(world).publish();
    expect(existsSync(join(out, second))).toBe(false);
    expect(existsSync(join(out, `${second}.json`))).toBe(false);
  });

  it('a reader never sees a half-written file while publishes run', async () => {
    const world = makeWorld();
    let round = 0;
    // Views of very different sizes, so a non-atomic write would be caught mid-way.
    const getView = (client: FixtureClient): ClientStatusView => {
      const view = world.getView(client);
      return {
        ...view,
        text: { ...view.text, policy: `${round}:${'p'.repeat((round * 7919) % 100_000)}` },
      };
    };
    const p = publisher(world, { getView, fsync: false });
    await p.publish();
    const token = world.clients.a.statusToken;
    let stop = false;
    let reads = 0;
    const bad: string[] = [];
    const reader = (async () => {
      while (!stop) {
        const json = await readFile(join(out, `${token}.json`), 'utf8');
        const html = await readFile(join(out, token, 'index.html'), 'utf8');
        try {
          JSON.parse(json);
        } catch {
          bad.push(`json of ${json.length} chars`);
        }
        if (!html.startsWith('<!doctype html>') || !html.endsWith('</html>\n'))
          bad.push(`html of ${html.length} chars`);
        reads++;
      }
    })();
    const states = ['available', 'focus', 'meeting', 'away', 'off-hours'] as const;
    for (round = 1; round <= 40; round++) {
      world.status.current = makeStatus(states[round % 5] ?? 'away');
      await p.publish();
    }
    stop = true;
    await reader;
    expect(bad).toEqual([]);
    expect(reads).toBeGreaterThan(20);
    expect((await readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('publishes on every change it is told of, and overlapping publishes share one run', async () => {
    const world = makeWorld();
    let listener: (() => void) | undefined;
    const errors: unknown[] = [];
    const p = publisher(world, {
      subscribe: (l) => ((listener = l), () => (listener = undefined)),
      onError: (e) => errors.push(e),
    });
    const [first, second] = [p.publish(), p.publish()];
    expect(first).toBe(second);
    await first;
    world.status.current = makeStatus('away');
    listener?.();
    await p.publish();
    const json = JSON.parse(
      await readFile(join(out, `${world.clients.a.statusToken}.json`), 'utf8'),
    ) as { state: string };
    expect(json.state).toBe('away');
    expect(errors).toEqual([]);
    p.close();
    expect(listener).toBeUndefined();
  });

  it('refuses to publish over a damaged state file instead of forgetting the links it lists', async () => {
    const world = makeWorld();
    const old = world.clients.a.statusToken;
    await publisher(world).publish();
    await writeFile(stateFile, '{"folder": [');
    world.clients.a.statusToken = newStatusToken();
    const errors: unknown[] = [];
    // Started by a change (as in serve): the failure reaches onError, not nowhere.
    publisher(world, { subscribe: () => () => {}, onError: (e) => errors.push(e) });
    await expect.poll(() => errors.length).toBe(1);
    expect(String(errors[0])).toContain(stateFile);
    expect(String(errors[0])).toMatch(/repair or delete it/);
    // The rotated token's files are still there, and the state file is left as it was for repair.
    expect(existsSync(join(out, `${old}.json`))).toBe(true);
    expect(await readFile(stateFile, 'utf8')).toBe('{"folder": [');
    // Repaired, the next publish removes them.
    await rm(stateFile);
    await writeFile(stateFile, JSON.stringify({ folder: [old], webdav: [] }));
    expect((await publisher(world).publish()).removedTokens).toBe(1);
    expect(existsSync(join(out, `${old}.json`))).toBe(false);
  });

  it("notes a removed client's folder it cannot delete in the log and publishes on", async () => {
    const world = makeWorld();
    const old = world.clients.a.statusToken;
    await publisher(world).publish();
    // The old token's folder replaced by a link to a folder elsewhere: rmdir fails with ENOTDIR.
    const elsewhere = join(root, 'elsewhere');
    await mkdir(elsewhere);
    await rm(join(out, old), { recursive: true });
    await symlink(elsewhere, join(out, old));
    world.clients.a.statusToken = newStatusToken();
    const log = createMemoryLog();
    expect((await publisher(world, { log }).publish()).removedTokens).toBe(1);
    expect(existsSync(join(out, `${world.clients.a.statusToken}.json`))).toBe(true);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ level: 'warn' });
    expect(JSON.stringify(log.entries[0]?.fields)).toContain('ENOTDIR');
    // A folder kept for the user's own files is expected, not worth a line.
    const kept = world.clients.a.statusToken;
    await writeFile(join(out, kept, 'notes.txt'), 'mine');
    world.clients.a.statusToken = newStatusToken();
    await publisher(world, { log }).publish();
    expect(log.entries).toHaveLength(1);
  });

  it('writeFileAtomic leaves no temp file when the rename fails', async () => {
    await writeFile(join(root, 'x'), '');
    await expect(writeFileAtomic(join(root, 'x', 'impossible'), 'data')).rejects.toThrow();
    await expect(writeFileAtomic(join(out, 'missing-folder', 'y'), 'data')).rejects.toThrow();
    expect((await readdir(root)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

/** A WebDAV-ish server on loopback that fails the first `failures` requests of each path with 503. */
async function davServer(
  failures: number,
  forbid = false,
): Promise<{ url: string; files: Map<string, string>; log: string[]; close: () => Promise<void> }> {
  const files = new Map<string, string>();
  const log: string[] = [];
  const attempts = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = `${req.method} ${req.url}`;
      log.push(key);
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      if (forbid) return void res.writeHead(403).end();
      if (n <= failures) return void res.writeHead(503).end('busy');
      const path = (req.url ?? '').replace(/^\/dav\//, '');
      if (req.method === 'PUT') files.set(path, Buffer.concat(chunks).toString('utf8'));
      if (req.method === 'DELETE')
        for (const k of [...files.keys()]) if (k === path || k.startsWith(path)) files.delete(k);
      res.writeHead(req.method === 'PUT' || req.method === 'MKCOL' ? 201 : 204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dav/`,
    files,
    log,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('publish over WebDAV', () => {
  it('retries failed uploads with backoff until they land, and deletes a rotated token', async () => {
    const dav = await davServer(2);
    try {
      const world = makeWorld();
      const p = publisher(world, {
        dir: undefined,
        webdav: { url: dav.url, baseDelayMs: 5, retries: 3 },
      });
      expect(await p.publish()).toEqual({ written: 8, removedTokens: 0 });
      const { a } = world.clients;
      for (const path of tokenPaths(a.statusToken)) expect(dav.files.has(path)).toBe(true);
      expect(JSON.parse(dav.files.get(`${a.statusToken}.json`) ?? '')).toMatchObject({
        state: 'focus',
      });
      // Every PUT failed twice and landed on its third attempt.
      expect(dav.log.filter((l) => l === `PUT /dav/${a.statusToken}.json`)).toHaveLength(3);
      const old = a.statusToken;
      a.statusToken = newStatusToken();
      expect((await p.publish()).removedTokens).toBe(1);
      expect(dav.log).toContain(`DELETE /dav/${old}/`);
      expect([...dav.files.keys()].some((k) => k.startsWith(old))).toBe(false);
      expect(dav.files.has(`${a.statusToken}/index.html`)).toBe(true);
    } finally {
      await dav.close();
    }
  });

  it('gives up on a refusal at once, without the path in the error', async () => {
    const dav = await davServer(0, true);
    try {
      const world = makeWorld();
      const p = publisher(world, {
        dir: undefined,
        webdav: { url: `${dav.url}?secret=1`, baseDelayMs: 5 },
      });
      const error = await p.publish().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WebDavError);
      expect((error as WebDavError).status).toBe(403);
      expect(String(error)).not.toContain(world.clients.a.statusToken);
      expect(String(error)).not.toContain('secret');
      expect(dav.log).toHaveLength(1);
    } finally {
      await dav.close();
    }
  });

  it('gives up after the retries when the server stays down', async () => {
    const dav = await davServer(100);
    try {
      const world = makeWorld();
      const p = publisher(world, {
        dir: undefined,
        webdav: { url: dav.url, baseDelayMs: 2, retries: 2 },
      });
      await expect(p.publish()).rejects.toThrow(/gave up after 3 attempts \(HTTP 503\)/);
      expect(dav.log).toHaveLength(3);
    } finally {
      await dav.close();
    }
  });
});
