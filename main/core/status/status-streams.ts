/**
 * Live updates for open status pages: one Server-Sent Events stream per page, pushed the view's JSON
 * whenever it changes (at a change notice, or when a time the view shows has passed).
 */
import type { ServerResponse } from 'node:http';
import type { Rendered } from './status-responses.js';

/** Interval of the comment line that keeps proxies and sockets from timing an idle stream out. */
const KEEPALIVE_MS = 25_000;
/** A stream whose reader has fallen this far behind is dropped rather than buffered without bound. */
const MAX_BUFFERED = 64 * 1024;

/** What the hub needs from the server. */
export interface StreamHubOptions<C> {
  /** The client behind a token now (undefined once revoked or rotated). */
  lookup(token: string): C | undefined;
  /** The client's current JSON and when it must be remade. Throws when the core cannot build it. */
  entryFor(client: C): { expiresAt: number; json: Rendered };
  maxStreams: number;
  maxStreamsPerAddress: number;
  keepaliveMs?: number;
  /** Told when entryFor throws during a push (the page keeps its last view and is retried in 30 s). */
  onError?: (error: unknown) => void;
}

/** The set of open streams. */
export interface StreamHub<C> {
  /** Opens a stream for `client`; false when a limit says no (nothing was written then). */
  open(res: ServerResponse, client: C, address: string): boolean;
  /** Re-checks every stream's token and pushes views that changed. */
  broadcast(): void;
  closeAll(): void;
  readonly size: number;
}

interface Stream {
  res: ServerResponse;
  token: string;
  clientId: string;
  address: string;
  etag: string;
  expiresAt: number;
}

/** Formats one SSE message; JSON has no raw newlines, so one data line carries it. */
function viewEvent(json: Rendered): string {
  return `event: view\ndata: ${json.body.toString('utf8')}\n\n`;
}

/** Creates the hub. */
export function createStreamHub<C extends { id: string; statusToken: string }>(
  options: StreamHubOptions<C>,
): StreamHub<C> {
  const streams = new Set<Stream>();
  const perAddress = new Map<string, number>();
  let keepalive: NodeJS.Timeout | undefined;
  let refresh: NodeJS.Timeout | undefined;

  function drop(stream: Stream): void {
    if (!streams.delete(stream)) return;
    const n = (perAddress.get(stream.address) ?? 1) - 1;
    if (n > 0) perAddress.set(stream.address, n);
    else perAddress.delete(stream.address);
    if (streams.size === 0 && keepalive) {
      clearInterval(keepalive);
      keepalive = undefined;
    }
    if (!stream.res.writableEnded) stream.res.end();
  }

  function write(stream: Stream, text: string): void {
    if (stream.res.writableLength > MAX_BUFFERED) {
      stream.res.destroy();
      drop(stream);
      return;
    }
    stream.res.write(text);
  }

  /** One timer for the earliest moment a view on an open page goes stale. */
  function scheduleRefresh(): void {
    if (refresh) clearTimeout(refresh);
    refresh = undefined;
    let earliest = Number.POSITIVE_INFINITY;
    for (const s of streams) earliest = Math.min(earliest, s.expiresAt);
    if (!Number.isFinite(earliest)) return;
    // setTimeout caps at 2^31-1 ms; a little slack puts the render just after the moment, not before it.
    const delay = Math.min(Math.max(0, earliest - Date.now()) + 50, 2 ** 31 - 1);
    refresh = setTimeout(hub.broadcast, delay);
    refresh.unref();
  }

  const hub: StreamHub<C> = {
    open(res, client, address) {
      const mine = perAddress.get(address) ?? 0;
      if (streams.size >= options.maxStreams || mine >= options.maxStreamsPerAddress) return false;
      const { json, expiresAt } = options.entryFor(client);
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      });
      const stream: Stream = {
        res,
        token: client.statusToken,
        clientId: client.id,
        address,
        etag: json.etag,
        expiresAt,
      };
      streams.add(stream);
      perAddress.set(address, mine + 1);
      res.write(`retry: 3000\n\n${viewEvent(json)}`);
      res.on('close', () => drop(stream));
      if (!keepalive) {
        keepalive = setInterval(() => {
          for (const s of streams) write(s, ': keepalive\n\n');
        }, options.keepaliveMs ?? KEEPALIVE_MS);
        keepalive.unref();
      }
      scheduleRefresh();
      return true;
    },
    broadcast() {
      for (const stream of [...streams]) {
        const client = options.lookup(stream.token);
        if (!client || client.id !== stream.clientId) {
          // Revoked or rotated: the page loses its feed at once.
          drop(stream);
          continue;
        }
        try {
          const { json, expiresAt } = options.entryFor(client);
          stream.expiresAt = expiresAt;
          if (json.etag !== stream.etag) {
            stream.etag = json.etag;
            write(stream, viewEvent(json));
          }
        } catch (error) {
          // Keep the page on its last view until the core can build one again.
          stream.expiresAt = Date.now() + 30_000;
          options.onError?.(error);
        }
      }
      scheduleRefresh();
    },
    closeAll() {
      for (const stream of [...streams]) drop(stream);
      if (refresh) clearTimeout(refresh);
      refresh = undefined;
    },
    get size() {
      return streams.size;
    },
  };
  return hub;
}
