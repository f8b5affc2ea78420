/** Helpers for the status server tests: raw socket requests, an SSE reader, and a server over the fixtures. */
import { get } from 'node:http';
import { connect } from 'node:net';
import { startStatusServer, type StatusServer, type StatusServerOptions } from './status-server.js';
import { type FixtureClient, makeWorld } from './status-fixtures.js';
import { createTokenIndex } from './status-token.js';

/** Sends `text` as is on a fresh TCP connection and resolves to everything the server sent until it closed. */
export function rawRequest(port: number, text: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(text);
  });
}

/** The status code of a raw HTTP response text. */
export function statusOf(response: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
}

/** One Server-Sent Event as received. */
export interface ReceivedEvent {
  event: string;
  data: string;
  receivedAt: number;
}

/** An open SSE connection: `next()` resolves to the next event; `closed` when the server ends the stream. */
export interface EventReader {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  next(): Promise<ReceivedEvent>;
  closed: Promise<void>;
  close(): void;
}

/** Opens `url` as an event stream. */
export function openEvents(url: string): Promise<EventReader> {
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      const queue: ReceivedEvent[] = [];
      const waiters: ((e: ReceivedEvent) => void)[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (!event) continue;
          const received = { event, data, receivedAt: performance.now() };
          const waiter = waiters.shift();
          if (waiter) waiter(received);
          else queue.push(received);
        }
      });
      const closed = new Promise<void>((done) => res.on('close', () => done()));
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        next: () => {
          const queued = queue.shift();
          return queued ? Promise.resolve(queued) : new Promise((r) => waiters.push(r));
        },
        closed,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

/** A status server over the fixture world, with a token index the test can rotate. */
export async function startFixtureServer(
  extra: Partial<StatusServerOptions<FixtureClient>> = {},
): Promise<{
  server: StatusServer;
  port: number;
  world: ReturnType<typeof makeWorld>;
  rotate: (client: FixtureClient, token: string) => void;
}> {
  const world = makeWorld();
  const index = createTokenIndex([world.clients.a, world.clients.b]);
  const server = await startStatusServer<FixtureClient>({
    getClientByToken: (t) => index.get(t),
    getView: world.getView,
    getBusy: world.getBusy,
    rateLimit: false,
    ...extra,
  });
  const rotate = (client: FixtureClient, token: string): void => {
    client.statusToken = token;
    index.replace([world.clients.a, world.clients.b]);
    server.notifyChange();
  };
  return { server, port: Number(new URL(server.url).port), world, rotate };
}

/** One answer read off a kept-alive connection. */
export interface KeptAliveResponse {
  status: number;
  body: string;
  /** The whole response, head and body, exactly as the server sent it. */
  raw: Buffer;
}

/** One kept-alive TCP connection that sends GET requests one after another and reads each answer whole. */
export interface KeptAliveConnection {
  get(target: string): Promise<KeptAliveResponse>;
  close(): void;
}

/**
 * Opens a kept-alive connection to 127.0.0.1:`port`. Responses are framed by Content-Length (none
 * means an empty body); a connection the server closes or that fails rejects the answer waited for.
 */
export function keptAlive(port: number): KeptAliveConnection {
  const socket = connect(port, '127.0.0.1');
  let buffer = Buffer.alloc(0);
  let waiting: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    waiting?.();
  });
  const closed = new Promise<never>((_, reject) => {
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('the server closed the connection')));
  });
  closed.catch(() => undefined);
  const response = async (): Promise<KeptAliveResponse> => {
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end >= 0) {
        const head = buffer.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        const total = end + 4 + length;
        if (buffer.length >= total) {
          const raw = buffer.subarray(0, total);
          buffer = buffer.subarray(total);
          return { status: statusOf(head), body: raw.subarray(end + 4).toString('utf8'), raw };
        }
      }
      await Promise.race([new Promise<void>((resolve) => (waiting = resolve)), closed]);
    }
  };
  return {
    get: (target) => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      return response();
    },
    close: () => socket.destroy(),
  };
}
