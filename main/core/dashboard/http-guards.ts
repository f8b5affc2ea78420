/** Response headers and request checks shared by every dashboard response. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The dashboard's Content-Security-Policy (the index.html meta says the same; frame-ancestors only works as a header). */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sets the headers every dashboard response carries. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

/** True for host names that always mean this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The host name of a Host header value, without port and brackets; null when malformed. */
export function hostName(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(hostHeader.trim());
  if (!match?.[1]) return null;
  return match[1].toLowerCase().replace(/^\[|\]$/g, '');
}

/**
 * True when the request's Host header names this server: a loopback name, or one of `allowedHosts`.
 * Refusing other names defeats DNS rebinding, where a hostile page's own name starts resolving to 127.0.0.1.
 */
export function hostAllowed(req: IncomingMessage, allowedHosts: readonly string[]): boolean {
  const name = hostName(req.headers.host);
  if (name === null) return false;
  return isLoopbackHost(name) || allowedHosts.some((h) => h.toLowerCase() === name);
}

/**
 * True when a request's Origin (if the browser sent one) is this server's own. Browsers send Origin on
 * cross-origin and on POST requests; another page's origin means someone else's script is calling.
 */
export function originAllowed(req: IncomingMessage, allowedHosts: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.host !== req.headers.host) return false;
  const name = hostName(parsed.host);
  return (
    name !== null && (isLoopbackHost(name) || allowedHosts.some((h) => h.toLowerCase() === name))
  );
}

/** Writes a JSON body with a status code. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Writes the error body every /api failure uses: `{ error: { name, message } }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  name: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { name, message } }, headers);
}
