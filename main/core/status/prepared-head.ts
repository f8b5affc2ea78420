/**
 * Writing a cached response with its head made in advance. `writeHead` checks every header name and
 * value with a regular expression and rebuilds the head string on each request — with a status
 * response's ten security and cache headers that was the largest cost the status server had over a
 * bare server (about 6 000 of its instructions per request under callgrind). The head is made and
 * checked once when the response is rendered (status-responses.ts); here only what changes per
 * request is added: Date and the keep-alive lines.
 *
 * This sets ServerResponse's `_header`, the string `writeHead` would have stored, which every Node
 * release since 0.x has kept and sent in front of the first body chunk. It is used only where it
 * means exactly what `writeHead` would have written — a kept-alive HTTP/1.1 connection below its
 * request limit, a response with nothing set on it yet — and `writeHead` is used everywhere else.
 */
import type { ServerResponse } from 'node:http';

/** The part of ServerResponse's internals this relies on. */
interface ResponseInternals {
  _header: string | null | undefined;
  _headerSent?: boolean;
  maxRequestsOnConnectionReached?: boolean;
  chunkedEncoding?: boolean;
}

let dateSecond = -1;
let dateLine = '';

/** The Date header line for `now` (ms), made once a second as Node does. */
function dateFor(now: number): string {
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateLine = `Date: ${new Date(second * 1000).toUTCString()}\r\n`;
  }
  return dateLine;
}

/**
 * Writes `head` (status line and fields, see Rendered.head) and `wire` (the body as latin1) in one
 * socket write, when the connection allows it; false (nothing written) when the caller must use
 * writeHead. `keepAliveSeconds` is the server's keep-alive timeout, as Node would announce it.
 */
export function writePrepared(
  res: ServerResponse,
  status: number,
  head: string,
  wire: string,
  now: number,
  keepAliveSeconds: number,
): boolean {
  const r = res as unknown as ResponseInternals;
  if (
    r._header !== null ||
    r._headerSent !== false ||
    r.chunkedEncoding !== false ||
    !res.shouldKeepAlive ||
    r.maxRequestsOnConnectionReached !== false ||
    res.req.httpVersion !== '1.1' ||
    res.getHeaderNames().length > 0
  )
    return false;
  res.statusCode = status;
  r._header = `${head}${dateFor(now)}Connection: keep-alive\r\nKeep-Alive: timeout=${keepAliveSeconds}\r\n\r\n`;
  res.end(wire, 'latin1');
  return true;
}
