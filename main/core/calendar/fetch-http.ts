/** The HTTP half of fetchSource: conditional GET, manual redirects, decompression, limits, user-facing errors. */
import { STATUS_CODES, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createUnzip } from 'node:zlib';
import { BodySink, FETCH_DEFAULTS, decodeBody, htmlError } from './body-sink.js';
import type { FetchOptions, FetchResult, SourceValidators } from './fetch-source.js';
import { SourceError, formatBytes, formatSeconds } from './source-error.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Types that are certainly not a calendar; anything else is given to the parser, which has the last word. */
const NOT_CALENDAR =
  /^(text\/html|application\/xhtml\+xml|image\/|audio\/|video\/|font\/|application\/json)/;

/** GETs `url` following at most `maxRedirects` redirects; see fetchSource for the contract. */
export async function httpFetch(
  start: URL,
  previous: SourceValidators | undefined,
  options: FetchOptions,
  userAgent: string,
): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  // One deadline for the whole exchange: a server trickling bytes must not hold a sync forever.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort('timeout'), timeoutMs);
  const onOuterAbort = (): void => abort.abort('cancelled');
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) abort.abort('cancelled');
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: 'text/calendar, text/plain;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate',
  };
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;

  let url = start;
  const seen = new Set<string>();
  try {
    for (let hop = 0; ; hop++) {
      checkScheme(url, options);
      seen.add(url.href);
      const res = await get(url, headers, abort.signal);
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location !== undefined) {
        res.destroy();
        const next = redirectTarget(url, res.headers.location);
        if (seen.has(next.href)) throw new SourceError('redirects', `redirect loop at ${url.host}`);
        if (hop + 1 > maxRedirects)
          throw new SourceError(
            'redirects',
            `more than ${maxRedirects} redirects from ${start.host}`,
          );
        url = next;
        continue;
      }
      const validators = pickValidators(res);
      if (status === 304 && previous !== undefined) {
        res.destroy();
        return {
          changed: false,
          ...(validators.etag || validators.lastModified ? validators : previous),
        };
      }
      if (status !== 200 && status !== 203) {
        res.destroy();
        throw httpError(status, res.statusMessage, url.host);
      }
      const { charset, mime } = contentType(res.headers['content-type']);
      if (mime === 'text/html' || mime === 'application/xhtml+xml') {
        res.destroy();
        throw htmlError();
      }
      if (NOT_CALENDAR.test(mime)) {
        res.destroy();
        throw new SourceError('content-type', `got ${mime} from ${url.host}, not a calendar`);
      }
      const body = await readBody(res, maxBytes, options.destination);
      return {
        changed: true,
        ...validators,
        bytes: body.bytes,
        sha256: body.sha256,
        ...(charset && charset !== 'utf-8' && charset !== 'utf8' ? { charset } : {}),
        ...(body.body ? { text: decodeBody(body.body, charset) } : {}),
      };
    }
  } catch (error) {
    if (abort.signal.aborted) {
      if (abort.signal.reason === 'timeout')
        throw new SourceError(
          'timeout',
          `timed out after ${formatSeconds(timeoutMs)} (${start.host})`,
        );
      throw new SourceError('network', 'the sync was cancelled');
    }
    if (error instanceof SourceError) throw error;
    throw networkError(error, url.host);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** Plain http:// only to this computer (a test server, a local proxy) unless the user allowed it. */
function checkScheme(url: URL, options: FetchOptions): void {
  if (url.protocol === 'https:') return;
  if (url.protocol !== 'http:')
    throw new SourceError('network', `unsupported address (${url.protocol}//) from a redirect`);
  if (!options.allowInsecureHttp && !isLoopback(url.hostname)) {
    throw new SourceError(
      'network',
      `plain http:// to ${url.host} is not allowed (the link would travel unencrypted); use https://`,
    );
  }
}

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function redirectTarget(from: URL, location: string): URL {
  try {
    const next = new URL(location, from);
    if (next.protocol === 'webcal:' || next.protocol === 'webcals:')
      return new URL(`https:${next.href.slice(next.protocol.length)}`);
    return next;
  } catch {
    throw new SourceError('redirects', `${from.host} redirected to an invalid address`);
  }
}

function get(
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', headers, signal }, (res) => {
      // The request's signal only guards the request; the body read must stop on the deadline too.
      const stop = (): void => void res.destroy(new Error('aborted'));
      signal.addEventListener('abort', stop, { once: true });
      res.once('close', () => signal.removeEventListener('abort', stop));
      resolve(res);
    });
    req.once('error', reject);
    req.end();
  });
}

async function readBody(
  res: IncomingMessage,
  maxBytes: number,
  destination?: string,
): ReturnType<BodySink['finish']> {
  const declared = Number(res.headers['content-length'] ?? NaN);
  if (declared > maxBytes) {
    res.destroy();
    throw new SourceError('too-large', `larger than ${formatBytes(maxBytes)}`);
  }
  const encoding = (res.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  const sink = new BodySink(maxBytes, destination);
  let wire = 0;
  // Counts the bytes as they arrive, so a compressed stream is limited before and after inflating.
  async function* counted(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      wire += chunk.byteLength;
      if (wire > maxBytes)
        throw new SourceError('too-large', `larger than ${formatBytes(maxBytes)}`);
      yield chunk;
    }
  }
  async function consume(source: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of source) await sink.write(chunk);
  }
  try {
    if (encoding === 'identity' || encoding === '') await pipeline(res, counted, consume);
    else if (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate')
      await pipeline(res, counted, createUnzip(), consume);
    else if (encoding === 'br') await pipeline(res, counted, createBrotliDecompress(), consume);
    else throw new SourceError('http', `the server sent an unsupported encoding (${encoding})`);
    if (!res.complete || (encoding === 'identity' && Number.isFinite(declared) && wire < declared))
      throw truncated(wire, declared);
    return await sink.finish();
  } catch (error) {
    await sink.discard();
    if (error instanceof SourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (
      code === 'Z_BUF_ERROR' ||
      code === 'ECONNRESET' ||
      code === 'ERR_STREAM_PREMATURE_CLOSE' ||
      !res.complete
    )
      throw truncated(wire, declared);
    if (typeof code === 'string' && code.startsWith('Z_'))
      throw new SourceError('network', 'the server sent damaged compressed data');
    throw error;
  }
}

function truncated(received: number, declared: number): SourceError {
  const of = Number.isFinite(declared) ? ` of ${formatBytes(declared)}` : '';
  return new SourceError(
    'truncated',
    `the download broke off after ${formatBytes(received)}${of}; will retry`,
  );
}

function pickValidators(res: IncomingMessage): SourceValidators {
  const out: SourceValidators = {};
  const etag = res.headers.etag;
  const lastModified = res.headers['last-modified'];
  if (etag) out.etag = etag;
  if (lastModified) out.lastModified = lastModified;
  return out;
}

function contentType(header: string | undefined): { mime: string; charset?: string } {
  const [mime = '', ...params] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/^"|"$/g, '');
  return charset ? { mime, charset } : { mime };
}

function httpError(status: number, statusText: string | undefined, host: string): SourceError {
  const text = statusText || STATUS_CODES[status] || '';
  let hint = '';
  if (status === 401 || status === 403) hint = ' — the link may have expired or been revoked';
  else if (status === 404 || status === 410) hint = ' — is the link still valid?';
  else if (status === 429 || status >= 500) hint = '; will retry';
  return new SourceError(
    'http',
    `HTTP ${status}${text ? ` ${text}` : ''} from ${host}${hint}`,
    status,
  );
}

function networkError(error: unknown, host: string): SourceError {
  const err = error as NodeJS.ErrnoException;
  const code = err.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new SourceError('network', `could not find ${host} (offline, or a typo in the link?)`);
  if (code === 'ECONNREFUSED') return new SourceError('network', `${host} refused the connection`);
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return new SourceError('network', `the connection to ${host} was reset`);
  if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
    return new SourceError('network', `could not reach ${host} (${code})`);
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO/.test(code))
    return new SourceError('network', `the secure connection to ${host} failed: ${err.message}`);
  return new SourceError(
    'network',
    `could not fetch from ${host}: ${err.message ?? String(error)}`,
  );
}
