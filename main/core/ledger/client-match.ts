/**
 * Matching names and phone numbers from exports and call logs to the user's clients. Names match
 * when they agree after folding case, accents, punctuation and legal-form suffixes ("ACME GmbH" =
 * "Acme"); numbers match after normalising to an international form. An ambiguous name (two clients
 * fold to it) matches nobody, so an entry is never booked to the wrong client silently.
 */
import type { LedgerClient } from '../../../shared/ledger.js';

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
 * A phone number in international form ("+4930123456"), given the country calling code to assume for
 * national numbers ("49"): spaces, dashes, dots, slashes and parentheses go, a "(0)" trunk prefix
 * after the country code goes, "00" becomes "+", and a leading "0" becomes "+<code>". Numbers without
 * any prefix (a short extension) stay bare digits. Undefined when there are no digits.
 */
export function normalizePhone(raw: string, defaultCallingCode: string): string | undefined {
  let s = raw.trim().replace(/\(0\)/g, '');
  s = s.replace(/[\s\-./()\u00a0]/g, '');
  if (/^tel:/i.test(s)) s = s.slice(4);
  if (!/^\+?\d+$/.test(s)) return undefined;
  if (s.startsWith('+')) return s;
  if (s.startsWith('00')) return `+${s.slice(2)}`;
  if (s.startsWith('0')) return `+${defaultCallingCode}${s.slice(1)}`;
  return s;
}

/** Lookup tables built once per import for matching many rows. */
export interface ClientMatcherIndex {
  /** The client a name refers to, if exactly one does. */
  byName(name: string): LedgerClient | undefined;
  /** The client a phone number belongs to, if exactly one. */
  byPhone(number: string): LedgerClient | undefined;
}

/** Builds name and phone indexes over the clients (names and aliases; phones normalised). */
export function indexClients(
  clients: readonly LedgerClient[],
  defaultCallingCode = '49',
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
    for (const phone of client.phones ?? [])
      put(phones, normalizePhone(phone, defaultCallingCode), client);
  }
  return {
    byName: (name) => names.get(foldName(name)) ?? undefined,
    byPhone: (number) => {
      const key = normalizePhone(number, defaultCallingCode);
      return key === undefined ? undefined : (phones.get(key) ?? undefined);
    },
  };
}
