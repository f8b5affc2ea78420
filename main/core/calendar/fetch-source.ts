/** Fetches one calendar source (https/http/webcal URL or local .ics file), conditionally and within limits. */
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CalendarSource } from '../../../shared/domain.js';
import { BodySink, FETCH_DEFAULTS, decodeBody } from './body-sink.js';
import { httpFetch } from './fetch-http.js';
import { redactIn, redactLocation } from './redact.js';
import { SourceError, formatBytes } from './source-error.js';
import { isSealed } from '../store/secret-fields.js';

export { SourceError, type SourceErrorCode } from './source-error.js';
export { FETCH_DEFAULTS, decodeBody } from './body-sink.js';

/** Validators remembered from the last good fetch, sent back so an unchanged feed costs a 304. */
export interface SourceValidators {
  etag?: string;
  lastModified?: string;
}

/** Limits and switches for one fetch. */
export interface FetchOptions {
  /** Wall time for the whole fetch, redirects and body included (default 30 000 ms). */
  timeoutMs?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Largest body accepted, compressed and decompressed (default 50 MB). */
  maxBytes?: number;
  /** Allow plain http:// to hosts other than this computer (default false: feeds are secrets). */
  allowInsecureHttp?: boolean;
  /** Overrides the User-Agent (default `OfficeHours/<version> (+calendar sync)`). */
  userAgent?: string;
  /** Cancels the fetch (a stopping sync). */
  signal?: AbortSignal;
  /**
   * Stream the body into this file (fsynced; removed again on failure) instead of returning it as text.
   * The sync uses this so a 50 MB feed is never copied around on the main thread.
   */
  destination?: string;
}

/** The source answered that nothing changed since `previous` (HTTP 304 or the same file mtime and size). */
export interface FetchUnchanged extends SourceValidators {
  changed: false;
}

/** A new body. */
export interface FetchChanged extends SourceValidators {
  changed: true;
  /** Decompressed size in bytes. */
  bytes: number;
  /** SHA-256 (hex) of the decompressed bytes: tells a re-sent but identical feed apart cheaply. */
  sha256: string;
  /** The declared charset when not UTF-8 (e.g. "iso-8859-1"); decode with it. */
  charset?: string;
  /** The body decoded, unless it went to `options.destination`. */
  text?: string;
}

/** What a fetch brings back. */
export type FetchResult = FetchUnchanged | FetchChanged;

/** The source fields a fetch needs. */
export type FetchableSource = Pick<CalendarSource, 'location'> &
  Partial<Pick<CalendarSource, 'kind' | 'name'>>;

/** Fetches `source`; with `previous` validators a changed=false result means "reuse the cached copy". Throws SourceError. */
export async function fetchSource(
  source: FetchableSource,
  previous: SourceValidators | undefined,
  options: FetchOptions = {},
): Promise<FetchResult> {
  const where = resolveLocation(source);
  try {
    return where.kind === 'file'
      ? await fetchFile(where.path, previous, options)
      : await httpFetch(where.url, previous, options, userAgent(options));
  } catch (error) {
    // Defence in depth: whatever went wrong, the message leaving here must not carry the secret URL.
    if (error instanceof SourceError) {
      if (where.kind === 'file') throw error;
      throw new SourceError(error.code, redactIn(error.message, source.location), error.status);
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new SourceError('network', redactIn(message, source.location));
  }
}

type Where = { kind: 'file'; path: string } | { kind: 'url'; url: URL };

/** Tells a file path from a URL; webcal:// becomes https://. */
export function resolveLocation(source: FetchableSource): Where {
  const location = source.location.trim();
  if (isSealed(location))
    throw new SourceError(
      'network',
      'the address is encrypted with the desktop app’s keychain and cannot be read here; the cached copy stays in use',
    );
  if (/^file:\/\//i.test(location)) return { kind: 'file', path: fileURLToPath(location) };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    if (source.kind === 'url')
      throw new SourceError('network', `not a web address: ${redactLocation(location)}`);
    if (!isAbsolute(location))
      throw new SourceError('not-found', `not an absolute file path: ${location}`);
    return { kind: 'file', path: location };
  }
  if (!['https', 'http', 'webcal', 'webcals'].includes(scheme)) {
    throw new SourceError(
      'network',
      `unsupported address (${scheme}://); use an https:// or webcal:// link`,
    );
  }
  let url: URL;
  try {
    url = new URL(scheme.startsWith('webcal') ? `https${location.slice(scheme.length)}` : location);
  } catch {
    throw new SourceError('network', `not a valid web address: ${redactLocation(location)}`);
  }
  return { kind: 'url', url };
}

async function fetchFile(
  path: string,
  previous: SourceValidators | undefined,
  options: FetchOptions,
): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (info.isDirectory())
    throw new SourceError('not-found', `${path} is a folder, not a calendar file`);
  if (info.size > maxBytes)
    throw new SourceError('too-large', `larger than ${formatBytes(maxBytes)}: ${path}`);
  // The file's mtime (and size, for coarse mtime clocks) is its validator.
  const etag = `"file-${info.size}-${info.mtimeMs}"`;
  const lastModified = info.mtime.toUTCString();
  if (previous?.etag === etag) return { changed: false, etag, lastModified };
  const sink = new BodySink(maxBytes, options.destination);
  try {
    for await (const chunk of createReadStream(path, { signal: options.signal }))
      await sink.write(chunk as Buffer);
    const { bytes, sha256, body } = await sink.finish();
    return {
      changed: true,
      etag,
      lastModified,
      bytes,
      sha256,
      ...(body ? { text: decodeBody(body) } : {}),
    };
  } catch (error) {
    await sink.discard();
    if (error instanceof SourceError) throw error;
    if (options.signal?.aborted) throw new SourceError('network', 'the sync was cancelled');
    throw fileError(path, error);
  }
}

function fileError(path: string, error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new SourceError('not-found', `no such file: ${path}`);
  if (code === 'EACCES' || code === 'EPERM')
    return new SourceError('network', `not allowed to read ${path}`);
  return new SourceError(
    'network',
    `could not read ${path}: ${error instanceof Error ? error.message : String(error)}`,
  );
}

let version: string | undefined;

/** The app version from the nearest office-hours package.json (source tree or beside the bundle in dist/). */
export function appVersion(): string {
  if (version !== undefined) return version;
  version = '0.0.0';
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'office-hours' && pkg.version) return (version = pkg.version);
    } catch {
      // No package.json here: keep walking up.
    }
    dir = dirname(dir);
  }
  return version;
}

function userAgent(options: FetchOptions): string {
  return options.userAgent ?? `OfficeHours/${appVersion()} (+calendar sync)`;
}
