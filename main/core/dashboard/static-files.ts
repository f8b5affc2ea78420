/** Static files of the built dashboard: path resolution that cannot leave the root, and content types. */
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file name; octet-stream for anything unknown (with nosniff the browser will not guess). */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path (still percent-encoded, without query) to a file inside `root`, or null when the path
 * is malformed or would leave the root (`..`, encoded slashes, NUL bytes). `/` maps to index.html.
 * Only a lexical check: `resolveStaticFile` also follows symlinks.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  const relative = decoded === '/' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const base = resolve(root);
  const full = resolve(base, `.${relative}`);
  return full.startsWith(base + sep) ? full : null;
}

/**
 * Resolves `urlPath` to an existing regular file inside `root`, following symlinks and checking the
 * real path is still inside the real root; null otherwise.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | null> {
  const lexical = resolveStaticPath(root, urlPath);
  if (!lexical) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(lexical)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    const info = await stat(realFile);
    return info.isFile() ? realFile : null;
  } catch {
    return null;
  }
}
