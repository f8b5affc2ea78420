/**
 * Money as the product keeps it: integer minor units with an ISO 4217 code. The one place that knows
 * a currency's minor-unit digits and writes an amount in a locale, for the core's reports and scripts
 * and the dashboard alike (they used to keep a copy each).
 */

const digitsCache = new Map<string, number>();
const formats = new Map<string, Intl.NumberFormat>();
let known: Set<string> | undefined;

/** Minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY); undefined for an unknown code. */
export function currencyDigits(code: string): number | undefined {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  if (!known.has(code)) return undefined;
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      // reason: a code Intl lists but cannot format is treated as unknown, like any other.
      return undefined;
    }
    digitsCache.set(code, digits);
  }
  return digits;
}

/**
 * Minor units as the locale writes money: 12345 EUR → "€123.45" (en), "123,45 €" (de); whole units
 * without decimals ("€120"). An unknown code is written with two decimals. Formatters are cached:
 * building one costs about a millisecond, and a report writes hundreds of amounts.
 */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency) ?? 2;
  const unit = 10 ** digits;
  const whole = minor % unit === 0;
  const key = `${locale ?? ''}|${currency}|${whole ? 0 : digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format.format(minor / unit);
}
