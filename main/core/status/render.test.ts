import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ClientStatusView, clientStatusView } from './client-view.js';
import {
  BADGE_COLORS,
  PAGE_CSP,
  STATUS_CSS,
  busyIntervals,
  escapeHtml,
  foldIcsLine,
  renderBadge,
  renderFreeBusy,
  renderStatusJson,
  renderStatusPage,
} from './render.js';
import { NOW, makeClients, makeStatus, makeTimeline } from './status-fixtures.js';

const { a, b } = makeClients();
const timeline = makeTimeline();
const view = clientStatusView({ client: a, status: makeStatus('focus'), timeline, now: NOW });
const hostile = '<img src=x onerror=alert(1)> & "quoted" \'single\'';
const hostileView: ClientStatusView = {
  ...view,
  state: 'focus',
  message: hostile,
  text: {
    ...view.text,
    headline: hostile,
    nextCall: hostile,
    policy: hostile,
    updated: hostile,
    adHoc: hostile,
    nextAvailable: hostile,
  },
};

describe('renderStatusPage', () => {
  it('shows the view and links its own assets', () => {
    const html = renderStatusPage(view, { assetBase: '/s/tok/', live: true });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Focus time until 15:00');
    expect(html).toContain('Our next call: Friday 10:00');
    expect(html).toContain('<script src="/s/tok/live.js" defer></script>');
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="60"></noscript>');
    expect(html).toContain('href="/s/tok/freebusy.ics"');
    expect(html).toContain('<body data-state="focus">');
  });

  it('published copies refresh themselves and load no script', () => {
    const html = renderStatusPage(view, { assetBase: './', live: false });
    expect(html).not.toContain('<script');
    expect(html).toMatch(/<head>[\s\S]*<meta http-equiv="refresh" content="60">[\s\S]*<\/head>/);
    expect(html).toContain('href="./freebusy.ics"');
  });

  it('escapes every value', () => {
    const html = renderStatusPage(hostileView, { assetBase: '/s/"><x/', live: true });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"quoted"');
    expect(html).not.toContain('"><x');
    expect(html).toContain(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;',
    );
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('inlines exactly the stylesheet the CSP hash allows', () => {
    const html = renderStatusPage(view, { assetBase: './', live: false });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    expect(style).toBe(STATUS_CSS);
    const hash = createHash('sha256')
      .update(style ?? '')
      .digest('base64');
    expect(PAGE_CSP).toContain(`'sha256-${hash}'`);
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP).not.toContain('unsafe-inline');
  });

  it('German page', () => {
    const de = clientStatusView({ client: b, status: makeStatus('meeting'), timeline, now: NOW });
    const html = renderStatusPage(de, { assetBase: './', live: false });
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('In einem Termin bis 15:00');
    expect(html).toContain('So erreichen Sie mich');
    expect(html).toContain('Bitte schreiben Sie mir eine E-Mail &lt;b&gt;&amp; danke&lt;/b&gt;.');
  });
});

describe('renderStatusJson', () => {
  it('is the public view and nothing more', () => {
    const json = JSON.parse(renderStatusJson({ ...view, ...{ secret: 'x' } })) as Record<
      string,
      unknown
    >;
    expect(Object.keys(json).sort()).toEqual(
      [
        'available',
        'locale',
        'message',
        'nextAvailable',
        'nextStandingCall',
        'state',
        'text',
        'timeZone',
        'until',
        'updatedAt',
      ].sort(),
    );
  });
});

describe('renderBadge', () => {
  it('is an accessible SVG in the state colour with escaped text', () => {
    const svg = renderBadge(view);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="20" role="img" aria-label="status: Focus time until 15:00">/,
    );
    expect(svg).toContain(BADGE_COLORS.focus);
    const evil = renderBadge(hostileView);
    expect(evil).not.toContain('<img');
    expect(evil).toContain(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &apos;single&apos;',
    );
    expect(renderBadge({ ...view, state: 'available' })).toContain(BADGE_COLORS.available);
  });

  it('grows with its text', () => {
    const width = (svg: string): number => Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(width(renderBadge({ ...view, text: { ...view.text, headline: 'Away' } }))).toBeLessThan(
      width(renderBadge(view)),
    );
  });
});

describe('busy-times calendar', () => {
  it('merges busy stretches and leaves nights out unless asked', () => {
    const to = new Date(NOW.getTime() + 60 * 86_400_000);
    const busy = busyIntervals(timeline, { from: NOW, to });
    expect(busy).toEqual([
      { start: '2025-03-12T12:30:00.000Z', end: '2025-03-12T14:00:00.000Z' },
      { start: '2025-03-13T08:00:00.000Z', end: '2025-03-13T09:00:00.000Z' },
      { start: '2025-03-13T13:00:00.000Z', end: '2025-03-13T17:00:00.000Z' },
      { start: '2025-03-14T09:00:00.000Z', end: '2025-03-14T10:00:00.000Z' },
    ]);
    const withNights = busyIntervals(timeline, { from: NOW, to, includeOffHours: true });
    expect(withNights[0]).toEqual({
      start: '2025-03-12T12:30:00.000Z',
      end: '2025-03-12T14:00:00.000Z',
    });
    expect(withNights).toContainEqual({
      start: '2025-03-13T13:00:00.000Z',
      end: '2025-03-14T08:00:00.000Z',
    });
  });

  it('is a VCALENDAR of opaque "Busy" events with refresh hints, CRLF and folded lines', () => {
    const busy = [
      { start: '2025-03-12T12:00:00Z', end: '2025-03-12T14:00:00Z' },
      { start: '2025-03-13T08:00:00Z', end: '2025-03-13T09:00:00Z' },
      { start: '2025-06-01T08:00:00Z', end: '2025-06-01T09:00:00Z' }, // beyond 60 days
      { start: '2025-03-01T08:00:00Z', end: '2025-03-01T09:00:00Z' }, // past
    ];
    const ics = renderFreeBusy({ busy, now: NOW, locale: 'en', uidSeed: 'client-a' });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n');
    expect(ics).toContain('\r\nX-PUBLISHED-TTL:PT15M\r\n');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    // The ongoing stretch keeps its real start.
    expect(ics).toContain('DTSTART:20250312T120000Z\r\nDTEND:20250312T140000Z');
    expect(ics.match(/SUMMARY:Busy\r\n/g)).toHaveLength(2);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(renderFreeBusy({ busy, now: NOW, locale: 'de', uidSeed: 'x' })).toContain(
      'SUMMARY:Belegt',
    );
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = `X-TEST:${'ä'.repeat(100)}`;
    const folded = foldIcsLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const [i, line] of lines.entries()) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      if (i > 0) expect(line.startsWith(' ')).toBe(true);
    }
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
  });
});
