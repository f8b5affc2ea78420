/**
 * The dashboard's address: `#<screen>` for a screen (`#overview`), `#client/<id>` for one client's
 * detail. The hash (not the path) so `serve`'s single page and the app's file:// page both work
 * without a server-side route, and so back and forward move between screens.
 */

/** Where the dashboard is: a screen by id, or a client's detail. */
export type Route = { screen: string } | { client: string };

/** The route a hash names; null for none or one we do not know (the caller picks its default). */
export function parseRoute(hash: string, screens: readonly string[]): Route | null {
  // A query after the screen (`#status?until=unavailable`) is for the screen itself, not the route.
  const path = hash.replace(/^#\/?/, '').replace(/\?.*$/, '');
  const client = /^client\/(.+)$/.exec(path);
  if (client?.[1]) {
    try {
      return { client: decodeURIComponent(client[1]) };
    } catch {
      return null;
    }
  }
  return screens.includes(path) ? { screen: path } : null;
}

/** The hash of a screen. */
export function screenHash(screen: string): string {
  return `#${screen}`;
}

/** The hash of a client's detail. */
export function clientDetailHash(clientId: string): string {
  return `#client/${encodeURIComponent(clientId)}`;
}
