/** Minimal WebDAV client for publishing status files: PUT, MKCOL and DELETE with retries and backoff. */
import { setTimeout as delay } from 'node:timers/promises';
import { redactLocation } from '../calendar/redact.js';

/** Where and how to upload. The URL (and headers) may hold credentials: they never appear in errors. */
export interface WebDavTarget {
  /** Collection URL the files go under, e.g. https://dav.example.com/status/ */
  url: string;
  /** Extra request headers, e.g. Authorization. */
  headers?: Record<string, string>;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff delay; doubles with each retry, with jitter (default 500 ms). */
  baseDelayMs?: number;
  /** Longest backoff delay (default 30 s). */
  maxDelayMs?: number;
  /** Time limit per attempt (default 15 s). */
  timeoutMs?: number;
}

/** A WebDAV request that failed for good. The message names the method, host and status, never the path. */
export class WebDavError extends Error {
  override readonly name = 'WebDavError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Statuses worth another try: the server or something between may be briefly unwell. */
function retryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function retryAfterMs(header: string | null): number {
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : 0;
}

/**
 * Sends one request to `relPath` under the target, retrying network errors and retryable statuses with
 * exponential backoff. Resolves to the final status when it is one of `ok`; throws WebDavError otherwise.
 */
export async function webdavRequest(
  target: WebDavTarget,
  method: 'PUT' | 'MKCOL' | 'DELETE',
  relPath: string,
  ok: readonly number[],
  body?: { data: string; type: string },
): Promise<number> {
  const base = target.url.endsWith('/') ? target.url : `${target.url}/`;
  const url = new URL(relPath, base);
  const where = `${method} ${redactLocation(target.url)}`;
  const retries = target.retries ?? 4;
  const baseDelay = target.baseDelayMs ?? 500;
  const maxDelay = target.maxDelayMs ?? 30_000;
  let lastProblem = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    let wait = 0;
    try {
      const response = await fetch(url, {
        method,
        headers: { ...target.headers, ...(body ? { 'Content-Type': body.type } : {}) },
        body: body?.data,
        signal: AbortSignal.timeout(target.timeoutMs ?? 15_000),
        redirect: 'error',
      });
      // Drain the body so the connection can be reused; its text is not needed.
      // reason: the status above already says whether the request landed; a body that breaks off
      // (a reset, the time limit) costs only this connection, and retrying would repeat a PUT that worked.
      await response.arrayBuffer().catch(() => undefined);
      if (ok.includes(response.status)) return response.status;
      if (!retryable(response.status))
        throw new WebDavError(`${where}: HTTP ${response.status}`, response.status);
      lastProblem = `HTTP ${response.status}`;
      wait = retryAfterMs(response.headers.get('retry-after'));
    } catch (error) {
      if (error instanceof WebDavError) throw error;
      // Network errors can quote the URL: keep only their kind.
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      lastProblem =
        typeof code === 'string' ? code : error instanceof Error ? error.name : 'network error';
    }
    if (attempt < retries) {
      const backoff = Math.min(maxDelay, baseDelay * 2 ** attempt);
      await delay(Math.min(maxDelay, Math.max(wait, backoff / 2 + Math.random() * (backoff / 2))));
    }
  }
  throw new WebDavError(`${where}: gave up after ${retries + 1} attempts (${lastProblem})`);
}
