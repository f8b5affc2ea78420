import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, deflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type FetchOptions,
  type FetchableSource,
  SourceError,
  appVersion,
  fetchSource,
  resolveLocation,
} from './fetch-source.js';
import { type FeedServer, smallIcs, startFeedServer } from './test-feed-server.js';

const ICS = smallIcs('Planning');
const SECRET = '/private-8f3a9c77e1/basic.ics?token=hunter2SECRET';
let server: FeedServer;
let dir: string;

/** Routes by path prefix, so the secret path and query can ride along on every route. */
function route(path: string): string {
  return path.split('?')[0] ?? '';
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-fetch-'));
  server = await startFeedServer((req, res) => {
    const path = route(req.url ?? '');
    const hop = /^\/r\/(\d+)/.exec(path);
    if (hop) {
      res.writeHead(302, { location: `/r/${Number(hop[1]) + 1}` }).end();
    } else if (path.startsWith('/etag')) {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else
        res
          .writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag: '"v1"' })
          .end(ICS);
    } else if (path.startsWith('/modified')) {
      const stamp = 'Wed, 05 Mar 2025 10:00:00 GMT';
      if (req.headers['if-modified-since'] === stamp) res.writeHead(304).end();
      else res.writeHead(200, { 'content-type': 'text/calendar', 'last-modified': stamp }).end(ICS);
    } else if (path.startsWith('/ok')) {
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' }).end(ICS);
    } else if (path.startsWith('/latin1')) {
      res
        .writeHead(200, { 'content-type': 'text/calendar; charset=ISO-8859-1' })
        .end(Buffer.from(smallIcs('Café'), 'latin1'));
    } else if (path.startsWith('/octet')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(ICS);
    } else if (path.startsWith('/gzip')) {
      res
        .writeHead(200, { 'content-type': 'text/calendar', 'content-encoding': 'gzip' })
        .end(gzipSync(ICS));
    } else if (path.startsWith('/deflate')) {
      res
        .writeHead(200, { 'content-type': 'text/calendar', 'content-encoding': 'deflate' })
        .end(deflateSync(ICS));
    } else if (path.startsWith('/bomb')) {
      res
        .writeHead(200, { 'content-type': 'text/calendar', 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(5_000_000, 32)));
    } else if (path.startsWith('/missing')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no calendar at ${req.url}`);
    } else if (path.startsWith('/broken')) {
      res.writeHead(500).end();
    } else if (path.startsWith('/no-answer')) {
      // Never answers: only the timeout ends this.
    } else if (path.startsWith('/trickle')) {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.write('BEGIN:VCALENDAR\r\n'); // …and nothing more
    } else if (path.startsWith('/truncated')) {
      res.writeHead(200, {
        'content-type': 'text/calendar',
        'content-length': String(ICS.length + 500),
      });
      res.write(ICS, () => res.socket?.destroy());
    } else if (path.startsWith('/big-declared')) {
      res
        .writeHead(200, { 'content-type': 'text/calendar', 'content-length': '5000' })
        .end('x'.repeat(5000));
    } else if (path.startsWith('/big-chunked')) {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      for (let i = 0; i < 50; i++) res.write(`${'x'.repeat(99)}\n`);
      res.end();
    } else if (path.startsWith('/loop-a')) {
      res.writeHead(301, { location: `/loop-b${SECRET}` }).end();
    } else if (path.startsWith('/loop-b')) {
      res.writeHead(301, { location: `/loop-a${SECRET}` }).end();
    } else if (path.startsWith('/moved')) {
      res.writeHead(308, { location: '../ok/there.ics' }).end();
    } else if (path.startsWith('/to-remote-http')) {
      res.writeHead(302, { location: 'http://calendar.example.com/feed.ics' }).end();
    } else if (path.startsWith('/html-type')) {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>Sign in</title>');
    } else if (path.startsWith('/html-body')) {
      res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(
          '\n  <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"><html><body>Log in</body></html>',
        );
    } else if (path.startsWith('/json')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    } else {
      res.writeHead(418).end();
    }
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  server.requests.length = 0;
});

const src = (path: string): FetchableSource => ({ location: server.url(path), kind: 'url' });

/** Fetches and returns the SourceError it must fail with. */
async function failure(path: string, options: FetchOptions = {}): Promise<SourceError> {
  const error = await fetchSource(src(path), undefined, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe('fetchSource over HTTP', () => {
  it('fetches a feed with our User-Agent and Accept-Encoding', async () => {
    const result = await fetchSource(src('/ok/feed.ics'), undefined);
    expect(result.changed).toBe(true);
    if (!result.changed) return;
    expect(result.text).toBe(ICS);
    expect(result.bytes).toBe(Buffer.byteLength(ICS));
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    const req = server.requests[0];
    expect(req?.headers['user-agent']).toBe(`OfficeHours/${appVersion()} (+calendar sync)`);
    expect(appVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(req?.headers['accept-encoding']).toBe('gzip, deflate');
    expect(req?.headers['if-none-match']).toBeUndefined();
  });

  it('sends the cached ETag and treats 304 as unchanged', async () => {
    const first = await fetchSource(src('/etag/feed.ics'), undefined);
    expect(first).toMatchObject({ changed: true, etag: '"v1"' });
    const second = await fetchSource(src('/etag/feed.ics'), { etag: first.etag });
    expect(second).toEqual({ changed: false, etag: '"v1"' });
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
  });

  it('sends If-Modified-Since from the cached Last-Modified', async () => {
    const first = await fetchSource(src('/modified/feed.ics'), undefined);
    expect(first.lastModified).toBe('Wed, 05 Mar 2025 10:00:00 GMT');
    const second = await fetchSource(src('/modified/feed.ics'), {
      lastModified: first.lastModified,
    });
    expect(second.changed).toBe(false);
    expect(server.requests[1]?.headers['if-modified-since']).toBe('Wed, 05 Mar 2025 10:00:00 GMT');
  });

  it('decompresses gzip and deflate bodies', async () => {
    for (const path of ['/gzip/a.ics', '/deflate/a.ics']) {
      const result = await fetchSource(src(path), undefined);
      expect(result.changed && result.text).toBe(ICS);
    }
  });

  it('accepts application/octet-stream and decodes a declared charset', async () => {
    const octet = await fetchSource(src('/octet/a.ics'), undefined);
    expect(octet.changed && octet.text).toBe(ICS);
    const latin = await fetchSource(src('/latin1/a.ics'), undefined);
    expect(latin).toMatchObject({ changed: true, charset: 'iso-8859-1' });
    expect(latin.changed && latin.text).toContain('SUMMARY:Café');
  });

  it('reports 404 and 500 with status and host, never the path', async () => {
    const notFound = await failure(`/missing${SECRET}`);
    expect(notFound).toMatchObject({ code: 'http', status: 404 });
    expect(notFound.message).toMatch(
      /^HTTP 404 Not Found from 127\.0\.0\.1:\d+ — is the link still valid\?$/,
    );
    const broken = await failure(`/broken${SECRET}`);
    expect(broken).toMatchObject({ code: 'http', status: 500 });
    expect(broken.message).toMatch(
      /^HTTP 500 Internal Server Error from 127\.0\.0\.1:\d+; will retry$/,
    );
  });

  it('times out a server that never answers, and one that stops sending', async () => {
    const silent = await failure('/no-answer/a.ics', { timeoutMs: 200 });
    expect(silent.code).toBe('timeout');
    expect(silent.message).toMatch(/^timed out after 0\.2 s \(127\.0\.0\.1:\d+\)$/);
    const trickle = await failure('/trickle/a.ics', { timeoutMs: 300 });
    expect(trickle.code).toBe('timeout');
  });

  it('says "timed out after 30 s" with the default timeout', async () => {
    // The default is what users see; checked on the message format without waiting 30 s.
    const { formatSeconds } = await import('./source-error.js');
    expect(formatSeconds(30_000)).toBe('30 s');
  });

  it('detects a body shorter than its Content-Length', async () => {
    const error = await failure('/truncated/a.ics');
    expect(error.code).toBe('truncated');
    expect(error.message).toContain('broke off');
  });

  it('refuses bodies over the size limit, declared or streamed, compressed or inflated', async () => {
    const declared = await failure('/big-declared/a.ics', { maxBytes: 1000 });
    expect(declared).toMatchObject({ code: 'too-large', message: 'larger than 1000 bytes' });
    const chunked = await failure('/big-chunked/a.ics', { maxBytes: 1000 });
    expect(chunked.code).toBe('too-large');
    const bomb = await failure('/bomb/a.ics', { maxBytes: 100_000 });
    expect(bomb).toMatchObject({ code: 'too-large', message: 'larger than 97.7 KB' });
  });

  it('says "larger than 50 MB" for the default limit', async () => {
    const { formatBytes } = await import('./source-error.js');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
  });

  it('follows relative redirects but stops loops and long chains', async () => {
    const moved = await fetchSource(src('/moved/here.ics'), undefined);
    expect(moved.changed && moved.text).toBe(ICS);
    expect(server.requests.map((r) => r.url)).toEqual(['/moved/here.ics', '/ok/there.ics']);

    const loop = await failure(`/loop-a${SECRET}`);
    expect(loop.code).toBe('redirects');
    expect(loop.message).toMatch(/^redirect loop at 127\.0\.0\.1:\d+$/);

    server.requests.length = 0;
    const chain = await failure('/r/0');
    expect(chain.code).toBe('redirects');
    expect(chain.message).toMatch(/^more than 5 redirects from 127\.0\.0\.1:\d+$/);
    expect(server.requests).toHaveLength(6);
    expect((await failure('/r/0', { maxRedirects: 2 })).message).toContain('more than 2 redirects');
  });

  it('refuses plain http to other hosts, also after a redirect', async () => {
    const direct = await fetchSource(
      { location: `http://calendar.example.com${SECRET}`, kind: 'url' },
      undefined,
    ).catch((e: unknown) => e);
    expect(direct).toMatchObject({ code: 'network' });
    expect((direct as Error).message).toContain(
      'plain http:// to calendar.example.com is not allowed',
    );
    const redirected = await failure('/to-remote-http/a.ics');
    expect(redirected.message).toContain('plain http:// to calendar.example.com is not allowed');
  });

  it('rejects an HTML page by content type and by sniffing the body', async () => {
    for (const path of ['/html-type/a.ics', '/html-body/a.ics']) {
      const error = await failure(path);
      expect(error).toMatchObject({
        code: 'content-type',
        message: 'got an HTML page, not a calendar — is the link still valid?',
      });
    }
    expect((await failure('/json/a.ics')).code).toBe('content-type');
  });

  it('reports a refused connection as a network error', async () => {
    const closed = await startFeedServer(() => undefined);
    const location = closed.url(SECRET);
    await closed.close();
    const error = await fetchSource({ location, kind: 'url' }, undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network' });
    expect((error as Error).message).toMatch(/^127\.0\.0\.1:\d+ refused the connection$/);
  });

  it('never puts the secret path or query into any error message', async () => {
    const cases: [string, FetchOptions][] = [
      [`/missing${SECRET}`, {}],
      [`/broken${SECRET}`, {}],
      [`/no-answer${SECRET}`, { timeoutMs: 100 }],
      [`/truncated${SECRET}`, {}],
      [`/big-declared${SECRET}`, { maxBytes: 10 }],
      [`/loop-a${SECRET}`, {}],
      [`/r/0${SECRET}`, {}],
      [`/html-type${SECRET}`, {}],
      [`/teapot${SECRET}`, {}],
    ];
    for (const [path, options] of cases) {
      const error = await failure(path, options);
      expect(error.message).not.toContain('hunter2SECRET');
      expect(error.message).not.toContain('private-8f3a9c77e1');
      expect(error.message).not.toContain('token=');
    }
  });

  it('streams the body into a destination file and removes it on failure', async () => {
    const destination = join(dir, 'staged.tmp');
    const result = await fetchSource(src('/gzip/a.ics'), undefined, { destination });
    expect(result).toMatchObject({ changed: true, bytes: Buffer.byteLength(ICS) });
    expect(result.changed && result.text).toBeUndefined();
    expect(await readFile(destination, 'utf8')).toBe(ICS);
    await fetchSource(src('/big-chunked/a.ics'), undefined, { destination, maxBytes: 1000 }).catch(
      () => undefined,
    );
    expect(existsSync(destination)).toBe(false);
  });

  it('turns webcal:// into https:// and leaves file paths alone', () => {
    expect(resolveLocation({ location: 'webcal://calendar.example.com/a.ics?k=1' })).toEqual({
      kind: 'url',
      url: new URL('https://calendar.example.com/a.ics?k=1'),
    });
    expect(resolveLocation({ location: '/home/me/cal.ics', kind: 'file' })).toEqual({
      kind: 'file',
      path: '/home/me/cal.ics',
    });
    expect(() => resolveLocation({ location: 'ftp://example.com/x.ics' })).toThrow(SourceError);
  });
});

describe('fetchSource for local files', () => {
  it('reads a file, then reports it unchanged while its mtime and size stay', async () => {
    const path = join(dir, 'cal.ics');
    await writeFile(path, ICS);
    const first = await fetchSource({ location: path, kind: 'file' }, undefined);
    expect(first.changed && first.text).toBe(ICS);
    expect(await fetchSource({ location: path, kind: 'file' }, { etag: first.etag })).toMatchObject(
      { changed: false },
    );
    const later = new Date(Date.now() + 60_000);
    await utimes(path, later, later);
    expect(await fetchSource({ location: path, kind: 'file' }, { etag: first.etag })).toMatchObject(
      { changed: true },
    );
  });

  it('says "no such file" for a missing file', async () => {
    const path = join(dir, 'gone.ics');
    const error = await fetchSource({ location: path, kind: 'file' }, undefined).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'not-found', message: `no such file: ${path}` });
  });

  it('applies the size limit and the HTML check to files too', async () => {
    const path = join(dir, 'page.ics');
    await writeFile(path, '<html><body>not a calendar</body></html>');
    await expect(fetchSource({ location: path, kind: 'file' }, undefined)).rejects.toMatchObject({
      code: 'content-type',
    });
    await expect(
      fetchSource({ location: path, kind: 'file' }, undefined, { maxBytes: 10 }),
    ).rejects.toMatchObject({ code: 'too-large' });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
