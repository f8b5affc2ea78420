/**
 * Intl formatters kept by locale and options, for the core's reasons and scripts and the dashboard
 * alike: building one costs about a millisecond (more for the first of a locale), and a report writes
 * hundreds of numbers, dates and sorted names. (The status text keeps its own, keyed without JSON:
 * it runs on every status request.)
 */
const kept = new Map<string, unknown>();

function cached<T>(kind: string, locale: string | undefined, options: object, make: () => T): T {
  const key = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`;
  let value = kept.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    kept.set(key, value);
  }
  return value;
}

/** A kept `Intl.NumberFormat`. */
export function numberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  return cached('n', locale, options, () => new Intl.NumberFormat(locale, options));
}

/** A kept `Intl.DateTimeFormat`. */
export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions = {},
): Intl.DateTimeFormat {
  return cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

/** A kept `Intl.Collator`. */
export function collator(
  locale: string | undefined,
  options: Intl.CollatorOptions = {},
): Intl.Collator {
  return cached('c', locale, options, () => new Intl.Collator(locale, options));
}
