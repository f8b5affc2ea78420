/** A shields-style SVG badge of a client's status: label on grey, state and until on the state's colour. */
import type { AvailabilityState } from '../../../shared/domain.js';
import { type ClientStatusView, publicView } from './client-view.js';
import { PHRASES } from './status-text.js';

/** Badge colour per state; each keeps white text at a contrast of 4.5:1 or better. */
export const BADGE_COLORS: Readonly<Record<AvailabilityState, string>> = {
  available: '#2e7d32',
  focus: '#5e35b1',
  meeting: '#c25400',
  away: '#b71c1c',
  'off-hours': '#546e7a',
};

/** Escapes text for SVG/XML content and attribute values. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** Approximate width in px of `text` in 11px Verdana, the badge font: wide enough that nothing is clipped. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/[ilj.,:;'!|I() ]/.test(ch)) width += 3.9;
    else if (/[mwMW@%]/.test(ch)) width += 10.5;
    else if (/[A-Z0-9]/.test(ch)) width += 7.6;
    else width += 6.8;
  }
  return Math.ceil(width);
}

/** The badge SVG for a view: "status | Focus time until 15:00", escaped, with a title for screen readers. */
export function renderBadge(view: ClientStatusView): string {
  const v = publicView(view);
  const label = PHRASES[v.locale].badgeLabel;
  const message = v.text.headline;
  const color = BADGE_COLORS[v.state] ?? BADGE_COLORS.away;
  const lw = textWidth(label) + 12;
  const mw = textWidth(message) + 12;
  const w = lw + mw;
  const title = escapeXml(`${label}: ${message}`);
  const l = escapeXml(label);
  const m = escapeXml(message);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${title}"><title>${title}</title>\
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>\
<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>\
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${color}"/><rect width="${w}" height="20" fill="url(#s)"/></g>\
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\
<text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${l}</text><text x="${lw / 2}" y="14">${l}</text>\
<text x="${lw + mw / 2}" y="15" fill="#010101" fill-opacity=".3">${m}</text><text x="${lw + mw / 2}" y="14">${m}</text></g></svg>
`;
}
