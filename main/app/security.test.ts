import { EventEmitter } from 'node:events';
import type { HandlerDetails, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from './app-origin.js';
import {
  type HardenableWebContents,
  hardenWebContents,
  isExternalLinkAllowed,
  isMailtoUrl,
  isSafeExternalUrl,
} from './security.js';

/** A stand-in web contents recording what the hardening installs. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: HandlerDetails) => { action: string }) | undefined;
  let requestHandler:
    ((wc: WebContents, p: string, cb: (granted: boolean) => void) => void) | null = null;
  let checkHandler: ((wc: WebContents | null, p: string) => boolean) | null = null;
  const contents = {
    setWindowOpenHandler: (h: (d: HandlerDetails) => { action: string }) => void (openHandler = h),
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    session: {
      setPermissionRequestHandler: (h: typeof requestHandler) => void (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => void (checkHandler = h),
    },
  } as unknown as HardenableWebContents;
  /** Emits `event` and says whether a listener called preventDefault. */
  const prevented = (event: string, ...args: unknown[]): boolean => {
    const e = { preventDefault: vi.fn() };
    emitter.emit(event, e, ...args);
    return e.preventDefault.mock.calls.length > 0;
  };
  return {
    contents,
    prevented,
    open: (url: string) => openHandler?.({ url } as HandlerDetails),
    askPermission: (p: string) =>
      new Promise<boolean>((resolve) => requestHandler?.({} as WebContents, p, resolve)),
    checkPermission: (p: string) => checkHandler?.(null, p),
  };
}

describe('hardenWebContents', () => {
  it('denies new windows, sending only http(s) links to the browser', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(fake.contents, { appOrigin: APP_ORIGIN, openExternal });
    expect(fake.open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(fake.open(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/help']]);
  });

  it('hands e-mail drafts to the mail program, whether opened as a window or clicked as a link', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(fake.contents, { appOrigin: APP_ORIGIN, openExternal });
    const draft = 'mailto:?subject=Our%20calls&body=Hello%2C%0A%0Aa%20standing%20call';
    expect(fake.open(draft)).toEqual({ action: 'deny' });
    // A click on <a href="mailto:…"> is a navigation: stopped here, opened outside.
    expect(fake.prevented('will-navigate', 'mailto:eva@acme.example?subject=Hi')).toBe(true);
    // Redirects into mailto: are not user clicks: stopped and not opened.
    expect(fake.prevented('will-redirect', 'mailto:x@evil.example')).toBe(true);
    expect(fake.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(openExternal.mock.calls).toEqual([[draft], ['mailto:eva@acme.example?subject=Hi']]);
  });

  it('stops navigation and redirects away from the app origin', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, { appOrigin: APP_ORIGIN, openExternal: vi.fn() });
    expect(fake.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.prevented('will-navigate', 'file:///home/me/')).toBe(true);
    expect(fake.prevented('will-navigate', 'app://other-host/index.html')).toBe(true);
    expect(fake.prevented('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(fake.prevented('will-navigate', `${APP_ORIGIN}/index.html#today`)).toBe(false);
  });

  it('never attaches a webview and refuses every permission', async () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, { appOrigin: APP_ORIGIN, openExternal: vi.fn() });
    expect(fake.prevented('will-attach-webview')).toBe(true);
    await expect(fake.askPermission('media')).resolves.toBe(false);
    await expect(fake.askPermission('notifications')).resolves.toBe(false);
    expect(fake.checkPermission('clipboard-read')).toBe(false);
  });
});

describe('isExternalLinkAllowed', () => {
  it('adds mailto: to http(s), and nothing else', () => {
    expect(isMailtoUrl('mailto:?subject=a&body=b')).toBe(true);
    expect(isMailtoUrl('MAILTO:eva@acme.example')).toBe(true);
    expect(isSafeExternalUrl('mailto:eva@acme.example')).toBe(false);
    expect(isExternalLinkAllowed('mailto:eva@acme.example')).toBe(true);
    expect(isExternalLinkAllowed('https://a.example/s/abc')).toBe(true);
    for (const bad of [
      'file:///x',
      'javascript:void 0',
      'tel:+49301234',
      'sms:123',
      'mail to:x',
      '',
    ])
      expect(isExternalLinkAllowed(bad)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('allows http and https only', () => {
    expect(isSafeExternalUrl('https://a.example')).toBe(true);
    expect(isSafeExternalUrl('http://a.example')).toBe(true);
    for (const bad of [
      'file:///x',
      'smb://host/share',
      'javascript:void 0',
      'ms-settings:',
      'not a url',
    ])
      expect(isSafeExternalUrl(bad)).toBe(false);
  });
});
