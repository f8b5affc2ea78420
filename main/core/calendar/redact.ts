/** Redaction of calendar locations: a feed URL's path and query are its password, so they never reach logs or errors. */

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** A location fit for messages: `scheme://host/…` for URLs (no user info, path or query), file paths as they are. */
export function redactLocation(location: string): string {
  const trimmed = location.trim();
  const scheme = SCHEME.exec(trimmed);
  if (!scheme || scheme[1]?.toLowerCase() === 'file') return location;
  const rest = trimmed.slice(scheme[0].length);
  // Take the authority by hand rather than via URL(): it must work for malformed URLs too.
  const authorityEnd = rest.search(/[/?#\\]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const host = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  const tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  const base = `${scheme[1]?.toLowerCase()}://${host}`;
  return tail === '' || tail === '/' ? `${base}${tail}` : `${base}/…`;
}

/** The host (and port) of a URL location for short messages ("from calendar.example.com"); the file path otherwise. */
export function locationHost(location: string): string {
  const redacted = redactLocation(location);
  const scheme = SCHEME.exec(redacted);
  if (!scheme || redacted === location) return redacted;
  return redacted.slice(scheme[0].length).replace(/\/(…)?$/, '');
}

/** Replaces every spelling of a secret location inside `text` (full URL, href, path+query) by its redacted form. */
export function redactIn(text: string, location: string): string {
  const redacted = redactLocation(location);
  if (redacted === location) return text;
  const secrets = new Set<string>([location, location.trim()]);
  try {
    const url = new URL(location.trim());
    secrets.add(url.href);
    const pathAndQuery = `${url.pathname}${url.search}`;
    if (pathAndQuery.length > 1) secrets.add(pathAndQuery);
    if (url.search.length > 1) secrets.add(url.search);
    if (url.password) secrets.add(url.password);
  } catch {
    // Not parseable as a URL: the raw spellings above are all we can look for.
  }
  let out = text;
  // Longest first, so a full URL is replaced before its path could be.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length > 1) out = out.split(secret).join(redacted);
  }
  return out;
}
