/** From an unknown JSON value to a valid, current `Data`: version check, migrations, schema. */
import { DataValidationError, fromZodIssues, parseJsonText } from './errors.js';
import { migrateToVersion, type JsonObject, type Migration } from './migrate.js';
import { dataSchema, MIGRATIONS, SCHEMA_VERSION, type Data, type DataFile } from './schema.js';

/** A decoded file: the current data, and the version it was stored with. */
export interface Decoded {
  data: Data;
  fromVersion: number;
}

/**
 * Validates and migrates a parsed file. Throws `DataValidationError` when it is not a valid data
 * set (a corrupt file) and `NewerSchemaError` when a newer build wrote it.
 */
export function decodeDataFile(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
): Decoded {
  if (!isJsonObject(raw)) {
    throw new DataValidationError([{ path: '', message: 'expected a JSON object' }]);
  }
  const { data: migrated, fromVersion } = migrateToVersion(raw, migrations, SCHEMA_VERSION);
  return { data: validateData(migrated), fromVersion };
}

/** `decodeDataFile` for JSON text. */
export function decodeDataText(text: string, migrations?: readonly Migration[]): Decoded {
  return decodeDataFile(parseJsonText(text), migrations);
}

/** Checks a data set against the schema (extra keys, like `schemaVersion`, are dropped). */
export function validateData(value: unknown): Data {
  const result = dataSchema.safeParse(value);
  if (!result.success) throw new DataValidationError(fromZodIssues(result.error.issues));
  return result.data;
}

/** The object written to disk for `data`. */
export function toDataFile(data: Data): DataFile {
  return { schemaVersion: SCHEMA_VERSION, ...data };
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
