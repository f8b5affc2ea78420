/** Checks the dashboard makes before calling the core, so mistakes show next to the field at once. */

/** Why `location` cannot be a calendar, or null when it looks like one (the core checks again). */
export function validateCalendarLocation(location: string): string | null {
  const value = location.trim();
  if (value === '')
    return 'Enter a calendar link (https:// or webcal://) or the full path of an .ics file.';
  if (value.length > 4096) return 'That is too long for a calendar link.';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return 'That link is not a valid URL.';
    }
    if (!['https:', 'http:', 'webcal:', 'webcals:'].includes(url.protocol)) {
      return `Links starting with ${url.protocol}// are not calendars. Use https:// or webcal://.`;
    }
    if (!url.hostname) return 'The link has no host name.';
    return null;
  }
  if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\'))
    return null;
  return 'Enter a full link (https://…) or an absolute file path (/…/calendar.ics).';
}

/** A keyword list with `raw` added (trimmed; case-insensitive duplicates ignored), or an error message. */
export function addKeyword(
  list: readonly string[],
  raw: string,
): { list: string[] } | { error: string } {
  const keyword = raw.trim();
  if (keyword === '') return { error: 'Type a keyword first.' };
  if (keyword.length > 100) return { error: 'Keywords are at most 100 characters.' };
  if (list.some((k) => k.toLowerCase() === keyword.toLowerCase()))
    return { error: `"${keyword}" is already in the list.` };
  if (list.length >= 100) return { error: 'At most 100 keywords.' };
  return { list: [...list, keyword] };
}
