/** Picks the time-tracker importer from a file's header, for "import whatever this export is". */
import { timeTrackerOf } from '../../../shared/import-detect.js';
import type { ImportResult, TimeEntry } from '../../../shared/ledger.js';
import { normalizeHeader, readCsv } from './csv-read.js';
import { importClockify } from './import-clockify.js';
import { importHarvest } from './import-harvest.js';
import type { ImportOptions } from './import-time.js';
import { importToggl } from './import-toggl.js';

/** A time tracker whose CSV export we read. */
export type TimeFormat = 'toggl' | 'harvest' | 'clockify';

/** Tells the tracker from a header (the rule the Import screen guesses by too); undefined when none fits. */
export function detectTimeFormat(header: readonly string[]): TimeFormat | undefined {
  return timeTrackerOf(new Set(header.map(normalizeHeader)));
}

/** Imports a Toggl, Harvest or Clockify CSV, recognised by its header (or forced by `format`). */
export function importTimeCsv(
  input: string | Uint8Array,
  options: ImportOptions & { format?: TimeFormat } = {},
): ImportResult<TimeEntry> & { format?: TimeFormat } {
  const format = options.format ?? detectTimeFormat(readCsv(input).header);
  switch (format) {
    case 'toggl':
      return { ...importToggl(input, options), format };
    case 'harvest':
      return { ...importHarvest(input, options), format };
    case 'clockify':
      return { ...importClockify(input, options), format };
    default:
      return {
        entries: [],
        errors: [
          {
            line: 1,
            reason: 'not a Toggl, Harvest or Clockify detailed export (header not recognised)',
          },
        ],
        skipped: 0,
        rows: 0,
      };
  }
}
