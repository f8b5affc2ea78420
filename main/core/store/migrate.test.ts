import { describe, expect, it } from 'vitest';
import { DataValidationError, NewerSchemaError } from './errors.js';
import { migrateToVersion, missingMigrations, type Migration } from './migrate.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

const step = (from: number, change: (d: Record<string, unknown>) => void): Migration => ({
  from,
  description: `step ${from}`,
  migrate: (data) => {
    change(data);
    return data;
  },
});

const chain: Migration[] = [
  // Listed out of order on purpose: the runner picks steps by version, not by position.
  step(2, (d) => void (d.log = [...(d.log as string[]), '2→3'])),
  step(0, (d) => void (d.log = ['0→1'])),
  step(1, (d) => void (d.log = [...(d.log as string[]), '1→2'])),
];

describe('migrateToVersion', () => {
  it('applies each step from the file version to the target in order and stamps the version', () => {
    const raw = { schemaVersion: 0, keep: true };
    const { data, fromVersion } = migrateToVersion(raw, chain, 3);
    expect(fromVersion).toBe(0);
    expect(data).toEqual({ schemaVersion: 3, keep: true, log: ['0→1', '1→2', '2→3'] });
    expect(raw).toEqual({ schemaVersion: 0, keep: true }); // the input is not touched
  });

  it('starts from the version the file has', () => {
    const { data } = migrateToVersion({ schemaVersion: 1, log: ['old'] }, chain, 3);
    expect(data.log).toEqual(['old', '1→2', '2→3']);
  });

  it('does nothing to a current file', () => {
    expect(migrateToVersion({ schemaVersion: 3, a: 1 }, chain, 3)).toEqual({
      data: { schemaVersion: 3, a: 1 },
      fromVersion: 3,
    });
  });

  it('reports a gap in the chain', () => {
    expect(() => migrateToVersion({ schemaVersion: 0 }, [chain[1]!, chain[0]!], 3)).toThrow(
      'schemaVersion: no migration from version 1',
    );
  });

  it('reports a step that throws as invalid data', () => {
    const failing = step(0, () => {
      throw new Error('clients is not an array');
    });
    expect(() => migrateToVersion({ schemaVersion: 0 }, [failing], 1)).toThrow(
      /migration from version 0 failed: clients is not an array/,
    );
  });

  it('refuses a file newer than the target', () => {
    expect(() => migrateToVersion({ schemaVersion: 4 }, chain, 3)).toThrow(NewerSchemaError);
  });

  it.each([undefined, '1', -1, 1.5, null])('rejects schemaVersion %s', (version) => {
    expect(() => migrateToVersion({ schemaVersion: version }, chain, 3)).toThrow(
      DataValidationError,
    );
  });
});

describe('the real MIGRATIONS', () => {
  it('cover every version from 1 up to SCHEMA_VERSION, and nothing beyond', () => {
    expect(missingMigrations(MIGRATIONS, SCHEMA_VERSION)).toEqual([]);
    expect(MIGRATIONS.filter((m) => m.from < 1 || m.from >= SCHEMA_VERSION)).toEqual([]);
  });

  it('missingMigrations finds a gap', () => {
    expect(missingMigrations([step(1, () => undefined), step(3, () => undefined)], 5)).toEqual([
      2, 4,
    ]);
  });
});
