/**
 * Phone numbers in E.164 ("+4930123456") for matching call logs to clients, read by libphonenumber-js
 * (Google's libphonenumber metadata) with a default region for national numbers, and the default
 * region itself, derived from the user's settings.
 */
import { getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';

export type { CountryCode };

/**
 * A number in E.164, reading national numbers ("030 1234567") as numbers of `region`. What the
 * library finds valid is taken as it reads it ("+49 (0)30 …", "0049 …", "(212) 555-0199" in the US,
 * "tel:" links). Anything else falls back to plain rules, so a number the metadata does not know
 * still matches the same number written the same way: punctuation and a "(0)" trunk prefix go, "00"
 * becomes "+", a leading "0" becomes the region's calling code; digits without any prefix (a short
 * extension like "4711") stay bare digits. Undefined when there are no digits (anonymous callers).
 */
export function toE164(raw: string, region?: CountryCode): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const parsed = parsePhoneNumberFromString(text, region);
  if (parsed?.isValid()) return parsed.number;
  let s = text.replace(/\(0\)/g, '').replace(/[\s\-./()\u00a0]/g, '');
  if (/^tel:/i.test(s)) s = s.slice(4);
  if (!/^\+?\d+$/.test(s)) return undefined;
  if (s.startsWith('+')) return s;
  if (s.startsWith('00')) return `+${s.slice(2)}`;
  if (s.startsWith('0') && region !== undefined)
    return `+${getCountryCallingCode(region)}${s.slice(1)}`;
  return s;
}

/**
 * The region of the IANA zones people mostly live in (and, for shared zones like Europe/Berlin, the
 * country that named it). Time zones are the better guess for a consultant's own country than the UI
 * language: an English UI is common in Germany, Austria or the Netherlands; "de" is spoken in three
 * countries with three calling codes.
 */
const ZONE_REGIONS: Readonly<Record<string, CountryCode>> = {
  'Europe/Berlin': 'DE',
  'Europe/Busingen': 'DE',
  'Europe/Vienna': 'AT',
  'Europe/Zurich': 'CH',
  'Europe/Vaduz': 'LI',
  'Europe/Luxembourg': 'LU',
  'Europe/Amsterdam': 'NL',
  'Europe/Brussels': 'BE',
  'Europe/Paris': 'FR',
  'Europe/Monaco': 'MC',
  'Europe/Madrid': 'ES',
  'Atlantic/Canary': 'ES',
  'Europe/Lisbon': 'PT',
  'Europe/Rome': 'IT',
  'Europe/London': 'GB',
  'Europe/Dublin': 'IE',
  'Europe/Copenhagen': 'DK',
  'Europe/Oslo': 'NO',
  'Europe/Stockholm': 'SE',
  'Europe/Helsinki': 'FI',
  'Europe/Warsaw': 'PL',
  'Europe/Prague': 'CZ',
  'Europe/Bratislava': 'SK',
  'Europe/Budapest': 'HU',
  'Europe/Ljubljana': 'SI',
  'Europe/Zagreb': 'HR',
  'Europe/Bucharest': 'RO',
  'Europe/Sofia': 'BG',
  'Europe/Athens': 'GR',
  'Europe/Istanbul': 'TR',
  'Europe/Kyiv': 'UA',
  'Europe/Kiev': 'UA',
  'Europe/Tallinn': 'EE',
  'Europe/Riga': 'LV',
  'Europe/Vilnius': 'LT',
  'America/New_York': 'US',
  'America/Chicago': 'US',
  'America/Denver': 'US',
  'America/Phoenix': 'US',
  'America/Los_Angeles': 'US',
  'America/Anchorage': 'US',
  'America/Detroit': 'US',
  'Pacific/Honolulu': 'US',
  'America/Toronto': 'CA',
  'America/Vancouver': 'CA',
  'America/Edmonton': 'CA',
  'America/Winnipeg': 'CA',
  'America/Halifax': 'CA',
  'America/Mexico_City': 'MX',
  'America/Sao_Paulo': 'BR',
  'America/Argentina/Buenos_Aires': 'AR',
  'Asia/Tokyo': 'JP',
  'Asia/Singapore': 'SG',
  'Asia/Hong_Kong': 'HK',
  'Asia/Kolkata': 'IN',
  'Asia/Calcutta': 'IN',
  'Asia/Dubai': 'AE',
  'Asia/Jerusalem': 'IL',
  'Asia/Tel_Aviv': 'IL',
  'Australia/Sydney': 'AU',
  'Australia/Melbourne': 'AU',
  'Australia/Brisbane': 'AU',
  'Australia/Perth': 'AU',
  'Australia/Adelaide': 'AU',
  'Pacific/Auckland': 'NZ',
  'Africa/Johannesburg': 'ZA',
};

/**
 * The region national numbers in call logs are read in: the country of the user's time zone (see
 * ZONE_REGIONS), else Germany for a German UI, else none — then only numbers written
 * internationally (+…, 00…) normalise, and national ones match only when written the same way.
 */
export function phoneRegionFor(timeZone: string, locale?: string): CountryCode | undefined {
  const region = ZONE_REGIONS[timeZone];
  if (region !== undefined) return region;
  return locale?.toLowerCase().startsWith('de') ? 'DE' : undefined;
}
