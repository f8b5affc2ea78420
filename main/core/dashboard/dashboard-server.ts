/**
 * The dashboard over HTTP for `office-hours serve`: the built renderer as static files, every Api method
 * as `POST /api/<method>`, and every Api event as Server-Sent Events at `GET /api/events`.
 *
 * Auth: a random session token on every /api request — `Authorization: Bearer <token>` for calls, and
 * `?token=<token>` on the event stream only, because EventSource cannot send headers. A cookie was the
 * other option and is worse here: cookies are not isolated by port, so every other server on 127.0.0.1
 * (including the status server) would receive it, and an ambient credential brings CSRF back into play.
 * The token reaches the browser in the URL fragment, which is never sent in any request.
 */
import { createReadStream } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Api,
  type ApiMethod,
  apiBodyLimits,
  isApiMethod,
  parseApiInput,
} from '../../../shared/api.js';
import { UserError, httpStatusOf, toWireError } from '../../../shared/errors.js';
import { openEventStream } from './event-stream.js';
import {
  hostAllowed,
  isLoopbackHost,
  originAllowed,
  sendError,
  sendJson,
  setSecurityHeaders,
} from './http-guards.js';
import { MIN_TOKEN_LENGTH, bearerToken, createSessionToken, tokensEqual } from './session-token.js';
import { contentTypeFor, resolveStaticFile } from './static-files.js';

/** Options of the dashboard server. */
export interface DashboardServerOptions {
  api: Api;
  /** Interface to bind (default 127.0.0.1). Anything but loopback needs an explicit `token`. */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Session token; a random 256-bit one when absent. At least 22 characters when given. */
  token?: string;
  /** Folder of the built dashboard (dist/renderer). */
  rendererDir: string;
  /** Host names accepted in the Host header besides loopback ones (when serving on another name). */
  allowedHosts?: string[];
  /** Largest request body accepted, bytes (default 64 KiB). */
  maxBodyBytes?: number;
  /** Where internal errors (500s) are written, once each: the app's rotating log, whose lines are redacted. */
  log: DashboardLog;
}

/** The part of a log the dashboard server writes to. */
export interface DashboardLog {
  error(message: string, fields?: Record<string, unknown>): void;
}

/** How long stopping waits for answers in flight before it cuts their connections. */
const CLOSE_GRACE_MS = 3_000;

/** A running dashboard server. */
export interface DashboardServer {
  /** Base URL, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  token: string;
  /** Stops listening and ends open event streams. */
  close(): Promise<void>;
}

/** The link to print for the user: the base URL with the token in the fragment (never sent to servers). */
export function dashboardLink(server: Pick<DashboardServer, 'url' | 'token'>): string {
  return `${server.url}#token=${encodeURIComponent(server.token)}`;
}

/** Starts the dashboard server and resolves once it is listening. */
export async function startDashboardServer(
  options: DashboardServerOptions,
): Promise<DashboardServer> {
  const host = options.host ?? '127.0.0.1';
  if (options.token !== undefined && options.token.length < MIN_TOKEN_LENGTH) {
    throw new Error(`dashboard token must be at least ${MIN_TOKEN_LENGTH} characters`);
  }
  if (!isLoopbackHost(host) && options.token === undefined) {
    // The dashboard can change everything: off this machine only with a token the user chose on purpose.
    throw new Error(
      `refusing to serve the dashboard on ${host} without a token you set (loopback only by default)`,
    );
  }
  const token = options.token ?? createSessionToken();
  const allowedHosts = [...(options.allowedHosts ?? []), ...(isLoopbackHost(host) ? [] : [host])];
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const streams = new Set<() => void>();
  const log = options.log;

  /** Answers with the error's kind (400/404/409, else 500 with the message only, logged once). */
  function sendFailure(res: ServerResponse, error: unknown, method?: string): void {
    const status = httpStatusOf(error);
    const wire = toWireError(error);
    if (status === 500) {
      log.error(`${method ?? 'request'} failed: ${wire.message}`, {
        ...(method ? { method } : {}),
        stack: error instanceof Error ? error.stack : undefined,
      });
    }
    sendJson(res, status, { error: wire });
  }

  // Answers not yet sent, so stopping can tell them to close their connection (see closeServer).
  const pending = new Set<ServerResponse>();
  const stopping = { now: false };
  /**
   * Once stopping and every answer is out, the connections left go at once: Chromium keeps one open
   * with no request on it (not "idle" to node), and the page's event stream would reconnect on it.
   */
  const cutWhenAnswered = (): void => {
    if (pending.size === 0) server.closeAllConnections();
  };

  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    if (stopping.now) {
      // A kept-alive connection asking again (an event stream's reconnect) would hold the server open.
      res.setHeader('Connection', 'close');
      return sendError(res, 503, 'ServiceUnavailable', 'the dashboard is stopping');
    }
    pending.add(res);
    res.on('close', () => {
      pending.delete(res);
      if (stopping.now) setImmediate(cutWhenAnswered);
    });
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) return sendFailure(res, error);
      // Too late for an answer (a file stream broke mid-way): end it, and say why in the log.
      log.error(`request ${req.method ?? ''} ${req.url?.split('?')[0] ?? ''} failed mid-answer`, {
        error,
      });
      res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, allowedHosts))
      return sendError(res, 421, 'MisdirectedRequest', 'unknown host');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/'))
      return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, 'MethodNotAllowed', 'method not allowed', { Allow: 'GET, HEAD' });
    return serveFile(req, res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const isEvents = url.pathname === '/api/events';
    const given =
      bearerToken(req.headers.authorization) ??
      (isEvents ? (url.searchParams.get('token') ?? undefined) : undefined);
    if (given === undefined || !tokensEqual(given, token)) {
      return sendError(res, 401, 'Unauthorized', 'missing or wrong session token', {
        'WWW-Authenticate': 'Bearer',
      });
    }
    if (!originAllowed(req, allowedHosts))
      return sendError(res, 403, 'Forbidden', 'cross-origin request refused');
    if (isEvents) {
      if (req.method !== 'GET')
        return sendError(res, 405, 'MethodNotAllowed', 'use GET', { Allow: 'GET' });
      const close = openEventStream(res, options.api);
      streams.add(close);
      res.on('close', () => streams.delete(close));
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    if (!isApiMethod(method))
      return sendError(res, 404, 'NotFound', `unknown method "${method.slice(0, 60)}"`);
    if (req.method !== 'POST')
      return sendError(res, 405, 'MethodNotAllowed', 'use POST', { Allow: 'POST' });
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type))
      return sendError(res, 415, 'UnsupportedMediaType', 'send application/json');
    const limit = Math.max(maxBody, apiBodyLimits[method] ?? 0);
    const body = await readBody(req, limit);
    if (body === 'too-large') {
      res.setHeader('Connection', 'close');
      return sendError(res, 413, 'PayloadTooLarge', `request body over ${limit} bytes`);
    }
    let input: unknown = {};
    if (body.trim() !== '') {
      try {
        input = JSON.parse(body);
      } catch {
        return sendFailure(res, new UserError({ problem: 'the request body is not valid JSON' }));
      }
    }
    await callApi(res, method, input);
  }

  async function callApi(res: ServerResponse, method: ApiMethod, input: unknown): Promise<void> {
    let result: unknown;
    try {
      const parsed = parseApiInput(method, input);
      // The Api's per-method signatures cannot be narrowed through an index; parseApiInput has checked the input.
      const fn = options.api[method] as (input: unknown) => Promise<unknown>;
      result = await fn.call(options.api, parsed);
    } catch (error) {
      // The owner's own dashboard shows the core's message (the core redacts secrets from its errors);
      // internal errors travel as their message only, never a stack or the error's other properties.
      return sendFailure(res, error, method);
    }
    sendJson(res, 200, result ?? null);
  }

  async function serveFile(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    const file = await resolveStaticFile(options.rendererDir, pathname);
    if (!file) return sendError(res, 404, 'NotFound', 'not found');
    res.writeHead(200, { 'Content-Type': contentTypeFor(file) });
    if (req.method === 'HEAD') return void res.end();
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file);
      stream.on('error', reject);
      res.on('close', resolve);
      stream.pipe(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}/`,
    token,
    close: () => {
      stopping.now = true;
      for (const res of pending) if (!res.headersSent) res.setHeader('Connection', 'close');
      const closed = closeServer(server, streams);
      setImmediate(cutWhenAnswered);
      return closed;
    },
  };
}

/** Reads a request body as UTF-8, giving up (and saying so) past `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Ends the event streams and stops once the answers in flight are sent (each closes its connection);
 * whatever still holds a connection a few seconds later is cut, so stopping never waits for a client.
 */
function closeServer(server: Server, streams: Set<() => void>): Promise<void> {
  for (const close of streams) close();
  streams.clear();
  const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
  return new Promise((resolve, reject) => {
    server.close((error) => {
      clearTimeout(cut);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
