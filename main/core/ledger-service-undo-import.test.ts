import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_TEXT_MAX_CHARS, parseApiInput } from '../../shared/api.js';
import type { Client } from '../../shared/domain.js';
import { LedgerService } from './ledger-service.js';
import { openStore } from './store/store.js';
import { makeTempDir, sampleClient } from './store/test-support.js';

const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`./ledger/fixtures/${name}`, import.meta.url));
const fixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const NOW = Date.parse('2026-12-02T15:00:00Z');

/** A data folder with the given clients, and a way to open the ledger on it as a fresh process would. */
function dataFolder(clients: Client[], zone = 'UTC'): { open: () => LedgerService } {
  const { dir, remove } = makeTempDir('oh-undo-import-');
  cleanups.push(remove);
  const open = (): LedgerService => {
    const store = openStore(dir, { watch: false });
    cleanups.push(() => store.close());
    return new LedgerService({ store, dataDir: dir, now: () => NOW });
  };
  const first = openStore(dir, { watch: false });
  first.update((d) => {
    d.settings.userTimeZone = zone;
    d.clients.push(...clients);
  });
  first.close();
  return { open };
}

const acme = sampleClient(1, {
  id: 'acme',
  name: 'Acme GmbH',
  hourlyRateMinor: 10_000,
  phones: ['+49 30 1234567'],
});

describe('undoImport across a restart', () => {
  it('takes back exactly the dashboard import’s time entries, not those imported otherwise', () => {
    const folder = dataFolder([acme]);
    const before = folder.open();
    const text = fixture('toggl-detailed.csv');
    expect(before.importText({ kind: 'toggl', name: 'toggl.csv', text }).added).toBe(6);
    // An import from the command line afterwards is not the dashboard's to undo.
    const cli = before.importFile({ kind: 'harvest', file: fixturePath('harvest-detailed.csv') });
    expect(cli.added).toBeGreaterThan(0);

    const after = folder.open();
    expect(after.lastImport({})).toEqual({
      kind: 'toggl',
      file: 'toggl.csv',
      at: new Date(NOW).toISOString(),
      count: 6,
    });
    expect(after.undoImport({})).toEqual({ kind: 'toggl', removed: 6 });
    const again = folder.open();
    expect(again.lastImport({})).toBeNull();
    expect(again.undoImport({})).toEqual({ kind: null, removed: 0 });
    // The Harvest entries are all still there: importing them again finds only duplicates.
    const harvest = again.importFile({
      kind: 'harvest',
      file: fixturePath('harvest-detailed.csv'),
      dryRun: true,
    });
    expect(harvest).toMatchObject({ added: 0, duplicates: cli.added });
    expect(again.importText({ kind: 'toggl', name: 'toggl.csv', text, dryRun: true }).added).toBe(
      6,
    );
  });

  it('takes back a call-log import after a restart, leaving a call logged since', () => {
    const folder = dataFolder([acme]);
    const before = folder.open();
    const done = before.importText({
      kind: 'calls',
      name: 'calls.csv',
      text: fixture('calls.csv'),
    });
    expect(done.imported).toBe(true);
    const logged = before.logContact({ clientId: 'acme', kind: 'voicemail' });

    const after = folder.open();
    expect(after.lastImport({})).toMatchObject({ kind: 'calls', count: done.added });
    expect(after.undoImport({})).toEqual({ kind: 'calls', removed: done.added });
    expect(after.listContacts({}).map((c) => c.id)).toEqual([logged.contact.id]);
    // No undo step is left that would bring the imported calls back.
    expect(after.undoLastContact({})).toMatchObject({ op: 'add' });
    expect(after.undoLastContact({})).toEqual({ op: null });
    expect(folder.open().listContacts({})).toEqual([]);
  });

  it('forgets a dry run and an import that added nothing: the previous one stays the one to undo', () => {
    const folder = dataFolder([acme]);
    const ledger = folder.open();
    const text = fixture('toggl-detailed.csv');
    ledger.importText({ kind: 'toggl', name: 'toggl.csv', text });
    ledger.importText({
      kind: 'calls',
      name: 'calls.csv',
      text: fixture('calls.csv'),
      dryRun: true,
    });
    expect(ledger.importText({ kind: 'toggl', name: 'again.csv', text }).added).toBe(0);
    expect(folder.open().lastImport({})).toMatchObject({ kind: 'toggl', file: 'toggl.csv' });
  });
});

describe('importText with the file’s bytes', () => {
  const mueller = sampleClient(2, { id: 'mueller', name: 'Müller & Söhne KG', phones: [] });

  it('reads a Latin-1 FRITZ!Box list sent as base64 as the core reads the file', () => {
    const folder = dataFolder([mueller], 'Europe/Berlin');
    const ledger = folder.open();
    const bytes = readFileSync(fixturePath('fritzbox-latin1.csv'));
    const base64 = ledger.importText({
      kind: 'fritzbox',
      name: 'fritzbox.csv',
      text: bytes.toString('base64'),
      encoding: 'base64',
      dryRun: true,
    });
    expect(base64.errors).toEqual([]);
    // Matched by the name as the file spells it, umlauts and all.
    expect(base64.preview.map((r) => r.client)).toEqual(['Müller & Söhne KG', 'Müller & Söhne KG']);
    // The same bytes turned into text the naive way lose the umlauts, and so the client.
    const naive = ledger.importText({
      kind: 'fritzbox',
      name: 'fritzbox.csv',
      text: bytes.toString('utf8'),
      dryRun: true,
    });
    expect(naive.added).toBe(0);
  });

  it('refuses text that is not base64, and bytes over the size limit, naming the field', () => {
    expect(() =>
      parseApiInput('importText', {
        kind: 'toggl',
        name: 'x.csv',
        text: 'not base64!',
        encoding: 'base64',
      }),
    ).toThrow(/^text: "not base64!" — allowed: the file’s bytes in base64/);
    const big = Buffer.alloc(IMPORT_TEXT_MAX_CHARS + 1, 0x41).toString('base64');
    expect(() =>
      parseApiInput('importText', { kind: 'toggl', name: 'x.csv', text: big, encoding: 'base64' }),
    ).toThrow(/^text: .* the file is over 4 MB/);
    const fits = Buffer.alloc(IMPORT_TEXT_MAX_CHARS, 0x41).toString('base64');
    expect(
      parseApiInput('importText', { kind: 'toggl', name: 'x.csv', text: fits, encoding: 'base64' })
        .text,
    ).toBe(fits);
  });
});
