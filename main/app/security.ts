/** Hardening of every web contents the app creates: no new windows, no navigation away, no permissions. */
import type { Event, HandlerDetails, WebContents } from 'electron';
import { originOf } from './app-origin.js';

/** The parts of WebContents the hardening touches (a fake in tests, the real thing in the app). */
export interface HardenableWebContents {
  setWindowOpenHandler: WebContents['setWindowOpenHandler'];
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: Pick<Event, 'preventDefault'>, url: string) => void,
  ): unknown;
  on(
    event: 'will-attach-webview',
    listener: (event: Pick<Event, 'preventDefault'>) => void,
  ): unknown;
  session: {
    setPermissionRequestHandler(
      handler:
        | ((wc: WebContents, permission: string, callback: (granted: boolean) => void) => void)
        | null,
    ): void;
    setPermissionCheckHandler(
      handler: ((wc: WebContents | null, permission: string) => boolean) | null,
    ): void;
  };
}

/** What the hardening needs from the app. */
export interface HardenOptions {
  /** The only origin pages may navigate within, e.g. app://office-hours. */
  appOrigin: string;
  /** Opens a link in the user's browser or mail program (shell.openExternal). */
  openExternal: (url: string) => Promise<void> | void;
}

/** True for links the user's browser may open: http(s) only, never file:, javascript:, custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** True for an e-mail draft link (`mailto:` with an address or only ?subject=&body=): the mail program opens it. */
export function isMailtoUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** What the app hands to the operating system: http(s) pages and e-mail drafts, nothing else. */
export function isExternalLinkAllowed(url: string): boolean {
  return isSafeExternalUrl(url) || isMailtoUrl(url);
}

/**
 * Applies the app's rules to one web contents: window.open and target=_blank are denied (http(s)
 * and mailto: links go to the browser or mail program instead), navigation and redirects away from
 * `appOrigin` are stopped (a clicked mailto: link is handed to the mail program, not navigated to),
 * <webview> is never attached, and every permission request or check is refused.
 */
export function hardenWebContents(contents: HardenableWebContents, options: HardenOptions): void {
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    if (isExternalLinkAllowed(details.url)) void options.openExternal(details.url);
    return { action: 'deny' };
  });
  const stayHome = (event: Pick<Event, 'preventDefault'>, url: string): void => {
    if (originOf(url) !== options.appOrigin) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => {
    stayHome(event, url);
    // "Open as e-mail draft" is a plain <a href="mailto:…">: in a browser it opens the mail program,
    // here the click would otherwise just be stopped.
    if (isMailtoUrl(url)) void options.openExternal(url);
  });
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The dashboard needs no camera, notifications from the page, geolocation, clipboard reads…
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
