/**
 * The status server: what each client sees at their private link. Read-only, GET and HEAD only, every
 * response from memory (no path ever reaches the file system), unknown tokens indistinguishable from any
 * other missing page. Views are rendered once per change and served from a cache with ETags.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Client } from '../../../shared/domain.js';
import type { ClientStatusView } from './client-view.js';
import { type RateLimitOptions, addressKey, createRateLimiter } from './rate-limit.js';
import { LIVE_SCRIPT, type BusyInterval } from './render.js';
import {
  type Rendered,
  type Representation,
  type StatusEntry,
  renderEntryPart,
  renderStatic,
  textResponse,
} from './status-responses.js';
import { type StatusErrorHandler, throttledErrorHandler } from './error-reporter.js';
import { writePrepared } from './prepared-head.js';
import { createStreamHub } from './status-streams.js';
import { STATUS_TOKEN_PATTERN, isStatusTokenShape, tokenKey } from './status-token.js';

/** What the server needs of a client record. */
export type StatusServerClient = Pick<Client, 'id' | 'statusToken'>;

/** Bounds that keep one slow or greedy client from hurting the others. */
export interface StatusServerLimits {
  /** Longest request target accepted (414 beyond). */
  maxUrlLength: number;
  /** Largest request head in bytes (Node answers 431 beyond). */
  maxHeaderSize: number;
  /** Time to receive the request head (408 after). */
  headersTimeoutMs: number;
  /** Time to receive the whole request (408 after). */
  requestTimeoutMs: number;
  /** How often Node checks the two timeouts above. */
  connectionsCheckingIntervalMs: number;
  /** Idle time of a kept-alive connection between requests. */
  keepAliveTimeoutMs: number;
  /** Open live streams in total and per address. */
  maxStreams: number;
  maxStreamsPerAddress: number;
  /** Longest a rendered view is served before it is made again (it is also remade at every change). */
  cacheMaxAgeMs: number;
}

/** Options of `startStatusServer`. */
export interface StatusServerOptions<C extends StatusServerClient> {
  /** Address to listen on; loopback unless the user chose to publish on a public address. */
  host?: string;
  port?: number;
  /**
   * The client whose current token is `token` (see createTokenIndex); undefined for unknown or revoked.
   * `key` is the token's tokenKey, already computed: an index keyed by digests can use it as it is.
   */
  getClientByToken(token: string, key: string): C | undefined;
  /** The client's view now (clientStatusView). */
  getView(client: C): ClientStatusView;
  /** The client's busy stretches for the next 60 days (busyIntervals). */
  getBusy(client: C): readonly BusyInterval[];
  /** Subscribes to changes of anything a view shows; returns the unsubscribe. */
  subscribe?(listener: () => void): () => void;
  /** Requests per address; false turns limiting off. Default: burst 60, 10 per second. */
  rateLimit?: RateLimitOptions | false;
  limits?: Partial<StatusServerLimits>;
  /**
   * Told when the core fails to build a view (the request got a 503, or a live page kept its last
   * view), at most once a minute with the count of the failures in between. The response never
   * carries the detail; the log may.
   */
  onError?: StatusErrorHandler;
}

/** A running status server. */
export interface StatusServer {
  /** Base URL, e.g. http://127.0.0.1:4321 (links are `${url}/s/<token>`). */
  url: string;
  /** Re-renders every view and pushes the changed ones to open pages. */
  notifyChange(): void;
  close(): Promise<void>;
}

const DEFAULT_LIMITS: StatusServerLimits = {
  maxUrlLength: 2048,
  maxHeaderSize: 8192,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  connectionsCheckingIntervalMs: 1_000,
  keepAliveTimeoutMs: 5_000,
  maxStreams: 1_000,
  maxStreamsPerAddress: 10,
  cacheMaxAgeMs: 60_000,
};

// The token group is STATUS_TOKEN_PATTERN itself, so a match has the token's shape checked already.
const ROUTE = new RegExp(
  `^/s/(${STATUS_TOKEN_PATTERN.source.slice(1, -1)})(\\.json|/badge\\.svg|/freebusy\\.ics|/events|/live\\.js)?$`,
);
const ROUTES: Record<string, Representation | 'events' | 'live'> = {
  '': 'page',
  '.json': 'json',
  '/badge.svg': 'badge',
  '/freebusy.ics': 'ics',
  '/events': 'events',
  '/live.js': 'live',
};

const NOT_FOUND = textResponse(404, 'Not found\n');
const URI_TOO_LONG = textResponse(414, 'URI too long\n');
const NOT_ALLOWED = textResponse(405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
const TOO_MANY_STREAMS = textResponse(429, 'Too many open pages\n', { 'Retry-After': '30' });
const UNAVAILABLE = textResponse(503, 'Status temporarily unavailable\n', { 'Retry-After': '30' });
const STREAM_HEAD = textResponse(200, '', { 'Content-Type': 'text/event-stream; charset=utf-8' });
// Made once per wait so a flood of refused requests costs no hashing.
const tooManyByWait = new Map<number, Rendered>();
function tooManyRequests(wait: number): Rendered {
  let r = tooManyByWait.get(wait);
  if (!r) {
    r = textResponse(429, 'Too many requests\n', { 'Retry-After': String(wait) });
    if (tooManyByWait.size < 100) tooManyByWait.set(wait, r);
  }
  return r;
}
const LIVE = renderStatic(LIVE_SCRIPT, 'text/javascript; charset=utf-8', 'public, max-age=3600');

/** Starts the status server and resolves once it listens. */
export async function startStatusServer<C extends StatusServerClient>(
  options: StatusServerOptions<C>,
): Promise<StatusServer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const reportError = throttledErrorHandler(options.onError);
  const limiter =
    options.rateLimit === false
      ? null
      : createRateLimiter(options.rateLimit ?? { burst: 60, perSecond: 10 });
  // By client id, not by token: the secret is never a key outside the digest-keyed index.
  const cache = new Map<string, StatusEntry>();
  // Each record's token digest, made once per token (a rotation gives a new token, so a new digest).
  const recordKeys = new WeakMap<C, { token: string; key: string }>();
  const keyOfRecord = (client: C): string => {
    let known = recordKeys.get(client);
    if (known?.token !== client.statusToken) {
      known = { token: client.statusToken, key: tokenKey(client.statusToken) };
      recordKeys.set(client, known);
    }
    return known.key;
  };

  /**
   * The client behind `token`, re-checked against the record's own token by digest (see tokenKey:
   * comparing digests tells nothing about the token). At most one hash per request (none when a
   * kept-alive connection asks for its last link again): the digest is both the index key and what the
   * record is checked against.
   */
  function lookup(token: string): C | undefined {
    return isStatusTokenShape(token) ? lookupShaped(token) : undefined;
  }
  /** lookup() for a token the route pattern has already checked the shape of. */
  function lookupShaped(token: string, key = tokenKey(token)): C | undefined {
    const client = options.getClientByToken(token, key);
    return client && keyOfRecord(client) === key ? client : undefined;
  }

  /** The cached rendering of `client`'s view, remade when a change cleared it or a time in it passed. */
  function entryFor(client: C, now = Date.now()): StatusEntry {
    const cached = cache.get(client.id);
    if (cached && cached.token === client.statusToken && now < cached.expiresAt) return cached;
    const view = options.getView(client);
    const times = [view.until, view.nextStandingCall, view.nextAvailable].map((t) =>
      t ? Date.parse(t) : Number.NaN,
    );
    const expiresAt = Math.min(now + limits.cacheMaxAgeMs, ...times.filter((t) => t > now));
    const entry: StatusEntry = {
      clientId: client.id,
      token: client.statusToken,
      view,
      expiresAt,
      parts: {},
    };
    cache.set(client.id, entry);
    return entry;
  }

  const hub = createStreamHub<C>({
    lookup,
    entryFor: (client) => {
      const entry = entryFor(client);
      return { expiresAt: entry.expiresAt, json: renderEntryPart(entry, 'json', () => []) };
    },
    maxStreams: limits.maxStreams,
    maxStreamsPerAddress: limits.maxStreamsPerAddress,
    onError: (error) => reportError(error, 'push'),
  });

  const keepAliveSeconds = Math.floor(limits.keepAliveTimeoutMs / 1000);
  function send(req: IncomingMessage, res: ServerResponse, r: Rendered, now = Date.now()): void {
    if (r.status === 200) {
      const inm = ifNoneMatch(req.rawHeaders);
      if (inm !== undefined && etagMatches(inm, r.etag)) {
        res.writeHead(304, r.notModifiedList);
        res.end();
        return;
      }
    }
    if (
      req.method !== 'HEAD' &&
      keepAliveSeconds > 0 &&
      writePrepared(res, r.status, r.head, r.wire, now, keepAliveSeconds)
    )
      return;
    res.writeHead(r.status, r.headerList);
    if (req.method === 'HEAD') res.end();
    else res.end(r.wire, 'latin1');
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const target = req.url ?? '';
    if (target.length > limits.maxUrlLength) return send(req, res, URI_TOO_LONG);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, NOT_ALLOWED);
    const connection = connectionOf(req.socket);
    const address = connection.address;
    // One clock read per request, for the rate limit and the cache's expiry alike.
    const now = Date.now();
    const wait = limiter?.take(address, now) ?? 0;
    if (wait > 0) return send(req, res, tooManyRequests(wait));
    // A kept-alive connection mostly asks for the same link again: then its route and digest are known.
    // The record is still looked up and checked every time, so a revoked or rotated token stops at once.
    if (!sameSecret(target, connection.target)) {
      const q = target.indexOf('?');
      const match = ROUTE.exec(q < 0 ? target : target.slice(0, q));
      const routed = match ? ROUTES[match[2] ?? ''] : undefined;
      if (!match?.[1] || !routed) return send(req, res, NOT_FOUND);
      connection.target = target;
      connection.kind = routed;
      connection.token = match[1];
      connection.key = tokenKey(match[1]);
    }
    const { kind } = connection;
    const client = lookupShaped(connection.token, connection.key);
    if (!client) return send(req, res, NOT_FOUND);
    if (kind === 'live') return send(req, res, LIVE);
    try {
      const entry = entryFor(client, now);
      if (kind !== 'events') {
        const part = entry.parts[kind];
        if (part) return send(req, res, part, now);
        return send(
          req,
          res,
          renderEntryPart(entry, kind, () => options.getBusy(client)),
        );
      }
      if (req.method === 'HEAD') return send(req, res, STREAM_HEAD);
      if (!hub.open(res, client, address)) send(req, res, TOO_MANY_STREAMS);
    } catch (error) {
      // The core failed to build the view: say so without detail (it could carry calendar data).
      reportError(error, 'request');
      send(req, res, UNAVAILABLE);
    }
  }

  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderSize,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.connectionsCheckingIntervalMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
    },
    handle,
  );
  // Bound file descriptors: live streams and kept-alive sockets both hold one.
  server.maxConnections = limits.maxStreams + 1_000;

  let notifyScheduled = false;
  function notifyChange(): void {
    cache.clear();
    if (notifyScheduled) return;
    notifyScheduled = true;
    // Coalesce a burst of changes within one tick into one push.
    setImmediate(() => {
      notifyScheduled = false;
      hub.broadcast();
    });
  }
  const unsubscribe = options.subscribe?.(notifyChange);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    notifyChange,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe?.();
        hub.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * What a connection keeps between its requests: its rate-limit key (a kept-alive connection asks many
 * times, its address never changes) and its last routed request target with the route's kind, token and
 * token digest (target '' until then).
 */
interface ConnectionState {
  address: string;
  target: string;
  kind: Representation | 'events' | 'live';
  token: string;
  key: string;
}
const connections = new WeakMap<Socket, ConnectionState>();
function connectionOf(socket: Socket): ConnectionState {
  let state = connections.get(socket);
  if (state === undefined) {
    state = {
      address: addressKey(socket.remoteAddress),
      target: '',
      kind: 'page',
      token: '',
      key: '',
    };
    connections.set(socket, state);
  }
  return state;
}

/**
 * True when `value` equals `previous` (and is not empty), in time that depends only on `value`'s length.
 * Mostly `previous` is the asker's own last request, but a reverse proxy carries many people's requests
 * over one kept-alive connection, so it may hold someone else's token: an early-exit === would tell a
 * guesser how long a prefix they have right, and an early exit on length which link was asked for.
 */
export function sameSecret(value: string, previous: string): boolean {
  let diff = value.length ^ previous.length;
  // Past the end of `previous`, charCodeAt is NaN, which ^ treats as 0: the length already differs.
  for (let i = 0; i < value.length; i++) diff |= value.charCodeAt(i) ^ previous.charCodeAt(i);
  return diff === 0 && value.length > 0;
}

/**
 * The If-None-Match header(s), read from the raw list: touching `req.headers` makes Node build the whole
 * header object, a measurable share of a request this small.
 */
function ifNoneMatch(raw: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (name.length === 13 && name.toLowerCase() === 'if-none-match') {
      value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1]}`;
    }
  }
  return value;
}

/** True when an If-None-Match header lists `etag` (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(header: string, etag: string): boolean {
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((part) => {
    const tag = part.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}
