import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OfficeHoursService } from './service.js';
import { makeTempDir } from './store/test-support.js';

let temp: { dir: string; remove: () => void };
let open: OfficeHoursService[];

async function core(): Promise<OfficeHoursService> {
  const service = await OfficeHoursService.open(
    { dataDir: temp.dir, autoRefresh: false },
    'cache-only',
  );
  open.push(service);
  return service;
}

/** Counts a service's `ledger` events. */
function count(service: OfficeHoursService): () => number {
  let n = 0;
  service.on('ledger', () => (n += 1));
  return () => n;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  temp = makeTempDir('oh-ledger-event-');
  open = [];
});
afterEach(async () => {
  for (const s of open) await s.close();
  temp.remove();
});

describe('the ledger event', () => {
  it('follows logged contacts and an undo here, one event per burst', async () => {
    const service = await core();
    const acme = await service.addClient({ name: 'Acme' });
    const events = count(service);
    await service.logContact({ clientId: acme.id, kind: 'call' });
    await service.logContact({ clientId: acme.id, kind: 'voicemail' });
    await expect.poll(events, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    await settle(400);
    const afterLogs = events();
    expect(afterLogs).toBeLessThanOrEqual(2);
    await service.undoLastContact({});
    await expect.poll(events, { timeout: 5_000 }).toBeGreaterThan(afterLogs);
  });

  it('follows a contact logged by another core on the same folder, and an import’s write', async () => {
    const service = await core();
    const acme = await service.addClient({ name: 'Acme GmbH', phones: ['+49 30 1234567'] });
    const events = count(service);
    const other = await core();
    await other.logContact({ clientId: acme.id, kind: 'call' });
    await expect.poll(events, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    const before = events();
    const done = await other.importText({
      kind: 'calls',
      name: 'calls.csv',
      text: readFileSync(join(import.meta.dirname, 'ledger/fixtures/calls.csv'), 'utf8'),
    });
    expect(done.added).toBeGreaterThan(0);
    await expect.poll(events, { timeout: 5_000 }).toBeGreaterThan(before);
    await expect.poll(async () => (await service.listContacts({})).length).toBe(1 + done.added);
  });

  it('stays quiet for a change that is not the ledger', async () => {
    const service = await core();
    const events = count(service);
    await service.updateSettings({ recoveryMinutes: 15 });
    await service.addClient({ name: 'Globex' });
    await settle(600);
    expect(events()).toBe(0);
  });
});
