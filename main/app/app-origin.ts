/** Where the dashboard lives inside the app: a custom `app://` origin, and how to compare origins. */

/** The privileged scheme the app serves its dashboard from. */
export const APP_SCHEME = 'app';
/** The one host of that scheme. */
export const APP_HOST = 'office-hours';
/** The dashboard's origin inside the app. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it does not parse. Node's URL gives origin "null" for
 * custom schemes such as app://, so the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

/** True when `url` belongs to the app's own dashboard origin. */
export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}
