import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataValidationError, NewerSchemaError } from './errors.js';
import { exportAll, importAll } from './export.js';
import type { Migration } from './migrate.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { openStore, type DataStore } from './store.js';
import { makeTempDir, sampleClient } from './test-support.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function freshStore(): DataStore {
  const { dir, remove } = makeTempDir();
  const store = openStore(dir, { watch: false });
  cleanups.push(remove, () => store.close());
  return store;
}

function filledStore(): DataStore {
  const store = freshStore();
  store.update((d) => {
    d.clients.push(sampleClient(0), sampleClient(1), sampleClient(2));
    d.override = { mode: 'available', setAt: '2025-01-06T10:00:00.000Z' };
    d.contacts.push({
      id: 'contact-1',
      clientId: 'client-1',
      kind: 'call',
      at: '2025-01-06T11:00:00.000Z',
      minutes: 5,
      scheduled: false,
      source: 'manual',
    });
  });
  return store;
}

function exported(store: DataStore): { file: string; json: Record<string, unknown> } {
  const { dir, remove } = makeTempDir('oh-export-');
  cleanups.push(remove);
  const file = join(dir, 'export.json');
  exportAll(store, file, new Date('2025-02-01T08:00:00.000Z'));
  return { file, json: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
}

describe('exportAll / importAll', () => {
  it('round-trips the whole data set into another store', () => {
    const source = filledStore();
    const { file, json } = exported(source);
    expect(json.schemaVersion).toBe(SCHEMA_VERSION);
    expect(json.exportedAt).toBe('2025-02-01T08:00:00.000Z');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const target = freshStore();
    const before = target.read();
    const result = importAll(target, file);
    expect(target.read()).toEqual(source.read());
    expect(result.fromVersion).toBe(SCHEMA_VERSION);
    // What the import replaced is kept in the backups folder.
    const previous = JSON.parse(readFileSync(result.previousSavedTo, 'utf8')) as Record<
      string,
      unknown
    >;
    expect(previous.clients).toEqual(before.clients);
    expect(result.previousSavedTo).toContain(join('backups', 'office-hours.pre-import-'));
  });

  it('rejects a bad file naming the field, and changes nothing', () => {
    const { file, json } = exported(filledStore());
    const clients = json.clients as Record<string, unknown>[];
    clients[2]!.hourlyRateMinor = 150.5;
    writeFileSync(file, JSON.stringify(json));
    const target = filledStore();
    const before = readFileSync(target.path, 'utf8');
    const beforeData = target.read();

    expect(() => importAll(target, file)).toThrow(DataValidationError);
    expect(() => importAll(target, file)).toThrow(
      `${file}: clients[2].hourlyRateMinor: expected integer`,
    );
    expect(readFileSync(target.path, 'utf8')).toBe(before);
    expect(target.read()).toBe(beforeData);
  });

  it('rejects a file that is not JSON without quoting it', () => {
    const { file } = exported(filledStore());
    writeFileSync(file, '{"calendars": [{"location": "https://cal.example/private-xyz');
    const target = freshStore();
    expect(() => importAll(target, file)).toThrow(/not valid JSON/);
    expect(() => importAll(target, file)).not.toThrow(/private-xyz/);
  });

  it('rejects a missing file and a file from a newer build', () => {
    const target = freshStore();
    expect(() => importAll(target, '/nonexistent/export.json')).toThrow(
      /cannot read the file \(ENOENT\)/,
    );
    const { file, json } = exported(filledStore());
    writeFileSync(file, JSON.stringify({ ...json, schemaVersion: SCHEMA_VERSION + 1 }));
    expect(() => importAll(target, file)).toThrow(NewerSchemaError);
  });

  it('migrates an old file before validating it', () => {
    const { file, json } = exported(filledStore());
    const { override, ...rest } = json;
    writeFileSync(file, JSON.stringify({ ...rest, schemaVersion: 0, manualOverride: override }));
    const renameOverride: Migration = {
      from: 0,
      description: 'manualOverride → override',
      migrate: ({ manualOverride, ...data }) => ({ ...data, override: manualOverride }),
    };
    const target = freshStore();
    const result = importAll(target, file, { migrations: [renameOverride, ...MIGRATIONS] });
    expect(result.fromVersion).toBe(0);
    expect(target.read().override?.mode).toBe('available');
  });
});
