/** Whole-data-set export and import as one JSON file (also reads backups and older versions). */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeDataText, toDataFile } from './decode.js';
import { DataValidationError } from './errors.js';
import { BACKUP_DIR, fileStamp, STORE_NAME, writeFileAtomicSync } from './files.js';
import type { Migration } from './migrate.js';
import type { Data } from './schema.js';
import type { DataStore } from './store.js';

/** Writes the whole data set to `file` (atomically, owner-only: it holds tokens and calendar URLs). */
export function exportAll(store: DataStore, file: string, at: Date = new Date()): void {
  const content = { ...toDataFile(store.read()), exportedAt: at.toISOString() };
  writeFileAtomicSync(file, `${JSON.stringify(content, undefined, '\t')}\n`);
}

/** What an import did. */
export interface ImportResult {
  data: Data;
  /** Schema version of the imported file (older files are migrated first). */
  fromVersion: number;
  /** A copy of the data set as it was before the import, in the backups folder. */
  previousSavedTo: string;
}

/**
 * Replaces the whole data set with the one in `file`, after migrating and validating it. A bad file
 * changes nothing and throws `DataValidationError` naming the field ("clients[2].hourlyRateMinor:
 * expected integer"), or `NewerSchemaError` for a file from a newer build.
 */
export function importAll(
  store: DataStore,
  file: string,
  options: { at?: Date; migrations?: readonly Migration[] } = {},
): ImportResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new DataValidationError([{ path: '', message: `cannot read the file (${code})` }], file);
  }
  let decoded;
  try {
    decoded = decodeDataText(text, options.migrations);
  } catch (error) {
    if (error instanceof DataValidationError) throw new DataValidationError(error.issues, file);
    throw error;
  }
  // Import replaces everything: keep what it replaces where the user can find it.
  const previousSavedTo = join(
    dirname(store.path),
    BACKUP_DIR,
    `${STORE_NAME}.pre-import-${fileStamp(options.at ?? new Date())}.json`,
  );
  mkdirSync(dirname(previousSavedTo), { recursive: true, mode: 0o700 });
  exportAll(store, previousSavedTo, options.at);
  const data = store.update(() => decoded.data);
  return { data, fromVersion: decoded.fromVersion, previousSavedTo };
}
