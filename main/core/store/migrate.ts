/** Versioned migrations of the data file: one step per version, from n to n+1, applied in order. */
import { DataValidationError, NewerSchemaError } from './errors.js';

/** A JSON object as read from disk, before it is known to fit any schema. */
export type JsonObject = Record<string, unknown>;

/** One step of the file layout: turns a version-`from` object into a version-`from + 1` object. */
export interface Migration {
  from: number;
  /** What changed, for the log and for whoever reads the list later. */
  description: string;
  /** Receives a deep copy it may change; `schemaVersion` is set by the runner, not by the step. */
  migrate(data: JsonObject): JsonObject;
}

/** The result of bringing an object up to date. */
export interface Migrated {
  data: JsonObject;
  /** The version the object had before (equal to the target when nothing ran). */
  fromVersion: number;
}

/** Reads `schemaVersion`: a non-negative integer, or the object is not one of our files. */
export function readSchemaVersion(raw: JsonObject): number {
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new DataValidationError([
      { path: 'schemaVersion', message: 'expected a non-negative integer' },
    ]);
  }
  return version;
}

/**
 * Applies the steps from the object's version up to `target`. A file newer than `target` is refused
 * (it was written by a newer build and must not be rewritten by this one); a missing step or a step
 * that throws makes the object invalid.
 */
export function migrateToVersion(
  raw: JsonObject,
  migrations: readonly Migration[],
  target: number,
): Migrated {
  const fromVersion = readSchemaVersion(raw);
  if (fromVersion > target) throw new NewerSchemaError(fromVersion, target);
  // Nothing to run: no copy either (a five-year ledger is ~20 MB; the schema check copies anyway).
  if (fromVersion === target) return { data: raw, fromVersion };
  let data: JsonObject = structuredClone(raw);
  for (let version = fromVersion; version < target; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) {
      throw new DataValidationError([
        { path: 'schemaVersion', message: `no migration from version ${version}` },
      ]);
    }
    try {
      data = step.migrate(data);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DataValidationError([
        { path: 'schemaVersion', message: `migration from version ${version} failed: ${reason}` },
      ]);
    }
    data.schemaVersion = version + 1;
  }
  return { data, fromVersion };
}

/** The versions in `1 … target-1` that have no step (empty when the chain is complete). */
export function missingMigrations(migrations: readonly Migration[], target: number): number[] {
  const missing: number[] = [];
  for (let version = 1; version < target; version++) {
    if (!migrations.some((m) => m.from === version)) missing.push(version);
  }
  return missing;
}
