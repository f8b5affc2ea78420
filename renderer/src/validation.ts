/**
 * Checks the dashboard makes before calling the core, so mistakes show next to the field at once.
 * They return catalogue keys (with their values), not words: the screen says them in the UI language.
 */

/** Why a text cannot be a calendar location: a key under `calendars:errors`. */
export type CalendarLocationProblem =
  | { key: 'empty' | 'tooLong' | 'invalidUrl' | 'noHost' | 'notAbsolute' }
  | { key: 'scheme'; scheme: string };

/** Why `location` cannot be a calendar, or null when it looks like one (the core checks again). */
export function validateCalendarLocation(location: string): CalendarLocationProblem | null {
  const value = location.trim();
  if (value === '') return { key: 'empty' };
  if (value.length > 4096) return { key: 'tooLong' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { key: 'invalidUrl' };
    }
    if (!['https:', 'http:', 'webcal:', 'webcals:'].includes(url.protocol)) {
      return { key: 'scheme', scheme: url.protocol };
    }
    if (!url.hostname) return { key: 'noHost' };
    return null;
  }
  if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\'))
    return null;
  return { key: 'notAbsolute' };
}

/** Why a keyword cannot be added: a key under `rules:errors`. */
export type KeywordProblem =
  | { key: 'keywordEmpty' | 'keywordTooLong' | 'tooManyKeywords' }
  | { key: 'keywordDuplicate'; keyword: string };

/** A keyword list with `raw` added (trimmed; case-insensitive duplicates ignored), or why not. */
export function addKeyword(
  list: readonly string[],
  raw: string,
): { list: string[] } | { error: KeywordProblem } {
  const keyword = raw.trim();
  if (keyword === '') return { error: { key: 'keywordEmpty' } };
  if (keyword.length > 100) return { error: { key: 'keywordTooLong' } };
  if (list.some((k) => k.toLowerCase() === keyword.toLowerCase()))
    return { error: { key: 'keywordDuplicate', keyword } };
  if (list.length >= 100) return { error: { key: 'tooManyKeywords' } };
  return { list: [...list, keyword] };
}
