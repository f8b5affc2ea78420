/** Client records: create, find, edit, remove, and rotate the secret of a client's status link. */
import { randomUUID } from 'node:crypto';
import type { Client } from '../../shared/domain.js';
import { newStatusToken } from './status/status-token.js';
import { DEFAULT_POLICY_TEXT } from './status/status-text.js';
import type { DataStore } from './store/store.js';

/** Colours handed out to new clients in turn (readable on light and dark backgrounds). */
const PALETTE = ['#2f6fdf', '#d9480f', '#2b8a3e', '#9c36b5', '#c2255c', '#0b7285', '#e67700', '#5f3dc4'];

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

/** Parses a money amount typed by a user ("120", "120.50", "120,50") into integer minor units. */
export function parseMoneyMinor(text: string): number {
  const match = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) throw new RangeError(`not an amount (like 120 or 120.50): ${text}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Normalises an e-mail domain the user typed ("@Acme.com" → "acme.com"); throws when it is not one. */
export function normaliseDomain(text: string): string {
  const domain = text.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) throw new RangeError(`not an e-mail domain: ${text}`);
  return domain;
}

/** Adds a client with defaults from the user's settings; the name must be new (case-insensitive). */
export function addClient(store: DataStore, input: NewClient, now = Date.now()): Client {
  const name = input.name.trim();
  if (!name) throw new RangeError('a client needs a name');
  const data = store.read();
  if (data.clients.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    throw new RangeError(`there is already a client named "${name}"`);
  }
  const client: Client = {
    id: randomUUID(),
    name,
    color: PALETTE[data.clients.length % PALETTE.length] as string,
    domains: (input.domains ?? []).map(normaliseDomain),
    keywords: (input.keywords ?? []).map((k) => k.trim()).filter(Boolean),
    phones: (input.phones ?? []).map((p) => p.trim()).filter(Boolean),
    hourlyRateMinor: input.hourlyRateMinor ?? 0,
    currency: (input.currency ?? 'EUR').toUpperCase(),
    adHocAllowancePerWeek: input.adHocAllowancePerWeek ?? 2,
    locale: input.locale ?? data.settings.locale,
    timeZone: input.timeZone ?? data.settings.userTimeZone,
    policyText: { ...DEFAULT_POLICY_TEXT },
    statusToken: newStatusToken(),
    createdAt: new Date(now).toISOString(),
  };
  store.update((draft) => {
    draft.clients.push(client);
  });
  return client;
}

/** The client with this id or (case-insensitive) name; throws naming the choices when there is none. */
export function findClient(clients: readonly Client[], which: string): Client {
  const found = clients.find((c) => c.id === which) ?? clients.find((c) => c.name.toLowerCase() === which.trim().toLowerCase());
  if (found) return found;
  const names = clients.map((c) => `"${c.name}"`).join(', ');
  throw new RangeError(`no client named "${which}"${names ? ` (clients: ${names})` : ' (add one: office-hours clients add <name>)'}`);
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
