import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addClient,
  clientView,
  configuredStatusBaseUrl,
  findClient,
  normaliseDomain,
  parseMoneyMinor,
  removeClient,
  rotateClientToken,
  statusLink,
  updateClient,
} from './clients.js';
import { type DataStore, openStore } from './store/store.js';

let dir: string;
let store: DataStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-clients-'));
  store = openStore(dir, { watch: false });
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('clients', () => {
  it('adds a client with defaults and a long random status token', () => {
    const client = addClient(store, {
      name: ' Acme GmbH ',
      domains: ['@Acme.COM'],
      hourlyRateMinor: 12050,
    });
    expect(client).toMatchObject({
      name: 'Acme GmbH',
      domains: ['acme.com'],
      hourlyRateMinor: 12050,
      currency: 'EUR',
      adHocAllowancePerWeek: 2,
    });
    expect(client.statusToken).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(client.policyText.de).toMatch(/Ihnen/);
    expect(store.read().clients).toHaveLength(1);
    expect(() => addClient(store, { name: 'acme gmbh' })).toThrow(
      /name: "acme gmbh" — there is already a client with this name/,
    );
  });

  it('finds by name case-insensitively, rotates and removes', () => {
    const a = addClient(store, { name: 'Acme' });
    addClient(store, { name: 'Globex' });
    expect(findClient(store.read().clients, 'ACME').id).toBe(a.id);
    expect(() => findClient(store.read().clients, 'Initech')).toThrow(
      /clientId: "Initech" — no such client/,
    );
    const rotated = rotateClientToken(store, 'acme');
    expect(rotated.statusToken).not.toBe(a.statusToken);
    expect(store.read().clients.find((c) => c.id === a.id)?.statusToken).toBe(rotated.statusToken);
    removeClient(store, 'Globex');
    expect(store.read().clients.map((c) => c.name)).toEqual(['Acme']);
  });

  it('parses amounts and domains as users type them', () => {
    expect(parseMoneyMinor('120')).toBe(12000);
    expect(parseMoneyMinor('120,5')).toBe(12050);
    expect(parseMoneyMinor('99.99')).toBe(9999);
    expect(() => parseMoneyMinor('12.345')).toThrow(
      /hourlyRate: "12.345" — allowed: an amount in EUR/,
    );
    expect(() => parseMoneyMinor('-5')).toThrow(/allowed: an amount/);
    // Minor units follow the currency: whole yen, thousandths of a dinar.
    expect(parseMoneyMinor('5000', 'JPY')).toBe(5000);
    expect(() => parseMoneyMinor('5000.50', 'JPY')).toThrow(
      'hourlyRate: "5000.50" — allowed: an amount in JPY like 120 or 120',
    );
    expect(parseMoneyMinor('1.5', 'BHD')).toBe(1500);
    expect(normaliseDomain('@Sub.Example.org.')).toBe('sub.example.org');
    expect(() => normaliseDomain('localhost')).toThrow(/allowed: an e-mail domain/);
    expect(statusLink('https://status.example.com/', { statusToken: 'abc' })).toBe(
      'https://status.example.com/s/abc',
    );
  });

  it('edits a client in place and shows it without its secret', () => {
    const a = addClient(store, { name: 'Acme', domains: ['acme.com'] });
    const edited = updateClient(store, a.id, {
      domains: ['@New.example', 'new.example'],
      policyText: { en: '  ' },
    });
    expect(edited.domains).toEqual(['new.example']);
    expect(edited.policyText.en).toMatch(/voicemail/);
    expect(edited.statusToken).toBe(a.statusToken);
    const view = clientView(edited, configuredStatusBaseUrl({ host: '::1', port: 4777 }));
    expect(view).not.toHaveProperty('statusToken');
    expect(view.statusLink).toBe(`http://[::1]:4777/s/${a.statusToken}`);
  });
});
