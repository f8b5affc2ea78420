/**
 * Toggl Track "Detailed report" CSV export. Columns (as Toggl writes them): User, Email, Client,
 * Project, Task, Description, Billable, Start date, Start time, End date, End time, Duration, Tags,
 * Amount (EUR) — the amount header carries the workspace currency ("Amount ()" when none is set; the
 * column is absent on plans without billable rates). Dates are ISO in Toggl's export, but a file that
 * went through a spreadsheet may hold 04.03.2024 or 03/04/2024; Duration is HH:MM:SS.
 */
import type { ImportResult, TimeEntry } from '../../../shared/ledger.js';
import {
  readDetailedReportRow,
  runTimeImport,
  type DetailedReportKey,
  type ImportOptions,
  type TimeVendor,
} from './import-time.js';

/** Toggl's columns: the shared detailed-report ones and its tags. */
type TogglKey = DetailedReportKey | 'tags';

/** Toggl's detailed-report layout. */
export const togglVendor: TimeVendor<TogglKey> = {
  source: 'toggl',
  columns: {
    user: { names: ['user'] },
    email: { names: ['email'] },
    client: { names: ['client'], required: true },
    project: { names: ['project'] },
    task: { names: ['task'] },
    description: { names: ['description'] },
    billable: { names: ['billable'] },
    startDate: { names: ['start date'], required: true },
    startTime: { names: ['start time'] },
    endDate: { names: ['end date'] },
    endTime: { names: ['end time'] },
    duration: { names: ['duration'], required: true },
    tags: { names: ['tags'] },
    amount: { names: ['amount (', 'amount'] },
  },
  dateColumn: 'startDate',
  defaultDateOrder: 'mdy',
  read: (row) => readDetailedReportRow(row),
};

/** Imports a Toggl Track detailed-report CSV. */
export function importToggl(
  input: string | Uint8Array,
  options?: ImportOptions,
): ImportResult<TimeEntry> {
  return runTimeImport(input, togglVendor, options);
}
