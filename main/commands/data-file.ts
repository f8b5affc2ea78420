/** `office-hours export <file>` and `office-hours import-all <file>`: the whole data set as one JSON file. */
import { resolve } from 'node:path';
import { SCHEMA_VERSION } from '../core/store/schema.js';
import { type Command, UsageError } from './context.js';
import { withCore } from './open-core.js';

function oneFile(argv: string[]): string {
  const [file] = argv;
  if (file === undefined || argv.length > 1 || file.startsWith('-'))
    throw new UsageError('give one file');
  return resolve(file);
}

/** Writes every setting, calendar, client, contact and time entry to a file (owner-only: it holds secrets). */
export const runExport: Command = async (argv, ctx) => {
  const file = oneFile(argv);
  return withCore(ctx, 'cache-only', async (core) => {
    core.ledger.exportData(file);
    const data = core.store.read();
    ctx.stdout(
      `Exported ${data.clients.length} clients, ${data.calendars.length} calendars, ${data.contacts.length} contacts ` +
        `and ${data.timeEntries.length} time entries to ${file}\n` +
        'It holds your calendar addresses and status links: keep it private.\n',
    );
    return 0;
  });
};

/** Replaces the whole data set with an export (older versions are migrated); the old one goes to backups. */
export const runImportAll: Command = async (argv, ctx) => {
  const file = oneFile(argv);
  return withCore(ctx, 'cache-only', async (core) => {
    const result = core.ledger.importData(file);
    const data = result.data;
    ctx.stdout(
      `Imported ${data.clients.length} clients, ${data.calendars.length} calendars, ${data.contacts.length} contacts ` +
        `and ${data.timeEntries.length} time entries from ${file}` +
        (result.fromVersion < SCHEMA_VERSION
          ? ` (migrated from schema version ${result.fromVersion})`
          : '') +
        `.\nThe data it replaced is saved as ${result.previousSavedTo}\n`,
    );
    return 0;
  });
};
