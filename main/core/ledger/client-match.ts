/**
 * Matching names and phone numbers from exports and call logs to the user's clients. Names match
 * when they agree after folding case, accents, punctuation and legal-form suffixes ("ACME GmbH" =
 * "Acme"); numbers match after normalising to E.164. An ambiguous name (two clients
 * fold to it) matches nobody, so an entry is never booked to the wrong client silently.
 */
import type { LedgerClient } from '../../../shared/ledger.js';
import { toE164, type CountryCode } from './phone-number.js';

const LEGAL_FORMS = new Set([
  'gmbh',
  'ag',
  'kg',
  'ug',
  'ohg',
  'gbr',
  'ev',
  'se',
  'co',
  'mbh',
  'haftungsbeschrankt',
  'inc',
  'llc',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'plc',
  'llp',
  'sa',
  'sarl',
  'bv',
  'nv',
  'ab',
  'oy',
  'as',
]);

/** Folds a client name for comparison: lower-case, no accents or punctuation, legal forms dropped. */
export function foldName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

/**
 * A phone number in E.164 for matching, national numbers read as numbers of `region` (see
 * phone-number.ts: libphonenumber-js, with plain rules for what its metadata does not know).
 * Undefined when there are no digits.
 */
export function normalizePhone(raw: string, region?: CountryCode): string | undefined {
  return toE164(raw, region);
}

/** Lookup tables built once per import for matching many rows. */
export interface ClientMatcherIndex {
  /** The client a name refers to, if exactly one does. */
  byName(name: string): LedgerClient | undefined;
  /** The client a phone number belongs to, if exactly one. */
  byPhone(number: string): LedgerClient | undefined;
}

/** Builds name and phone indexes over the clients (names and aliases; phones in E.164 read in `region`). */
export function indexClients(
  clients: readonly LedgerClient[],
  region: CountryCode | undefined = 'DE',
): ClientMatcherIndex {
  const names = new Map<string, LedgerClient | null>();
  const phones = new Map<string, LedgerClient | null>();
  const put = (
    map: Map<string, LedgerClient | null>,
    key: string | undefined,
    client: LedgerClient,
  ): void => {
    if (key === undefined || key === '') return;
    const had = map.get(key);
    // null marks a key two different clients share: ambiguous, so nobody gets it.
    map.set(key, had === undefined || had?.id === client.id ? client : null);
  };
  for (const client of clients) {
    put(names, foldName(client.name), client);
    for (const alias of client.aliases ?? []) put(names, foldName(alias), client);
    for (const phone of client.phones ?? []) put(phones, normalizePhone(phone, region), client);
  }
  const seen = new Map<string, string | undefined>();
  return {
    byName: (name) => names.get(foldName(name)) ?? undefined,
    byPhone: (number) => {
      // Call logs repeat the same few numbers: parse each notation once (libphonenumber is ~20 µs).
      let key = seen.get(number);
      if (key === undefined && !seen.has(number)) {
        key = normalizePhone(number, region);
        if (seen.size < 100_000) seen.set(number, key);
      }
      return key === undefined ? undefined : (phones.get(key) ?? undefined);
    },
  };
}
