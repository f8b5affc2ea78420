/** Pure parts of the dashboard section: reading serve's link line, adding up the bundle, the marks script. */
import { gzipSync } from 'node:zlib';

/** The dashboard's base URL and session token from serve's `Dashboard: <url>/#token=<token>` line; null for other lines. */
export function dashboardLine(line: string): { baseUrl: string; token: string } | null {
  const match = /^Dashboard: (http:\/\/[^\s#]+\/)#token=(\S+)$/.exec(line.trim());
  if (!match?.[1] || !match[2]) return null;
  return { baseUrl: match[1], token: decodeURIComponent(match[2]) };
}

/** Sizes of the JavaScript a page loaded: raw bytes and gzip (node:zlib, default level) summed per file. */
export function bundleSizes(files: Iterable<Buffer>): { files: number; raw: number; gzip: number } {
  let count = 0;
  let raw = 0;
  let gzip = 0;
  for (const body of files) {
    count++;
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: count, raw, gzip };
}

/** The instant the generated data ends: the last millisecond of yesterday (UTC), so nothing lies ahead of now. */
export function endOfYesterday(now: number): string {
  return new Date(Math.floor(now / 86_400_000) * 86_400_000 - 1).toISOString();
}

/** What a mark waits for: the selector that means "the numbers are on screen". */
export const MARKS = {
  /** A row of the Clients overview: rows appear only once the report has loaded. */
  overview: '[data-testid="overview-row"]',
  /** A bar of the 12-week chart: drawn only once the client's weeks have loaded. */
  chart: 'svg[data-testid="client-chart"] rect',
} as const;

/**
 * A script for Playwright's addInitScript, run in the page before its own scripts: it puts the session
 * token where the dashboard looks for it (sessionStorage, as after opening serve's link) and records in
 * `window.__benchMarks[name]` the time since navigation start (performance.now()) of the animation frame
 * in which each MARKS selector first matched — the frame that paints it.
 */
export function marksScript(token: string, tokenKey: string): string {
  return `(() => {
  sessionStorage.setItem(${JSON.stringify(tokenKey)}, ${JSON.stringify(token)});
  const marks = (window.__benchMarks = {});
  const wanted = ${JSON.stringify(MARKS)};
  const seen = new Set();
  const check = () => {
    for (const [name, selector] of Object.entries(wanted)) {
      if (seen.has(name) || !document.querySelector(selector)) continue;
      seen.add(name);
      requestAnimationFrame(() => (marks[name] = performance.now()));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}
