/**
 * The `app://office-hours/` protocol that serves the built dashboard inside the app.
 *
 * Why not file://: every file:// page shares one origin with the whole disk, so CSP 'self', origin
 * checks on navigation and the IPC sender check would all be meaningless, and a page could fetch other
 * local files. A privileged standard scheme gives the dashboard its own origin, and this handler only
 * ever answers with files inside dist/renderer.
 */
import { readFile } from 'node:fs/promises';
import { DASHBOARD_CSP } from '../core/dashboard/http-guards.js';
import { contentTypeFor, resolveStaticFile } from '../core/dashboard/static-files.js';
import { APP_HOST, APP_SCHEME } from './app-origin.js';

/** The privileges the scheme is registered with (before app ready): standard + secure, nothing more. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

function notFound(): Response {
  return new Response('not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The protocol handler: GET of files under `rendererDir` on host office-hours; 404 for anything else. */
export function createAppProtocolHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('method not allowed', { status: 405 });
    const file = await resolveStaticFile(rendererDir, url.pathname);
    if (!file) return notFound();
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': DASHBOARD_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  };
}
