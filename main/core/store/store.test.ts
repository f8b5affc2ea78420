import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/ledger.js';
import { DataValidationError } from './errors.js';
import { writeFileAtomicSync } from './files.js';
import { defaultData, SCHEMA_VERSION } from './schema.js';
import { openStore, type DataStore, type StoreOptions } from './store.js';
import { makeTempDir, nextChange, sampleClient } from './test-support.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function tempDir(): string {
  const { dir, remove } = makeTempDir();
  cleanups.push(remove);
  return dir;
}

function open(dir: string, options?: StoreOptions): DataStore {
  const store = openStore(dir, options);
  cleanups.push(() => store.close());
  return store;
}

describe('openStore', () => {
  it('creates the file with defaults on first run, owner-only, with no notices', () => {
    const dir = tempDir();
    const store = open(dir, { watch: false });
    expect(store.path).toBe(join(dir, 'office-hours.json'));
    expect(store.read()).toEqual(defaultData());
    expect(store.notices).toEqual([]);
    const onDisk = JSON.parse(readFileSync(store.path, 'utf8')) as Record<string, unknown>;
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('round-trips every part of the data set through a reopen', () => {
    const dir = tempDir();
    const first = open(dir, { watch: false });
    const saved = first.update((d) => {
      d.clients.push(sampleClient(1), sampleClient(2));
      d.calendars.push({
        id: 'cal-1',
        name: 'Work',
        location: 'https://calendar.example/secret/basic.ics',
        kind: 'url',
        refreshMinutes: 5,
        role: 'busy',
        addedAt: '2025-01-06T08:00:00.000Z',
      });
      d.override = {
        mode: 'unavailable',
        until: '2025-01-06T12:00:00Z',
        setAt: '2025-01-06T10:00:00Z',
      };
      d.contacts.push({
        id: 'contact-1',
        clientId: 'client-1',
        kind: 'missed-call',
        at: '2025-01-06T11:00:00.000Z',
        minutes: 0,
        scheduled: false,
        source: 'manual',
      });
      d.timeEntries.push({
        id: 'entry-1',
        clientName: 'Client 1',
        date: '2025-01-06',
        minutes: 90,
        billable: true,
        source: 'manual',
        importKey: 'manual:1',
      });
      d.settings.statusServer.port = 5000;
      d.workingHours.days[6] = [{ start: '10:00', end: '12:00' }];
    });
    first.close();
    const second = open(dir, { watch: false });
    expect(second.read()).toEqual(saved);
    expect(second.read().clients[1]?.statusToken).toBe(saved.clients[1]?.statusToken);
  });

  it('accepts a replacement returned from update instead of a mutated draft', () => {
    const store = open(tempDir(), { watch: false });
    const next = store.update((d) => ({ ...d, clients: [sampleClient(7)] }));
    expect(next.clients.map((c) => c.id)).toEqual(['client-7']);
    expect(store.read()).toBe(next);
  });

  it('fills a client without adHocAllowancePerWeek with the default 2', () => {
    const store = open(tempDir(), { watch: false });
    const { adHocAllowancePerWeek: _omitted, ...client } = sampleClient(1);
    // The draft is typed as output; a caller building a record from JSON may omit defaulted fields.
    store.update((d) => ({ ...d, clients: [client as ReturnType<typeof sampleClient>] }));
    expect(store.read().clients[0]?.adHocAllowancePerWeek).toBe(2);
  });

  it('hands out frozen data: changes must go through update', () => {
    const store = open(tempDir(), { watch: false });
    expect(() => store.read().clients.push(sampleClient(1))).toThrow(TypeError);
    expect(() => {
      store.read().settings.statusServer.port = 1;
    }).toThrow(TypeError);
  });
});

describe('update', () => {
  it('writes atomically: every save is a new file renamed into place, leaving no temp files', () => {
    const dir = tempDir();
    const store = open(dir, { watch: false });
    const inodes = new Set<number>([statSync(store.path).ino]);
    for (let n = 0; n < 20; n++) {
      store.update((d) => void d.clients.push(sampleClient(n)));
      inodes.add(statSync(store.path).ino);
    }
    // An in-place write would keep one inode; temp-file + rename gives each version its own.
    expect(inodes.size).toBeGreaterThan(1);
    expect(readdirSync(dir).sort()).toEqual(['backups', 'office-hours.json']);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('rejects invalid data with the field path and leaves file and memory unchanged', () => {
    const store = open(tempDir(), { watch: false });
    store.update((d) => void d.clients.push(sampleClient(0), sampleClient(1), sampleClient(2)));
    const before = readFileSync(store.path, 'utf8');
    const beforeData = store.read();
    let error: unknown;
    try {
      store.update((d) => {
        d.clients[2]!.hourlyRateMinor = 120.5;
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as Error).message).toContain('clients[2].hourlyRateMinor: expected integer');
    expect(readFileSync(store.path, 'utf8')).toBe(before);
    expect(store.read()).toBe(beforeData);
  });

  it('does not write or notify when nothing changed', () => {
    const store = open(tempDir(), { watch: false });
    const calls: string[] = [];
    store.onChange((_d, origin) => calls.push(origin));
    const ino = statSync(store.path).ino;
    store.update(() => undefined);
    expect(statSync(store.path).ino).toBe(ino);
    expect(calls).toEqual([]);
    store.update((d) => void (d.rules.tentativeIsBusy = false));
    expect(calls).toEqual(['local']);
  });

  it('builds on a change another writer made since the last look (read-modify-write)', () => {
    const dir = tempDir();
    const a = open(dir, { watch: false });
    const b = open(dir, { watch: false });
    b.update((d) => void d.clients.push(sampleClient(1)));
    a.update((d) => void d.clients.push(sampleClient(2)));
    const reopened = open(dir, { watch: false });
    expect(reopened.read().clients.map((c) => c.id)).toEqual(['client-1', 'client-2']);
  });

  it("holds in memory exactly what the file holds, and leaves the caller's objects alone", () => {
    const dir = tempDir();
    const store = open(dir, { watch: false });
    const fields = {
      id: 'c',
      clientId: 'client-1',
      kind: 'call',
      minutes: 3,
      scheduled: false,
      source: 'manual',
    } as const;
    const contact = { ...fields, at: new Date('2025-01-06T11:00:00.000Z'), note: undefined };
    // A Date where the schema wants a string: what a careless caller might hand over.
    const saved = store.update((d) => void d.contacts.push(contact as unknown as Contact));
    expect(saved.contacts).toEqual([{ ...fields, at: '2025-01-06T11:00:00.000Z' }]);
    expect(open(dir, { watch: false }).read().contacts).toEqual(saved.contacts);
    expect(Object.isFrozen(contact)).toBe(false);
  });

  it('refuses to update after close', () => {
    const store = open(tempDir(), { watch: false });
    store.close();
    expect(() => store.update(() => undefined)).toThrow(/closed/);
  });
});

describe('changes from another store on the same folder', () => {
  for (const watch of ['events', 'poll'] as const) {
    it(`reach onChange within a second (watch: ${watch})`, async () => {
      const dir = tempDir();
      // In 'events' mode the stat check is pushed out of the way, so only fs.watch can deliver.
      const serving = open(dir, watch === 'events' ? { watch, pollMs: 60_000 } : { watch });
      const cli = open(dir, { watch: false });
      const change = nextChange(serving, 1000);
      cli.update((d) => {
        d.override = { mode: 'unavailable', setAt: '2025-01-06T10:00:00.000Z' };
      });
      const { data, origin } = await change;
      expect(origin).toBe('external');
      expect(data.override?.mode).toBe('unavailable');
      expect(serving.read().override?.mode).toBe('unavailable');
    });
  }

  it('are not reported when the other writer saved identical content', () => {
    const dir = tempDir();
    const serving = open(dir, { watch: false });
    const cli = open(dir, { watch: false });
    const seen: string[] = [];
    serving.onChange((_d, origin) => seen.push(origin));
    const ino = statSync(serving.path).ino;
    writeFileAtomicSync(serving.path, readFileSync(serving.path));
    expect(statSync(serving.path).ino).not.toBe(ino);
    // A no-op update looks at the disk synchronously, like the watcher does.
    serving.update(() => undefined);
    expect(seen).toEqual([]);
    cli.update((d) => void (d.rules.tentativeIsBusy = false));
    serving.update(() => undefined);
    expect(seen).toEqual(['external']);
  });
});
