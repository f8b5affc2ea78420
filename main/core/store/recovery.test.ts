import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toDataFile } from './decode.js';
import { NewerSchemaError } from './errors.js';
import { dailyBackupPath, listDailyBackups } from './files.js';
import type { Migration } from './migrate.js';
import { defaultData, MIGRATIONS, SCHEMA_VERSION, type Data } from './schema.js';
import { openStore, type DataStore, type StoreOptions } from './store.js';
import { makeTempDir, sampleClient } from './test-support.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function tempDir(): string {
  const { dir, remove } = makeTempDir();
  cleanups.push(remove);
  return dir;
}

function open(dir: string, options: StoreOptions = {}): DataStore {
  const store = openStore(dir, { watch: false, ...options });
  cleanups.push(() => store.close());
  return store;
}

/** Noon on 2025-01-<day>, local time (backups are named by the local day). */
const onDay = (day: number) => () => new Date(2025, 0, day, 12);

function withClients(...ids: number[]): Data {
  return { ...defaultData(), clients: ids.map((n) => sampleClient(n)) };
}

function writeBackup(dir: string, day: string, content: string): void {
  mkdirSync(join(dir, 'backups'), { recursive: true });
  writeFileSync(dailyBackupPath(dir, day), content);
}

function corruptFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.includes('.corrupt-'));
}

const goodFile = JSON.stringify(toDataFile(withClients(1, 2)));
const damaged: [string, string][] = [
  ['garbage', 'this is not JSON {{{ https://calendar.example/secret'],
  ['truncated JSON', goodFile.slice(0, Math.floor(goodFile.length / 2))],
  ['an empty file', ''],
  [
    'schema-invalid data',
    JSON.stringify({
      ...toDataFile(withClients(1)),
      clients: [{ ...sampleClient(1), hourlyRateMinor: 12.5 }],
    }),
  ],
];

describe('a damaged data file at open', () => {
  it.each(damaged)('(%s) is kept aside and the newest good backup restored', (_label, content) => {
    const dir = tempDir();
    writeBackup(dir, '2025-01-03', JSON.stringify(toDataFile(withClients(3))));
    writeBackup(dir, '2025-01-04', '{"schemaVersion": 1, "clients": "truncat'); // newest, but bad
    writeBackup(dir, '2025-01-02', JSON.stringify(toDataFile(withClients(2))));
    writeFileSync(join(dir, 'office-hours.json'), content);

    const store = open(dir, { now: onDay(5) });

    expect(store.read().clients.map((c) => c.id)).toEqual(['client-3']);
    const [notice] = store.notices;
    expect(notice?.kind).toBe('restored-backup');
    expect(notice?.message).toContain('2025-01-03');
    expect(notice?.message).not.toContain('secret');
    const kept = corruptFiles(dir);
    expect(kept).toHaveLength(1);
    expect(notice?.movedTo).toBe(join(dir, kept[0]!));
    expect(kept[0]).toMatch(/^office-hours\.corrupt-.+\.json$/);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe(content);
    // The restored data is on disk, not only in memory.
    expect(
      open(dir)
        .read()
        .clients.map((c) => c.id),
    ).toEqual(['client-3']);
  });

  it('names the bad field in the notice of a schema-invalid file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'office-hours.json'), damaged[3]![1]);
    const store = open(dir);
    expect(store.notices[0]?.message).toContain('clients[0].hourlyRateMinor: expected integer');
  });

  it('with no usable backup starts from defaults and says so', () => {
    const dir = tempDir();
    writeBackup(dir, '2025-01-01', 'nope');
    writeFileSync(join(dir, 'office-hours.json'), '{"broken": ');
    const store = open(dir, { now: onDay(2) });
    expect(store.read()).toEqual(defaultData());
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]?.kind).toBe('reset');
    expect(store.notices[0]?.movedTo).toMatch(/office-hours\.corrupt-.+\.json$/);
    expect(corruptFiles(dir)).toHaveLength(1);
  });

  it('keeps two damaged files that are moved aside in the same millisecond', () => {
    const dir = tempDir();
    const now = (): Date => new Date('2025-01-02T10:00:00.000Z');
    writeFileSync(join(dir, 'office-hours.json'), 'first');
    open(dir, { now }).close();
    writeFileSync(join(dir, 'office-hours.json'), 'second');
    open(dir, { now });
    const contents = corruptFiles(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
    expect(contents.sort()).toEqual(['first', 'second']);
  });

  it('restores a backup when the data file is missing but backups exist', () => {
    const dir = tempDir();
    writeBackup(dir, '2025-01-01', JSON.stringify(toDataFile(withClients(9))));
    const store = open(dir, { now: onDay(2) });
    expect(store.read().clients.map((c) => c.id)).toEqual(['client-9']);
    expect(store.notices).toEqual([
      expect.objectContaining({ kind: 'restored-backup', movedTo: null }),
    ]);
  });

  it('is refused, untouched, when a newer build wrote it', () => {
    const dir = tempDir();
    const content = JSON.stringify({
      ...toDataFile(withClients(1)),
      schemaVersion: SCHEMA_VERSION + 1,
    });
    writeFileSync(join(dir, 'office-hours.json'), content);
    expect(() => openStore(dir, { watch: false })).toThrow(NewerSchemaError);
    expect(readFileSync(join(dir, 'office-hours.json'), 'utf8')).toBe(content);
    expect(corruptFiles(dir)).toEqual([]);
  });
});

describe('a damaged file left by another writer while open', () => {
  it('is kept aside and the last good data written back', () => {
    const dir = tempDir();
    const store = open(dir);
    store.update((d) => void d.clients.push(sampleClient(1)));
    writeFileSync(store.path, '{"half a file');
    store.update((d) => void d.clients.push(sampleClient(2)));
    expect(store.notices.map((n) => n.kind)).toEqual(['restored-last-good']);
    expect(corruptFiles(dir)).toHaveLength(1);
    expect(
      open(dir)
        .read()
        .clients.map((c) => c.id),
    ).toEqual(['client-1', 'client-2']);
  });
});

describe('daily backups', () => {
  it('are taken once per local day, hold the file as the day began, and rotate at 14', () => {
    const dir = tempDir();
    for (let day = 1; day <= 16; day++) {
      const store = open(dir, { now: onDay(day) });
      store.update((d) => void d.clients.push(sampleClient(day)));
      store.update((d) => void (d.settings.statusServer.port = 5000 + day));
      store.close();
    }
    const names = listDailyBackups(dir).map((file) => basename(file));
    expect(names).toHaveLength(14);
    expect(names[0]).toBe('office-hours-2025-01-16.json');
    expect(names.at(-1)).toBe('office-hours-2025-01-03.json');
    // The backup of day 16 is the file as day 16 began: the 15 clients of days 1–15.
    const day16 = JSON.parse(readFileSync(listDailyBackups(dir)[0]!, 'utf8')) as Data;
    expect(day16.clients).toHaveLength(15);
    expect(day16.settings.statusServer.port).toBe(5015);
  });

  it('are taken on the first update of a new day in a long-running process', () => {
    const dir = tempDir();
    let today = 1;
    const store = open(dir, { now: () => onDay(today)() });
    store.update((d) => void d.clients.push(sampleClient(1)));
    today = 2;
    expect(existsSync(dailyBackupPath(dir, '2025-01-02'))).toBe(false);
    store.update((d) => void d.clients.push(sampleClient(2)));
    const backup = JSON.parse(readFileSync(dailyBackupPath(dir, '2025-01-02'), 'utf8')) as Data;
    expect(backup.clients.map((c) => c.id)).toEqual(['client-1']);
  });
});

describe('migration on load', () => {
  // A synthetic version-0 layout: a float rate in major units and a flat status port.
  const v0 = {
    schemaVersion: 0,
    ...defaultData(),
    clients: [{ ...sampleClient(1), hourlyRateMinor: undefined, rate: 95.5 }],
    settings: undefined,
    statusPort: 4999,
    locale: 'de',
    timeZone: 'Europe/Berlin',
  };
  const fromV0: Migration = {
    from: 0,
    description: 'rates in minor units; settings grouped',
    migrate: (data) => {
      const clients = data.clients as Record<string, unknown>[];
      const { statusPort, locale, timeZone, ...rest } = data;
      return {
        ...rest,
        clients: clients.map(({ rate, ...client }) => ({
          ...client,
          hourlyRateMinor: Math.round(Number(rate) * 100),
        })),
        settings: {
          statusServer: { host: '127.0.0.1', port: statusPort },
          syncWindowDays: { past: 35, future: 60 },
          userTimeZone: timeZone,
          locale,
        },
      };
    },
  };

  it('brings a version-0 file up to date, saves it, and keeps the original', () => {
    const dir = tempDir();
    const original = JSON.stringify(v0);
    writeFileSync(join(dir, 'office-hours.json'), original);
    // Version 0 is synthetic; the real steps take it on from version 1.
    const store = open(dir, { migrations: [fromV0, ...MIGRATIONS], now: onDay(3) });
    expect(store.notices).toEqual([]);
    expect(store.read().clients[0]?.hourlyRateMinor).toBe(9550);
    expect(store.read().settings.statusServer.port).toBe(4999);
    expect(store.read().settings.locale).toBe('de');
    const onDisk = JSON.parse(readFileSync(store.path, 'utf8')) as Record<string, unknown>;
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.statusPort).toBeUndefined();
    const copies = readdirSync(join(dir, 'backups')).filter((n) =>
      n.startsWith('office-hours.v0-'),
    );
    expect(copies).toHaveLength(1);
    expect(readFileSync(join(dir, 'backups', copies[0]!), 'utf8')).toBe(original);
  });

  it('treats an old file with no migration path as damaged (kept aside, not lost)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'office-hours.json'), JSON.stringify(v0));
    const store = open(dir);
    expect(store.notices[0]?.kind).toBe('reset');
    expect(store.notices[0]?.message).toContain('no migration from version 0');
    expect(corruptFiles(dir)).toHaveLength(1);
  });
});
