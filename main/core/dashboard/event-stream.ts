/** Server-Sent Events: every ApiEvents event, pushed to each connected dashboard as it happens. */
import type { ServerResponse } from 'node:http';
import { type Api, type ApiEvent, type ApiEvents, apiEvents } from '../../../shared/api.js';

/** Interval of the comment line that keeps idle proxies and sockets from timing the stream out. */
const KEEPALIVE_MS = 25_000;

/** Formats one SSE message. JSON never contains a raw newline, so one `data:` line suffices. */
export function formatSseEvent(event: string, payload: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/**
 * Turns `res` into an event stream subscribed to every Api event; unsubscribes when the client goes
 * away. Returns a function that ends the stream (used when the server closes).
 */
export function openEventStream(res: ServerResponse, api: Api): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // The retry hint and a first comment flush the headers so the client's `open` fires at once.
  res.write('retry: 2000\n: connected\n\n');
  const unsubscribers = apiEvents.map((name) => subscribe(api, name, res));
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  keepalive.unref();
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(keepalive);
    for (const off of unsubscribers) off();
    res.end();
  };
  res.on('close', close);
  return close;
}

function subscribe<E extends ApiEvent>(api: Api, name: E, res: ServerResponse): () => void {
  return api.on(name, (payload: ApiEvents[E]) => {
    if (!res.writableEnded) res.write(formatSseEvent(name, payload));
  });
}
