/** Client records: create, find, edit, remove, and rotate the secret of a client's status link. */
import { randomUUID } from 'node:crypto';
import type { ClientView } from '../../shared/api.js';
import type { Client } from '../../shared/domain.js';
import { ConflictError, NotFoundError, UserError } from '../../shared/errors.js';
import { foldName } from './ledger/client-match.js';
import { currencyDigits } from './ledger/parse-values.js';
import { newStatusToken } from './status/status-token.js';
import { DEFAULT_POLICY_TEXT } from './status/status-text.js';
import type { Data } from './store/schema.js';
import type { DataStore } from './store/store.js';

/** Colours handed out to new clients in turn (readable on light and dark backgrounds). */
const PALETTE = [
  '#2f6fdf',
  '#d9480f',
  '#2b8a3e',
  '#9c36b5',
  '#c2255c',
  '#0b7285',
  '#e67700',
  '#5f3dc4',
];

/** What a user gives when adding a client; the rest has defaults. */
export interface NewClient {
  name: string;
  domains?: string[];
  keywords?: string[];
  phones?: string[];
  /** Hourly rate in minor units (cents). */
  hourlyRateMinor?: number;
  currency?: string;
  adHocAllowancePerWeek?: number;
  locale?: 'en' | 'de';
  timeZone?: string;
}

/**
 * Parses an amount typed by a user ("120", "120.50", "120,50") into integer minor units of
 * `currency`: cents for EUR, whole yen for JPY (Intl knows each currency's digits).
 */
export function parseMoneyMinor(text: string, currency = 'EUR'): number {
  const digits = currencyDigits(currency.toUpperCase()) ?? 2;
  const match = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(text);
  const fraction = match?.[2] ?? '';
  if (!match || fraction.length > digits) {
    const example = digits === 0 ? '120' : `120.${'5'.padEnd(digits, '0')}`;
    throw new UserError({
      field: 'hourlyRate',
      value: text,
      allowed: `an amount in ${currency.toUpperCase()} like 120 or ${example}`,
    });
  }
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Normalises an e-mail domain the user typed ("@Acme.com" → "acme.com"); throws when it is not one. */
export function normaliseDomain(text: string): string {
  const domain = text.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain))
    throw new UserError({
      field: 'domains',
      value: text,
      allowed: 'an e-mail domain like acme.com',
    });
  return domain;
}

/** Adds a client with defaults from the user's settings; the name must be new (case-insensitive). */
export function addClient(store: DataStore, input: NewClient, now = Date.now()): Client {
  const client = newClientRecord(store.read(), input, now);
  store.update((draft) => {
    draft.clients.push(client);
  });
  return client;
}

/**
 * A new client's record with defaults from the user's settings (for `addClient`, and for adding
 * several in one write); throws when the name is taken (case-insensitive) or a field is invalid.
 */
export function newClientRecord(
  data: Pick<Data, 'clients' | 'settings'>,
  input: NewClient,
  now = Date.now(),
): Client {
  const name = input.name.trim();
  if (!name) throw new UserError({ field: 'name', problem: 'a client needs a name' });
  assertNameFree(data.clients, name);
  return {
    id: randomUUID(),
    name,
    color: PALETTE[data.clients.length % PALETTE.length] as string,
    domains: (input.domains ?? []).map(normaliseDomain),
    keywords: (input.keywords ?? []).map((k) => k.trim()).filter(Boolean),
    phones: (input.phones ?? []).map((p) => p.trim()).filter(Boolean),
    hourlyRateMinor: input.hourlyRateMinor ?? 0,
    currency: (input.currency ?? data.settings.ledger.currency).toUpperCase(),
    adHocAllowancePerWeek: input.adHocAllowancePerWeek ?? data.settings.ledger.weeklyAllowance,
    locale: input.locale ?? data.settings.locale,
    timeZone: input.timeZone ?? data.settings.userTimeZone,
    policyText: { ...DEFAULT_POLICY_TEXT },
    statusToken: newStatusToken(),
    createdAt: new Date(now).toISOString(),
  };
}

/**
 * The client with this id or name (case-insensitive; legal forms like "GmbH" may be left out);
 * undefined when there is none, a UserError when a name fits more than one.
 */
export function matchClient<C extends Pick<Client, 'id' | 'name'>>(
  clients: readonly C[],
  which: string,
): C | undefined {
  const byId = clients.find((c) => c.id === which);
  if (byId) return byId;
  const lower = which.trim().toLowerCase();
  let found = clients.filter((c) => c.name.toLowerCase() === lower);
  if (found.length === 0) found = clients.filter((c) => foldName(c.name) === foldName(which));
  if (found.length > 1) {
    throw new UserError({
      field: 'client',
      value: which,
      problem: `${found.length} clients have this name`,
      allowed: 'the client id (office-hours clients list --json)',
    });
  }
  return found[0];
}

/** The client with this id or name (see matchClient); a NotFoundError when there is none. */
export function findClient(clients: readonly Client[], which: string): Client {
  const found = matchClient(clients, which);
  if (found) return found;
  throw noSuchClient(which);
}

/** The one message for a client that does not exist, whoever looked it up (by id or by name). */
export function noSuchClient(which: string, field = 'clientId'): NotFoundError {
  return new NotFoundError({ field, value: which, problem: 'no such client' });
}

/** Removes a client (their status link stops working at once). */
export function removeClient(store: DataStore, which: string): Client {
  const client = findClient(store.read().clients, which);
  store.update((draft) => {
    draft.clients = draft.clients.filter((c) => c.id !== client.id);
  });
  return client;
}

/** Gives a client a new status-link secret; the old link stops working at once. */
export function rotateClientToken(store: DataStore, which: string): Client {
  const client = findClient(store.read().clients, which);
  const token = newStatusToken();
  store.update((draft) => {
    const target = draft.clients.find((c) => c.id === client.id);
    if (target) target.statusToken = token;
  });
  return { ...client, statusToken: token };
}

/** The public link of a client's status page on a status server reachable at `baseUrl`. */
export function statusLink(baseUrl: string, client: Pick<Client, 'statusToken'>): string {
  return `${baseUrl.replace(/\/+$/, '')}/s/${client.statusToken}`;
}

/** Throws when another client (not `exceptId`) already has this name, compared case-insensitively. */
function assertNameFree(clients: readonly Client[], name: string, exceptId?: string): void {
  if (clients.some((c) => c.id !== exceptId && c.name.toLowerCase() === name.toLowerCase())) {
    throw new ConflictError({
      field: 'name',
      value: name,
      problem: 'there is already a client with this name',
    });
  }
}

/** What a user may change about a client (absent fields stay as they are; lists are replaced whole). */
export interface ClientChanges extends Partial<Omit<NewClient, 'name'>> {
  name?: string;
  /** Either language's policy text; an empty text puts back the default wording. */
  policyText?: { en?: string; de?: string };
}

/** Changes a client's details; the status link stays the same. Returns the client as stored. */
export function updateClient(store: DataStore, which: string, changes: ClientChanges): Client {
  const current = findClient(store.read().clients, which);
  const next: Client = { ...current, policyText: { ...current.policyText } };
  if (changes.name !== undefined) {
    const name = changes.name.trim();
    if (!name) throw new UserError({ field: 'name', problem: 'a client needs a name' });
    assertNameFree(store.read().clients, name, current.id);
    next.name = name;
  }
  if (changes.domains !== undefined)
    next.domains = [...new Set(changes.domains.map(normaliseDomain))];
  if (changes.keywords !== undefined)
    next.keywords = changes.keywords.map((k) => k.trim()).filter(Boolean);
  if (changes.phones !== undefined)
    next.phones = changes.phones.map((p) => p.trim()).filter(Boolean);
  if (changes.hourlyRateMinor !== undefined) next.hourlyRateMinor = changes.hourlyRateMinor;
  if (changes.currency !== undefined) next.currency = changes.currency.toUpperCase();
  if (changes.adHocAllowancePerWeek !== undefined)
    next.adHocAllowancePerWeek = changes.adHocAllowancePerWeek;
  if (changes.locale !== undefined) next.locale = changes.locale;
  if (changes.timeZone !== undefined) next.timeZone = changes.timeZone;
  for (const lang of ['en', 'de'] as const) {
    const text = changes.policyText?.[lang];
    if (text !== undefined) next.policyText[lang] = text.trim() || DEFAULT_POLICY_TEXT[lang];
  }
  store.update((draft) => {
    const index = draft.clients.findIndex((c) => c.id === current.id);
    if (index >= 0) draft.clients[index] = next;
  });
  return next;
}

/** The status server's address from the settings, for when no running server has told us its own. */
export function configuredStatusBaseUrl(settings: { host: string; port: number }): string {
  const { host, port } = settings;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A client as the dashboard sees it: everything but the secret, which only appears inside the link. */
export function clientView(client: Client, baseUrl: string): ClientView {
  const { statusToken: _secret, ...rest } = client;
  return {
    ...rest,
    policyText: { ...client.policyText },
    domains: [...client.domains],
    keywords: [...client.keywords],
    phones: [...client.phones],
    statusLink: statusLink(baseUrl, client),
  };
}

/** The dashboard's add/edit fields (see `addClient`/`updateClient` in shared/api.ts), before conversion. */
export interface ClientFieldsInput {
  name?: string;
  domains?: string[];
  keywords?: string[];
  phones?: string[];
  /** Major units as typed ("120,50"). */
  hourlyRate?: string;
  currency?: string;
  allowance?: number;
  locale?: 'en' | 'de';
  timeZone?: string;
  policyText?: { en?: string; de?: string };
}

/** Turns the dashboard's fields into the core's terms: the typed amount into minor units, allowance by its stored name. */
export function clientChangesOf(input: ClientFieldsInput, currentCurrency = 'EUR'): ClientChanges {
  const { hourlyRate, allowance, ...rest } = input;
  const changes: ClientChanges = { ...rest };
  if (hourlyRate !== undefined)
    changes.hourlyRateMinor = parseMoneyMinor(hourlyRate, input.currency ?? currentCurrency);
  if (allowance !== undefined) changes.adHocAllowancePerWeek = allowance;
  return changes;
}
