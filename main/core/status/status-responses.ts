/** Ready-to-send responses of the status server: body, ETag and headers, made once per view and kept. */
import { createHash } from 'node:crypto';
import { STATUS_CODES, validateHeaderName, validateHeaderValue } from 'node:http';
import type { ClientStatusView } from './client-view.js';
import {
  type BusyInterval,
  PAGE_CSP,
  renderBadge,
  renderFreeBusy,
  renderStatusJson,
  renderStatusPage,
} from './render.js';

/** The representations of a view a status link serves. */
export type Representation = 'page' | 'json' | 'badge' | 'ics';

/** One response ready to write. */
export interface Rendered {
  status: number;
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
  /** The headers of a 304 for this response (validators and policy, no body headers). */
  notModifiedHeaders: Record<string, string>;
  /**
   * The same two header sets as one flat list [name, value, name, value, …], made once: Node walks a
   * flat list without building an entry per header (it still checks each name and value).
   */
  headerList: string[];
  notModifiedList: string[];
  /**
   * The body's UTF-8 bytes as a latin1 string. Written with encoding 'latin1' Node puts it behind the
   * head in one string and one socket write; a Buffer body goes as a second chunk through writev.
   */
  wire: string;
  /**
   * The status line and these header fields as they go on the wire ("HTTP/1.1 200 OK\r\nName: value\r\n…"),
   * without Date, Connection and the closing blank line, which depend on the moment and the connection.
   */
  head: string;
}

/** The status line and header lines of a response (names and values already checked by headerList). */
export function headText(status: number, list: readonly string[]): string {
  let head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}\r\n`;
  for (let i = 0; i < list.length; i += 2) head += `${list[i]}: ${list[i + 1]}\r\n`;
  return head;
}

/** The flat header list of `headers`, every name and value checked now so a bad one fails at render time. */
export function headerList(headers: Record<string, string>): string[] {
  const list: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    list.push(name, value);
  }
  return list;
}

/** One client's rendered view; parts are made on first request and dropped with the entry at a change. */
export interface StatusEntry {
  clientId: string;
  token: string;
  view: ClientStatusView;
  /** Date.now() after which the entry is remade (a time it shows has passed, or it is a minute old). */
  expiresAt: number;
  parts: Partial<Record<Representation, Rendered>>;
}

/** Headers every response carries. */
const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
};
// Not HTML, so nothing to run or frame; X-Frame-Options stays on the page, the one document a browser would frame.
const NO_FRAMES: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

const TYPES: Record<
  Representation,
  { type: string; cache: string; policy: Record<string, string> }
> = {
  page: {
    type: 'text/html; charset=utf-8',
    cache: 'private, no-cache',
    policy: {
      'Content-Security-Policy': PAGE_CSP,
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
    },
  },
  // The JSON and the badge are meant to be embedded in the client's own tools: readable and framable from anywhere.
  json: {
    type: 'application/json; charset=utf-8',
    cache: 'private, no-cache',
    policy: { ...NO_FRAMES, 'Access-Control-Allow-Origin': '*' },
  },
  badge: {
    type: 'image/svg+xml; charset=utf-8',
    cache: 'private, no-cache',
    policy: {
      'Content-Security-Policy': "default-src 'none'",
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Access-Control-Allow-Origin': '*',
    },
  },
  ics: { type: 'text/calendar; charset=utf-8', cache: 'private, max-age=300', policy: NO_FRAMES },
};

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function build(
  status: number,
  body: Buffer,
  type: string,
  cache: string,
  policy: Record<string, string>,
): Rendered {
  const etag = etagOf(body);
  const notModifiedHeaders = { ...BASE_HEADERS, ...policy, 'Cache-Control': cache, ETag: etag };
  const headers = {
    ...notModifiedHeaders,
    'Content-Type': type,
    'Content-Length': String(body.length),
  };
  const list = headerList(headers);
  return {
    status,
    body,
    etag,
    notModifiedHeaders,
    headers,
    headerList: list,
    head: headText(status, list),
    notModifiedList: headerList(notModifiedHeaders),
    wire: body.toString('latin1'),
  };
}

/** A fixed asset (the live script). */
export function renderStatic(text: string, type: string, cache: string): Rendered {
  return build(200, Buffer.from(text, 'utf8'), type, cache, NO_FRAMES);
}

/** A plain-text status response (404, 405, 414, 429, 503), never cached. */
export function textResponse(
  status: number,
  text: string,
  extra: Record<string, string> = {},
): Rendered {
  const r = build(
    status,
    Buffer.from(text, 'utf8'),
    'text/plain; charset=utf-8',
    'no-store',
    NO_FRAMES,
  );
  Object.assign(r.headers, extra);
  r.headerList = headerList(r.headers);
  r.head = headText(status, r.headerList);
  return r;
}

/** The part `kind` of an entry, rendered on first use. `busy` is read only for the calendar. */
export function renderEntryPart(
  entry: StatusEntry,
  kind: Representation,
  busy: () => readonly BusyInterval[],
): Rendered {
  const existing = entry.parts[kind];
  if (existing) return existing;
  const { view } = entry;
  let text: string;
  if (kind === 'page')
    // Relative to /s/<token>, so the links hold behind a proxy that mounts the server under a path.
    text = renderStatusPage(view, { assetBase: `${entry.token}/`, live: true });
  else if (kind === 'json') text = renderStatusJson(view);
  else if (kind === 'badge') text = renderBadge(view);
  else {
    const made = Date.parse(view.updatedAt);
    const now = new Date(Number.isFinite(made) ? made : Date.now());
    text = renderFreeBusy({ busy: busy(), now, locale: view.locale, uidSeed: entry.clientId });
  }
  const t = TYPES[kind];
  const rendered = build(200, Buffer.from(text, 'utf8'), t.type, t.cache, t.policy);
  entry.parts[kind] = rendered;
  return rendered;
}
