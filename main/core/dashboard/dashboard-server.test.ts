import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Api, type ApiEvent, type ApiEvents, apiMethods } from '../../../shared/api.js';
import type { StatusNow } from '../../../shared/domain.js';
import { ConflictError, NotFoundError } from '../../../shared/errors.js';
import { createLog, logFile, noopLog } from '../log/log.js';
import { type DashboardServer, dashboardLink, startDashboardServer } from './dashboard-server.js';

const status: StatusNow = {
  at: '2025-03-03T10:00:00.000Z',
  state: 'focus',
  available: false,
  reason: 'Focus block',
  since: '2025-03-03T09:00:00.000Z',
  until: '2025-03-03T11:00:00.000Z',
  next: { at: '2025-03-03T11:00:00.000Z', state: 'available', available: true },
  overridden: false,
};

/** A stand-in Api: the transport is under test here, not the core. Records calls; emits on demand. */
function fakeApi(): {
  api: Api;
  calls: Array<[string, unknown]>;
  emit: <E extends ApiEvent>(e: E, p: ApiEvents[E]) => void;
} {
  const calls: Array<[string, unknown]> = [];
  const events = new EventEmitter();
  const record =
    <T>(name: string, result: T) =>
    async (input: unknown): Promise<T> => {
      calls.push([name, input]);
      return result;
    };
  const api: Api = {
    getStatus: record('getStatus', status),
    getDayTimeline: record('getDayTimeline', []),
    listCalendars: record('listCalendars', []),
    addCalendar: async () => {
      throw Object.assign(new Error('could not fetch https://cal.example.com/…: HTTP 404'), {
        internals: 'never sent',
      });
    },
    updateCalendar: record('updateCalendar', undefined as never),
    removeCalendar: record('removeCalendar', { removed: true }),
    syncCalendars: record('syncCalendars', []),
    setOverride: record('setOverride', { ...status, state: 'away', overridden: true }),
    clearOverride: record('clearOverride', status),
    getRules: record('getRules', { focusKeywords: ['focus'], tentativeIsBusy: true }),
    setRules: record('setRules', { focusKeywords: [], tentativeIsBusy: true }),
    previewRules: record('previewRules', []),
    getWorkingHours: record('getWorkingHours', { tz: 'UTC', days: [[], [], [], [], [], [], []] }),
    setWorkingHours: record('setWorkingHours', { tz: 'UTC', days: [[], [], [], [], [], [], []] }),
    logContact: record('logContact', undefined as never),
    undoLastContact: record('undoLastContact', { op: null }),
    editContact: record('editContact', undefined as never),
    deleteContact: record('deleteContact', { deleted: false }),
    listContacts: record('listContacts', []),
    importFile: record('importFile', undefined as never),
    getReport: record('getReport', undefined as never),
    getScripts: record('getScripts', undefined as never),
    getClientDetail: record('getClientDetail', undefined as never),
    importText: record('importText', undefined as never),
    undoImport: record('undoImport', { kind: null, removed: 0 }),
    getLastImport: record('getLastImport', null),
    listClients: record('listClients', []),
    addClient: async () => {
      throw new ConflictError({ field: 'name', value: 'Acme', problem: 'taken' });
    },
    updateClient: async () => {
      throw new NotFoundError({ field: 'id', value: 'nope', problem: 'no such client' });
    },
    removeClient: record('removeClient', { removed: false }),
    rotateClientLink: record('rotateClientLink', undefined as never),
    getSettings: record('getSettings', undefined as never),
    updateSettings: record('updateSettings', undefined as never),
    getSampleData: record('getSampleData', undefined as never),
    addSampleData: record('addSampleData', undefined as never),
    removeSampleData: record('removeSampleData', undefined as never),
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
  };
  return { api, calls, emit: (e, p) => events.emit(e, p) };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('startDashboardServer', () => {
  let dir: string;
  let server: DashboardServer;
  let fake: ReturnType<typeof fakeApi>;
  const auth = (): Record<string, string> => ({
    Authorization: `Bearer ${server.token}`,
    'Content-Type': 'application/json',
  });

  const logged: Record<string, unknown>[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oh-dash-'));
    const root = join(dir, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Office Hours</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'app.css'), 'body{}');
    await writeFile(join(dir, 'secret.txt'), 'outside the root');
    await symlink(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
    fake = fakeApi();
    server = await startDashboardServer({
      api: fake.api,
      rendererDir: root,
      log: { error: (message, fields) => logged.push({ message, ...fields }) },
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on loopback with a long random token and prints it in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(Buffer.from(server.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(dashboardLink(server)).toBe(`${server.url}#token=${server.token}`);
  });

  it('serves index.html for / with a strict CSP, nosniff and the right content types', async () => {
    const index = await send(server.url);
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Office Hours</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(`${server.url}assets/app.js`)).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await send(`${server.url}assets/app.css`)).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect((await send(`${server.url}missing.js`)).status).toBe(404);
  });

  it('refuses paths that leave the renderer folder, plain, encoded or through a symlink', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%5c..%5csecret.txt',
      '/assets/link.txt',
      '/%00',
    ]) {
      // A raw request line: URL parsers in clients would normalise the dots away before sending.
      const reply = await rawGet(server.url, path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('outside the root');
    }
  });

  it('requires the session token on every /api request', async () => {
    expect(
      (
        await send(`${server.url}api/getStatus`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    const wrong = await send(`${server.url}api/getStatus`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${server.token.slice(0, -1)}x`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    // The query token is for the event stream only.
    expect(
      (
        await send(`${server.url}api/getStatus?token=${server.token}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    expect((await send(`${server.url}api/events`)).status).toBe(401);
    expect(fake.calls).toEqual([]);
  });

  it('calls the method with the validated input and returns its JSON', async () => {
    const reply = await send(`${server.url}api/setOverride`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ mode: 'unavailable', minutes: 30 }),
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ state: 'away', overridden: true });
    expect(fake.calls.at(-1)).toEqual(['setOverride', { mode: 'unavailable', minutes: 30 }]);
    const empty = await send(`${server.url}api/getStatus`, { method: 'POST', headers: auth() });
    expect(empty.status).toBe(200);
  });

  it('answers 400 naming the field for bad input, 404 for unknown methods, 405 for other verbs', async () => {
    const bad = await send(`${server.url}api/setOverride`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ mode: 'sideways' }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toBe(
      'mode: "sideways" — allowed: available, unavailable',
    );
    const extra = await send(`${server.url}api/setOverride`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ mode: 'available', minutes: 'ten' }),
    });
    expect(JSON.parse(extra.body).error.message).toMatch(/minutes/);
    const notJson = await send(`${server.url}api/getStatus`, {
      method: 'POST',
      headers: auth(),
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    expect(
      (await send(`${server.url}api/constructor`, { method: 'POST', headers: auth(), body: '{}' }))
        .status,
    ).toBe(404);
    expect(
      (
        await send(`${server.url}api/dropEverything`, {
          method: 'POST',
          headers: auth(),
          body: '{}',
        })
      ).status,
    ).toBe(404);
    const get = await send(`${server.url}api/getStatus`, { headers: auth() });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const form = await send(`${server.url}api/getStatus`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  it('passes an internal error through as its message only, with a 500, logged once', async () => {
    logged.length = 0;
    const reply = await send(`${server.url}api/addCalendar`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ location: 'https://cal.example.com/x.ics' }),
    });
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toEqual({
      error: {
        name: 'InternalError',
        message: 'could not fetch https://cal.example.com/…: HTTP 404',
      },
    });
    expect(reply.body).not.toMatch(/internals|stack|at /);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      method: 'addCalendar',
      message: expect.stringContaining('HTTP 404'),
    });
  });

  it('answers 404 for a missing thing and 409 for a clash, with field and message', async () => {
    const missing = await send(`${server.url}api/updateClient`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ id: 'nope' }),
    });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({
      error: { name: 'NotFoundError', message: 'id: "nope" — no such client', field: 'id' },
    });
    const clash = await send(`${server.url}api/addClient`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ name: 'Acme' }),
    });
    expect(clash.status).toBe(409);
    expect(JSON.parse(clash.body).error).toMatchObject({ name: 'ConflictError', field: 'name' });
  });

  it('limits the body size', async () => {
    const big = JSON.stringify({ location: 'x'.repeat(100 * 1024) });
    const reply = await send(`${server.url}api/addCalendar`, {
      method: 'POST',
      headers: auth(),
      body: big,
    });
    expect(reply.status).toBe(413);
  });

  it('refuses foreign Host headers (DNS rebinding) and foreign origins', async () => {
    const rebound = await send(`${server.url}api/getStatus`, {
      method: 'POST',
      headers: { ...auth(), Host: 'evil.example:80' },
      body: '{}',
    });
    expect(rebound.status).toBe(421);
    expect((await send(server.url, { headers: { Host: 'evil.example' } })).status).toBe(421);
    const port = new URL(server.url).port;
    expect((await send(server.url, { headers: { Host: `localhost:${port}` } })).status).toBe(200);
    const cross = await send(`${server.url}api/getStatus`, {
      method: 'POST',
      headers: { ...auth(), Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const same = await send(`${server.url}api/getStatus`, {
      method: 'POST',
      headers: { ...auth(), Origin: server.url.slice(0, -1) },
      body: '{}',
    });
    expect(same.status).toBe(200);
  });

  it('delivers Api events as Server-Sent Events to a client holding the token', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        `${server.url}api/events?token=${encodeURIComponent(server.token)}`,
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            // Emit only once the stream is open, so the subscription surely exists.
            if (text.includes(': connected') && !text.includes('event:'))
              fake.emit('status', { ...status, reason: 'live' });
            if (text.includes('\n\nevent: status') && text.endsWith('\n\n')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    const data = /event: status\ndata: (.*)\n\n/.exec(received)?.[1];
    expect(JSON.parse(data ?? 'null')).toMatchObject({ reason: 'live', state: 'focus' });
  });

  it('exposes exactly the Api methods', async () => {
    for (const method of apiMethods) {
      const reply = await send(`${server.url}api/${method}`, { method: 'PUT', headers: auth() });
      expect(reply.status, method).toBe(405);
    }
  });
});

describe('startDashboardServer options', () => {
  it('refuses a non-loopback interface without a token the user set, and short tokens', async () => {
    const { api } = fakeApi();
    await expect(
      startDashboardServer({ api, rendererDir: tmpdir(), host: '0.0.0.0', log: noopLog }),
    ).rejects.toThrow(/loopback only/);
    await expect(
      startDashboardServer({ api, rendererDir: tmpdir(), token: 'short', log: noopLog }),
    ).rejects.toThrow(/at least 22/);
  });

  it('ends open event streams on close', async () => {
    const { api } = fakeApi();
    const server = await startDashboardServer({ api, rendererDir: tmpdir(), log: noopLog });
    const ended = new Promise<void>((resolve, reject) => {
      const req = request(
        `${server.url}api/events`,
        { headers: { Authorization: `Bearer ${server.token}` } },
        (res) => {
          res.once('data', () => void server.close());
          res.on('end', resolve);
          res.resume();
        },
      );
      req.on('error', reject);
      req.end();
    });
    await expect(ended).resolves.toBeUndefined();
  });

  it('stops at once after the answers in flight, though the page asks again over a kept-alive connection', async () => {
    // The page's event stream reconnects two seconds after it ended, over a connection still open
    // (kept alive from a call being answered when stopping began, or opened ahead): a new stream
    // there would hold the server open, and serve waited until it was killed.
    const { api } = fakeApi();
    let answer: (() => void) | undefined;
    const slow: Api = {
      ...api,
      getStatus: () => new Promise((resolve) => (answer = () => resolve(status))),
    };
    const server = await startDashboardServer({ api: slow, rendererDir: tmpdir(), log: noopLog });
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    let waiting: (() => void) | undefined;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      waiting?.();
    });
    const closed = new Promise<'closed'>((resolve) => socket.on('close', () => resolve('closed')));
    // A browser also opens connections ahead, with no request on them yet: they must not keep it open.
    const spare = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => spare.once('connect', resolve));
    const spareClosed = new Promise<'closed'>((resolve) =>
      spare.on('close', () => resolve('closed')),
    );
    const until = (pattern: RegExp): Promise<void> =>
      new Promise((resolve) => {
        waiting = () => void (pattern.test(received) && resolve());
        waiting();
      });
    const head = `Host: 127.0.0.1:${port}\r\nAuthorization: Bearer ${server.token}\r\n`;
    socket.write(
      `POST /api/getStatus HTTP/1.1\r\n${head}Content-Type: application/json\r\n` +
        'Content-Length: 2\r\nConnection: keep-alive\r\n\r\n{}',
    );
    await vi.waitFor(() => expect(answer).toBeDefined());
    const closing = server.close();
    answer?.();
    await until(/"state":"focus"/);
    // The call is answered in full, and told its connection closes.
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).toMatch(/\r\nConnection: close\r\n/i);
    // Asking again there (if the connection were still open) gets a refusal, never a new stream.
    received = '';
    if (!socket.destroyed) socket.write(`GET /api/events HTTP/1.1\r\n${head}\r\n`);
    const outcome = await Promise.race([
      closed,
      until(/\r\n\r\n/).then(() => received.slice(0, 12)),
    ]);
    expect(['closed', 'HTTP/1.1 503']).toContain(outcome);
    const stopped = await Promise.race([
      closing.then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 1_000)),
    ]);
    expect(
      await Promise.race([spareClosed, new Promise((r) => setTimeout(() => r('open'), 500))]),
    ).toBe('closed');
    socket.destroy();
    spare.destroy();
    expect(stopped).toBe('stopped');
  });
});

describe('the dashboard server and the log', () => {
  it('writes a 500 to the rotating log file, its feed address cut to the host, and nothing to stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oh-dash-log-'));
    const log = createLog(dir);
    const api = fakeApi().api;
    api.getRules = async () => {
      throw new Error('reading https://cal.example.com/private-Secret42/basic.ics broke');
    };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    const server = await startDashboardServer({ api, rendererDir: dir, log });
    try {
      const reply = await fetch(`${server.url}api/getRules`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(reply.status).toBe(500);
    } finally {
      console.error = original;
      await server.close();
      log.close();
    }
    const text = await readFile(logFile(dir), 'utf8');
    expect(text).toContain('getRules failed');
    expect(text).toContain('https://cal.example.com/');
    expect(text).not.toContain('Secret42');
    expect(errors).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });
});

/** Sends a GET with the path exactly as given (no client-side normalisation). */
function rawGet(base: string, path: string): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise<Reply>((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
