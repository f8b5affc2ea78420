/**
 * What a status link serves, as text: the HTML page (one inline stylesheet allowed by its hash, one
 * external script for live updates, readable without it), the JSON, and the live script itself.
 * The badge and the busy-times calendar live beside this file and are re-exported here.
 */
import { createHash } from 'node:crypto';
import { type ClientStatusView, publicView } from './client-view.js';
import { PHRASES } from './status-text.js';

export { renderBadge, BADGE_COLORS } from './render-badge.js';
export {
  renderFreeBusy,
  busyIntervals,
  foldIcsLine,
  type BusyInterval,
  type FreeBusyOptions,
} from './render-ics.js';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** The page's stylesheet: inline, so a published copy is one file; the CSP allows exactly this text by hash. */
export const STATUS_CSS = `:root{color-scheme:light dark;--bg:#f7f7f5;--fg:#1c1c1c;--muted:#5c5c5c;--card:#fff;--line:#ddd}
@media (prefers-color-scheme:dark){:root{--bg:#161616;--fg:#ececec;--muted:#b0b0b0;--card:#222;--line:#3a3a3a}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:36rem;margin:0 auto;padding:2rem 1rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1.25rem 1.5rem}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 .5rem;display:flex;gap:.6rem;align-items:center}
h2{font-size:1rem;margin:1.5rem 0 .25rem}
p{margin:.25rem 0}
.dot{flex:none;width:.8rem;height:.8rem;border-radius:50%;background:#616161;display:inline-block}
[data-state=available] .dot{background:#2e7d32}
[data-state=focus] .dot{background:#5e35b1}
[data-state=meeting] .dot{background:#c25400}
[data-state=away] .dot{background:#b71c1c}
.muted,footer{color:var(--muted)}
footer{font-size:.875rem;margin-top:1.5rem}
a{color:inherit}
[hidden]{display:none}
`;

/** CSP source for the inline stylesheet. */
export const STATUS_CSS_HASH = `'sha256-${createHash('sha256').update(STATUS_CSS, 'utf8').digest('base64')}'`;

/** The page's Content-Security-Policy: nothing but its own stylesheet, its own script and its own event stream. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src ${STATUS_CSS_HASH}`,
  "script-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The live-update script, served as `/s/<token>/live.js`. It listens to `events` next to itself and
 * writes each field with textContent (never as HTML), so a view can never inject markup.
 */
export const LIVE_SCRIPT = `'use strict';
(function () {
  var me = document.currentScript;
  if (!me || typeof EventSource !== 'function') return;
  var source = new EventSource(new URL('events', me.src).href);
  source.addEventListener('view', function (event) {
    var view;
    try { view = JSON.parse(event.data); } catch (e) { return; }
    if (!view || typeof view !== 'object' || !view.text) return;
    document.body.setAttribute('data-state', String(view.state));
    if (view.locale === 'en' || view.locale === 'de') document.documentElement.lang = view.locale;
    var fields = document.querySelectorAll('[data-field]');
    for (var i = 0; i < fields.length; i++) {
      var el = fields[i];
      var value = view.text[el.getAttribute('data-field')];
      var box = el.closest('[data-box]') || el;
      if (typeof value === 'string' && value !== '') { el.textContent = value; box.hidden = false; }
      else { el.textContent = ''; box.hidden = true; }
    }
    if (typeof view.text.headline === 'string') document.title = view.text.headline;
  });
})();
`;

/** Where the page links its script, calendar and badge, and whether it updates itself live. */
export interface PageOptions {
  /** URL prefix of the token's files relative to the page, ending in "/": "<token>/" for /s/<token>, "./" in a published folder. */
  assetBase: string;
  /** Load the live script (server). Without it the page refreshes itself every minute (published copies). */
  live: boolean;
  /** Seconds between refreshes when the page cannot update live. */
  refreshSeconds?: number;
}

function line(field: keyof ClientStatusView['text'], value: string | null, className = ''): string {
  const cls = className ? ` class="${className}"` : '';
  return `<p${cls} data-box data-field="${field}"${value ? '' : ' hidden'}>${escapeHtml(value ?? '')}</p>`;
}

/** The status page for one client. Every value is escaped; nothing but the view's own fields is shown. */
export function renderStatusPage(view: ClientStatusView, options: PageOptions): string {
  const v = publicView(view);
  const words = PHRASES[v.locale];
  const base = escapeHtml(options.assetBase);
  const refresh = Math.max(15, Math.floor(options.refreshSeconds ?? 60));
  const refreshMeta = `<meta http-equiv="refresh" content="${refresh}">`;
  const head = options.live
    ? `<noscript>${refreshMeta}</noscript>\n<script src="${base}live.js" defer></script>`
    : refreshMeta;
  return `<!doctype html>
<html lang="${v.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(v.text.headline)}</title>
<style>${STATUS_CSS}</style>
${head}
</head>
<body data-state="${escapeHtml(v.state)}">
<main>
<section class="card" aria-live="polite" aria-label="${escapeHtml(words.pageTitle)}">
<h1><span class="dot" aria-hidden="true"></span><span data-field="headline">${escapeHtml(v.text.headline)}</span></h1>
${line('nextAvailable', v.text.nextAvailable, 'muted')}
${line('nextCall', v.text.nextCall)}
${line('adHoc', v.text.adHoc)}
</section>
<h2>${escapeHtml(words.policyHeading)}</h2>
<p data-field="policy">${escapeHtml(v.text.policy)}</p>
<footer><span data-field="updated">${escapeHtml(v.text.updated)}</span> · <a href="${base}freebusy.ics">${escapeHtml(words.calendarLink)}</a></footer>
</main>
</body>
</html>
`;
}

/** The JSON of a status link: exactly the public view, nothing else. */
export function renderStatusJson(view: ClientStatusView): string {
  return JSON.stringify(publicView(view));
}
