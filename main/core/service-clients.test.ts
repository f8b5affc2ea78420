/** Clients through the assembled core: the Api calls, the `clients` event, and links on a real status server. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientView } from '../../shared/api.js';
import { ConflictError } from '../../shared/errors.js';
import { OfficeHoursService } from './service.js';
import { createStatusHub } from './status/status-hub.js';
import { startStatusServer } from './status/status-server.js';

let dir: string;
let service: OfficeHoursService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oh-service-clients-'));
  service = await OfficeHoursService.open(
    { dataDir: join(dir, 'data'), autoRefresh: false },
    'cache-only',
  );
});

afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

/** The stored secret of a client (never in an Api answer except inside its link). */
function tokenOf(id: string): string {
  const client = service.store.read().clients.find((c) => c.id === id);
  if (!client) throw new Error(`no client ${id}`);
  return client.statusToken;
}

/** Resolves with the next `clients` event. */
function nextClientsEvent(): Promise<ClientView[]> {
  return new Promise((resolve) => {
    const off = service.on('clients', (clients) => {
      off();
      resolve(clients);
    });
  });
}

describe('OfficeHoursService: clients', () => {
  it('adds a client from typed fields, keeps the secret out of the answer, and announces the change', async () => {
    const event = nextClientsEvent();
    const added = await service.addClient({
      name: ' Acme GmbH ',
      domains: ['@Acme.com'],
      keywords: ['acme'],
      phones: ['+49 30 1234567'],
      hourlyRate: '120,50',
      currency: 'chf',
      allowance: 1,
      locale: 'de',
      timeZone: 'Europe/Zurich',
    });
    expect(added).toMatchObject({
      name: 'Acme GmbH',
      domains: ['acme.com'],
      hourlyRateMinor: 12050,
      currency: 'CHF',
      adHocAllowancePerWeek: 1,
      locale: 'de',
      timeZone: 'Europe/Zurich',
    });
    expect(added).not.toHaveProperty('statusToken');
    const token = tokenOf(added.id);
    // The only place the secret appears is the link itself; the settings' address until a server says otherwise.
    expect(JSON.stringify({ ...added, statusLink: '' })).not.toContain(token);
    expect(added.statusLink).toBe(`http://127.0.0.1:4777/s/${token}`);
    const clients = await event;
    expect(clients.map((c) => c.name)).toEqual(['Acme GmbH']);
    expect(clients[0]).not.toHaveProperty('statusToken');
  });

  it('announces client changes only: other writes to the data (an override) send no clients event', async () => {
    const events: ClientView[][] = [];
    service.on('clients', (clients) => events.push(clients));
    // Store writes notify synchronously, so anything sent has arrived when these return.
    await service.setOverride({ mode: 'unavailable', minutes: 30 });
    await service.clearOverride({});
    expect(events).toEqual([]);
    const acme = await service.addClient({ name: 'Acme' });
    await service.updateClient({ id: acme.id, allowance: 4 });
    expect(events.map((e) => e.map((c) => c.adHocAllowancePerWeek))).toEqual([[2], [4]]);
  });

  it('refuses bad input with the field named, and a second client of the same name', async () => {
    await expect(service.addClient({ name: 'A', hourlyRate: '12.345' })).rejects.toThrow(
      /hourlyRate: "12.345" — allowed: an amount like 120 or 120.50/,
    );
    await expect(service.addClient({ name: '   ' })).rejects.toThrow(
      /name: "   " — a client needs a name/,
    );
    await expect(service.addClient({ name: 'A', timeZone: 'Mars/Olympus' })).rejects.toThrow(
      'timeZone: "Mars/Olympus" — allowed: an IANA time zone like Europe/Berlin',
    );
    await expect(service.addClient({ name: 'A', domains: ['localhost'] })).rejects.toThrow(
      'domains: "localhost" — allowed: an e-mail domain like acme.com',
    );
    await service.addClient({ name: 'Acme' });
    await expect(service.addClient({ name: 'ACME' })).rejects.toThrow(ConflictError);
    expect((await service.listClients({})).map((c) => c.name)).toEqual(['Acme']);
  });

  it('edits details and policy texts without touching the link, and refuses a name taken by another', async () => {
    const acme = await service.addClient({ name: 'Acme' });
    await service.addClient({ name: 'Globex' });
    const updated = await service.updateClient({
      id: acme.id,
      name: 'Acme Corp',
      hourlyRate: '150',
      allowance: 3,
      keywords: ['acme', 'ACME weekly'],
      policyText: { en: 'Calls go to voicemail.', de: '' },
    });
    expect(updated).toMatchObject({
      name: 'Acme Corp',
      hourlyRateMinor: 15000,
      adHocAllowancePerWeek: 3,
      keywords: ['acme', 'ACME weekly'],
    });
    expect(updated.policyText.en).toBe('Calls go to voicemail.');
    // An emptied text falls back to the default wording rather than an empty status page.
    expect(updated.policyText.de).toMatch(/Mailbox/);
    expect(updated.statusLink).toBe(acme.statusLink);
    await expect(service.updateClient({ id: acme.id, name: 'globex' })).rejects.toThrow(
      /name: "globex" — there is already a client with this name/,
    );
    await expect(service.updateClient({ id: 'nope', name: 'X' })).rejects.toThrow(
      'id: "nope" — no such client',
    );
    expect(service.store.read().clients.find((c) => c.id === acme.id)?.name).toBe('Acme Corp');
  });

  it('serves each link on the running status server; a new link retires the old one; removing retires both', async () => {
    const hub = createStatusHub(service);
    const server = await startStatusServer({
      host: '127.0.0.1',
      port: 0,
      ...hub,
      rateLimit: false,
    });
    try {
      const moved = nextClientsEvent();
      service.setStatusBaseUrl(server.url);
      expect(await moved).toEqual([]);
      const acme = await service.addClient({ name: 'Acme' });
      expect(acme.statusLink.startsWith(`${server.url}/s/`)).toBe(true);
      expect((await fetch(acme.statusLink)).status).toBe(200);

      const rotated = await service.rotateClientLink({ id: acme.id });
      expect(rotated.statusLink).not.toBe(acme.statusLink);
      expect(rotated.statusLink).toBe(`${server.url}/s/${tokenOf(acme.id)}`);
      expect((await fetch(acme.statusLink)).status).toBe(404);
      expect((await fetch(rotated.statusLink)).status).toBe(200);
      expect((await service.listClients({}))[0]?.statusLink).toBe(rotated.statusLink);

      expect(await service.removeClient({ id: acme.id })).toEqual({ removed: true });
      expect(await service.removeClient({ id: acme.id })).toEqual({ removed: false });
      expect((await fetch(rotated.statusLink)).status).toBe(404);
      expect(await service.listClients({})).toEqual([]);
    } finally {
      await server.close();
      hub.close();
    }
  });
});
