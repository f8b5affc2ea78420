import { afterEach, describe, expect, it } from 'vitest';
import type { AvailabilityState } from '../../../shared/domain.js';
import { keptAlive, openEvents, rawRequest, startFixtureServer } from './http-test-helpers.js';
import { STATUS_CSS_HASH } from './render.js';
import { CANARIES, leakedCanaries, makeStatus } from './status-fixtures.js';
import { etagMatches, sameSecret, type StatusServer } from './status-server.js';
import { newStatusToken } from './status-token.js';

let running: StatusServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function setup(
  extra: Parameters<typeof startFixtureServer>[0] = {},
): Promise<Awaited<ReturnType<typeof startFixtureServer>>> {
  const s = await startFixtureServer(extra);
  running = s.server;
  return s;
}

const ENDPOINTS = ['', '.json', '/badge.svg', '/freebusy.ics', '/live.js'];

describe('status server: what a client sees', () => {
  it('serves page, JSON, badge and calendar for a known token', async () => {
    const { server, world } = await setup();
    const base = `${server.url}/s/${world.clients.a.statusToken}`;
    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('Focus time until 15:00');
    const json = (await (await fetch(`${base}.json`)).json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      state: 'focus',
      until: '2025-03-12T14:00:00.000Z',
      nextStandingCall: '2025-03-14T09:00:00.000Z',
    });
    const badge = await fetch(`${base}/badge.svg`);
    expect(badge.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(await badge.text()).toContain('Focus time until 15:00');
    const ics = await fetch(`${base}/freebusy.ics`);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await ics.text()).toContain('BEGIN:VEVENT\r\n');
    // The page links its script and calendar relative to itself (so a path prefix in front still works).
    const html = await (await fetch(base)).text();
    const src = /<script src="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(new URL(src, base).href).toBe(`${base}/live.js`);
    const cal = /href="([^"]+\.ics)"/.exec(html)?.[1] ?? '';
    expect(new URL(cal, base).href).toBe(`${base}/freebusy.ics`);
    const live = await fetch(new URL(src, base));
    expect(live.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await live.text()).toContain('EventSource');
    expect((await fetch(`${base}.json?cache-buster=1`)).status).toBe(200);
  });

  it('German client gets German output', async () => {
    const { server, world } = await setup();
    const html = await (await fetch(`${server.url}/s/${world.clients.b.statusToken}`)).text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Fokuszeit bis 15:00');
    expect(html).toContain('Unser nächster Termin: morgen 14:00');
    expect(html).toContain('&lt;b&gt;&amp; danke&lt;/b&gt;');
  });

  it("client A never sees B's standing call, and neither sees the other's name", async () => {
    const { server, world } = await setup();
    const { a, b } = world.clients;
    const aJson = (await (await fetch(`${server.url}/s/${a.statusToken}.json`)).json()) as {
      nextStandingCall: string;
    };
    const bJson = (await (await fetch(`${server.url}/s/${b.statusToken}.json`)).json()) as {
      nextStandingCall: string;
    };
    expect(aJson.nextStandingCall).toBe('2025-03-14T09:00:00.000Z');
    expect(bJson.nextStandingCall).toBe('2025-03-13T13:00:00.000Z');
    for (const suffix of ['', '.json', '/badge.svg']) {
      const aText = await (await fetch(`${server.url}/s/${a.statusToken}${suffix}`)).text();
      expect(aText).not.toContain('2025-03-13T13:00');
      expect(aText).not.toMatch(/Thursday|tomorrow 14:00/);
      expect(aText).not.toContain(b.name);
    }
  });

  it('sends the security headers; only the badge may be framed', async () => {
    const { server, world } = await setup();
    const base = `${server.url}/s/${world.clients.a.statusToken}`;
    for (const suffix of [...ENDPOINTS, '/nope', '/../x']) {
      const res = await fetch(`${base}${suffix}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      await res.arrayBuffer();
    }
    const page = await fetch(base);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`style-src ${STATUS_CSS_HASH}`);
    const badge = await fetch(`${base}/badge.svg`);
    expect(badge.headers.get('x-frame-options')).toBeNull();
    expect(badge.headers.get('content-security-policy')).not.toContain('frame-ancestors');
    expect(badge.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('answers If-None-Match with 304, HEAD without a body, and a change with a new ETag', async () => {
    const { server, world } = await setup();
    const url = `${server.url}/s/${world.clients.a.statusToken}.json`;
    const first = await fetch(url);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const body = await first.text();
    const again = await fetch(url, { headers: { 'If-None-Match': `W/${etag}, "other"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(await head.text()).toBe('');
    world.status.current = makeStatus('meeting');
    server.notifyChange();
    const changed = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { state: string }).state).toBe('meeting');
    expect(etagMatches('*', '"x"')).toBe(true);
    expect(etagMatches('"y"', '"x"')).toBe(false);
  });

  it('unknown token, revoked token and any other path get the very same 404', async () => {
    const { server, world, rotate } = await setup();
    const old = world.clients.a.statusToken;
    const expectSame404 = async (path: string): Promise<string> => {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      const headers = [...res.headers].filter(([k]) => k !== 'date');
      return JSON.stringify([headers, await res.text()]);
    };
    const reference = await expectSame404(`/s/${newStatusToken()}`);
    expect(await expectSame404('/')).toBe(reference);
    expect(await expectSame404('/favicon.ico')).toBe(reference);
    expect(await expectSame404(`/s/${old}/other`)).toBe(reference);
    expect(await expectSame404(`/s/${old}/`)).toBe(reference);
    expect(await expectSame404(`/s/${old.slice(0, -1)}`)).toBe(reference);
    expect((await fetch(`${server.url}/s/${old}.json`)).status).toBe(200);
    const fresh = newStatusToken();
    rotate(world.clients.a, fresh);
    for (const suffix of ENDPOINTS)
      expect(await expectSame404(`/s/${old}${suffix}`)).toBe(reference);
    expect((await fetch(`${server.url}/s/${fresh}.json`)).status).toBe(200);
  });

  it('a core failure is a bare 503 that tells nothing', async () => {
    const { server, world } = await setup({
      getView: () => {
        throw new Error(`${CANARIES.title} ${CANARIES.location}`);
      },
    });
    const res = await fetch(`${server.url}/s/${world.clients.a.statusToken}.json`);
    expect(res.status).toBe(503);
    expect(leakedCanaries(await res.text())).toEqual([]);
  });

  it('writes a kept-alive response with the very head writeHead writes on a closing one', async () => {
    const { server, port, world } = await setup();
    const path = `/s/${world.clients.a.statusToken}`;
    const get = (target: string, extra = ''): string =>
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}\r\n`;
    for (const suffix of ['', '.json', '/badge.svg', '/freebusy.ics', '/live.js']) {
      // Kept alive (the prepared head), then Connection: close (writeHead), on one connection.
      const text = await rawRequest(
        port,
        get(path + suffix) + get(path + suffix, 'Connection: close\r\n'),
      );
      const [first, second] = text.split(/(?=HTTP\/1\.1 )/);
      const parse = (r = ''): { lines: string[]; body: string } => {
        const [head = '', body = ''] = r.split('\r\n\r\n');
        return { lines: head.split('\r\n'), body };
      };
      const a = parse(first);
      const b = parse(second);
      const fixed = (lines: string[]): string[] =>
        lines.filter((l) => !/^(date|connection|keep-alive):/i.test(l));
      expect(fixed(a.lines)).toEqual(fixed(b.lines));
      expect(a.body).toBe(b.body);
      expect(a.lines).toContain('Connection: keep-alive');
      expect(a.lines).toContain('Keep-Alive: timeout=5');
      expect(a.lines.filter((l) => l.startsWith('Date: '))).toHaveLength(1);
      expect(b.lines).toContain('Connection: close');
    }
    // HTTP/1.0 is answered by writeHead, and the connection closes.
    const old = await rawRequest(port, `GET ${path}.json HTTP/1.0\r\n\r\n`);
    expect(old).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(old).toContain('Connection: close');
    expect(server.url).toContain('127.0.0.1');
  });

  it('on one kept-alive connection, each request gets its own link: a rotated token stops at once', async () => {
    const { port, world, rotate } = await setup();
    const { a, b } = world.clients;
    const connection = keptAlive(port);
    try {
      const stateOf = async (target: string): Promise<[number, string | undefined]> => {
        const r = await connection.get(target);
        return [
          r.status,
          r.status === 200 ? (JSON.parse(r.body) as { locale: string }).locale : undefined,
        ];
      };
      const oldA = `/s/${a.statusToken}.json`;
      expect(await stateOf(oldA)).toEqual([200, 'en']);
      // The same link again (its route remembered), then the other client's, then A's again.
      expect(await stateOf(oldA)).toEqual([200, 'en']);
      expect(await stateOf(`/s/${b.statusToken}.json`)).toEqual([200, 'de']);
      expect(await stateOf(oldA)).toEqual([200, 'en']);
      expect((await connection.get(`/s/${a.statusToken}/badge.svg`)).body).toContain('<svg');
      expect(await stateOf(oldA)).toEqual([200, 'en']);
      // A token one character off, right after the real one, is a 404 like any unknown token.
      const wrong = `${oldA.slice(0, 5)}${oldA[5] === 'A' ? 'B' : 'A'}${oldA.slice(6)}`;
      expect(await stateOf(wrong)).toEqual([404, undefined]);
      expect(await stateOf(oldA)).toEqual([200, 'en']);
      const fresh = newStatusToken();
      rotate(a, fresh);
      expect(await stateOf(oldA)).toEqual([404, undefined]);
      expect(await stateOf(oldA)).toEqual([404, undefined]);
      expect(await stateOf(`/s/${fresh}.json`)).toEqual([200, 'en']);
    } finally {
      connection.close();
    }
  });

  it('sameSecret: equal strings only, whatever their lengths', () => {
    const token = newStatusToken();
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(`/s/${token}`, `/s/${token}`)).toBe(true);
    expect(sameSecret(token, `${token}x`)).toBe(false);
    expect(sameSecret(`${token}x`, token)).toBe(false);
    expect(sameSecret(token.slice(0, -1), token)).toBe(false);
    expect(sameSecret(`${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`, token)).toBe(
      false,
    );
    expect(sameSecret('', '')).toBe(false);
    expect(sameSecret(token, '')).toBe(false);
    expect(sameSecret('é', 'é')).toBe(true);
    expect(sameSecret('é', 'e')).toBe(false);
  });

  it('tells onError of a core failure once a minute, with the count it kept back', async () => {
    const reported: { message: string; where: string; suppressed: number }[] = [];
    const { server, world } = await setup({
      getView: () => {
        throw new Error('view failed');
      },
      onError: (error, { where, suppressed }) =>
        reported.push({ message: (error as Error).message, where, suppressed }),
    });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/s/${world.clients.a.statusToken}.json`);
      expect(res.status).toBe(503);
      await res.text();
    }
    expect(reported).toEqual([{ message: 'view failed', where: 'request', suppressed: 0 }]);
  });
});

describe('status server: live updates', () => {
  it('pushes a change to an open page within a second of notifyChange()', async () => {
    const { server, world } = await setup();
    const events = await openEvents(`${server.url}/s/${world.clients.a.statusToken}/events`);
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const first = await events.next();
    expect(JSON.parse(first.data)).toMatchObject({ state: 'focus' });
    world.status.current = makeStatus('meeting');
    const t0 = performance.now();
    server.notifyChange();
    const second = await events.next();
    expect(second.receivedAt - t0).toBeLessThan(1000);
    expect(JSON.parse(second.data)).toMatchObject({
      state: 'meeting',
      message: expect.stringContaining('In a meeting') as unknown,
    });
    events.close();
  });

  it('a rotated token loses its stream at once; the other client keeps its own', async () => {
    const { server, world, rotate } = await setup();
    const a = await openEvents(`${server.url}/s/${world.clients.a.statusToken}/events`);
    const b = await openEvents(`${server.url}/s/${world.clients.b.statusToken}/events`);
    await a.next();
    await b.next();
    rotate(world.clients.a, newStatusToken());
    await a.closed;
    world.status.current = makeStatus('away');
    server.notifyChange();
    expect(JSON.parse((await b.next()).data)).toMatchObject({ state: 'away' });
    b.close();
  });

  it('limits open streams per address', async () => {
    const { server, world } = await setup({ limits: { maxStreamsPerAddress: 2 } });
    const url = `${server.url}/s/${world.clients.a.statusToken}/events`;
    const one = await openEvents(url);
    const two = await openEvents(url);
    const three = await fetch(url);
    expect(three.status).toBe(429);
    one.close();
    two.close();
  });

  it('pushes views for every state without a canary in any of them', async () => {
    const { server, world } = await setup();
    const events = await openEvents(`${server.url}/s/${world.clients.a.statusToken}/events`);
    const states: AvailabilityState[] = ['available', 'focus', 'meeting', 'away', 'off-hours'];
    await events.next();
    for (const state of states) {
      // A different `until` from the fixture's first status, so even "focus" is a change.
      world.status.current = makeStatus(state, '2025-03-12T15:00:00Z');
      server.notifyChange();
      const event = await events.next();
      expect(JSON.parse(event.data)).toMatchObject({ state });
      expect(leakedCanaries(event.data)).toEqual([]);
    }
    events.close();
  });
});
