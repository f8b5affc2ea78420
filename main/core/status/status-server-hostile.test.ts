import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { AvailabilityState } from '../../../shared/domain.js';
import { openEvents, rawRequest, startFixtureServer, statusOf } from './http-test-helpers.js';
import { leakedCanaries, makeStatus } from './status-fixtures.js';
import type { StatusServer } from './status-server.js';
import { clientStatusView } from './client-view.js';

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

/** A request line and Host header, closed after the response. */
function req(target: string, method = 'GET'): string {
  return `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;
}

describe('status server: hostile requests', () => {
  it('answers malformed requests with a 4xx and keeps serving', async () => {
    const { server, port, world } = await setup();
    const token = world.clients.a.statusToken;
    const cases: [string | Buffer, number][] = [
      [req(`/s/${token}?${'x'.repeat(3000)}`), 414],
      [req(`/s/${'a'.repeat(20_000)}`), 431],
      [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(10_000)}\r\n\r\n`, 431],
      [req(`/s/${token}.json`, 'POST'), 405],
      [req(`/s/${token}.json`, 'DELETE'), 405],
      [req(`/s/${token}.json`, 'OPTIONS'), 405],
      [req(`/s/${token}/../../../etc/passwd`), 404],
      [req('/s/../../etc/passwd'), 404],
      [req(`/s/%2e%2e/%2e%2e/etc/passwd`), 404],
      [req(`/s/${token}/..%2f..%2fpackage.json`), 404],
      [req('/s/%zz%G0%'), 404],
      [req('//etc/passwd'), 404],
      [req('*'), 404],
      [req('http://evil.example/s/x'), 404],
      [
        Buffer.concat([
          Buffer.from('GET /s/'),
          Buffer.from([0xff, 0xfe, 0x00, 0x01]),
          Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
        ]),
        400,
      ],
      ['HELLO\r\n\r\n', 400],
      ['GET / HTTP/1.1\r\n\r\n', 400], // no Host header
      [
        `GET /s/${token}.json HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n`,
        400,
      ],
    ];
    for (const [text, expected] of cases) {
      const response = await rawRequest(port, text);
      expect(statusOf(response), String(text).slice(0, 60)).toBe(expected);
    }
    const res = await fetch(`${server.url}/s/${token}.json`);
    expect(res.status).toBe(200);
    const ok = await rawRequest(port, req(`/s/${token}.json`));
    expect(statusOf(ok)).toBe(200);
    expect(ok).toContain('X-Content-Type-Options: nosniff');
  });

  it('405 names the allowed methods', async () => {
    const { server, world } = await setup();
    const res = await fetch(`${server.url}/s/${world.clients.a.statusToken}`, {
      method: 'PUT',
      body: 'x',
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('drops a client that sends its headers byte by byte, and serves others meanwhile', async () => {
    const { server, port, world } = await setup({
      limits: { headersTimeoutMs: 300, requestTimeoutMs: 400, connectionsCheckingIntervalMs: 50 },
    });
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (c: Buffer) => received.push(c));
    let closed = false;
    const done = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    void done.then(() => (closed = true));
    socket.on('error', () => undefined);
    const text = `GET /s/${world.clients.a.statusToken}.json HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'z'.repeat(200)}\r\n\r\n`;
    const started = performance.now();
    // Trickle one byte every 20 ms: the whole head would take about 5 s, far past the 300 ms allowed.
    for (let i = 0; i < text.length && !closed; i++) {
      socket.write(text[i] ?? '');
      await delay(20);
      if (i === 3)
        expect((await fetch(`${server.url}/s/${world.clients.a.statusToken}.json`)).status).toBe(
          200,
        );
    }
    await done;
    expect(performance.now() - started).toBeLessThan(3000);
    expect(statusOf(Buffer.concat(received).toString('latin1'))).toBe(408);
    expect((await fetch(`${server.url}/s/${world.clients.a.statusToken}.json`)).status).toBe(200);
  });

  it('rate-limits per address with 429 and Retry-After, unknown tokens included', async () => {
    const { server, world } = await setup({ rateLimit: { burst: 5, perSecond: 0.01 } });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await fetch(
        `${server.url}/s/${i % 2 ? world.clients.a.statusToken : 'x'.repeat(32)}.json`,
      );
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([404, 200, 404, 200, 404, 429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

describe('status server: live streams and time', () => {
  it('a live stream outlives the request timeouts (they bound receiving a request, not a response)', async () => {
    const { server, world } = await setup({
      limits: {
        headersTimeoutMs: 100,
        requestTimeoutMs: 150,
        connectionsCheckingIntervalMs: 20,
        keepAliveTimeoutMs: 100,
      },
    });
    const events = await openEvents(`${server.url}/s/${world.clients.a.statusToken}/events`);
    await events.next();
    let closed = false;
    void events.closed.then(() => (closed = true));
    // Several timeout periods pass (the absence of an event cannot be awaited).
    await delay(600);
    expect(closed).toBe(false);
    world.status.current = makeStatus('away');
    server.notifyChange();
    expect(JSON.parse((await events.next()).data)).toMatchObject({ state: 'away' });
    events.close();
  });

  it('pushes the next view by itself when the shown "until" passes', async () => {
    const switchAt = Date.now() + 300;
    const { server, world } = await setup({
      getView: (client) => {
        const now = new Date();
        const status =
          now.getTime() < switchAt
            ? { ...makeStatus('focus', new Date(switchAt).toISOString()), at: now.toISOString() }
            : { ...makeStatus('available', null), at: now.toISOString() };
        return clientStatusView({ client, status, timeline: [], now });
      },
    });
    const events = await openEvents(`${server.url}/s/${world.clients.a.statusToken}/events`);
    expect(JSON.parse((await events.next()).data)).toMatchObject({ state: 'focus' });
    const next = await events.next();
    expect(JSON.parse(next.data)).toMatchObject({ state: 'available' });
    expect(Date.now()).toBeGreaterThanOrEqual(switchAt);
    events.close();
  });
});

describe('status server: nothing leaks', () => {
  it('no canary in any endpoint of either client in any state, nor in the live stream', async () => {
    const { server, world } = await setup();
    const { a, b } = world.clients;
    const streams = await Promise.all(
      [a, b].map((c) => openEvents(`${server.url}/s/${c.statusToken}/events`)),
    );
    const states: AvailabilityState[] = ['available', 'focus', 'meeting', 'away', 'off-hours'];
    let checked = 0;
    for (const state of states) {
      for (const until of ['2025-03-12T15:00:00Z', '2025-03-19T15:00:00Z', null]) {
        world.status.current = makeStatus(state, until);
        server.notifyChange();
        for (const client of [a, b]) {
          for (const suffix of ['', '.json', '/badge.svg', '/freebusy.ics', '/live.js']) {
            const res = await fetch(`${server.url}/s/${client.statusToken}${suffix}`);
            expect(res.status).toBe(200);
            const text = await res.text();
            expect(leakedCanaries(text), `${state} ${client.id}${suffix}`).toEqual([]);
            expect(text).not.toContain(b.name);
            checked++;
          }
        }
        for (const stream of streams)
          expect(leakedCanaries((await stream.next()).data)).toEqual([]);
      }
    }
    expect(checked).toBe(5 * 3 * 2 * 5);
    for (const s of streams) s.close();
  });
});
