/**
 * Clockify "Detailed report" CSV export. Columns (as Clockify writes them): Project, Client,
 * Description, Task, User, Group, Email, Tags, Billable, Start Date, Start Time, End Date, End Time,
 * Duration (h), Duration (decimal), Billable Rate (USD), Billable Amount (USD) — the currency sits in
 * the headers. Dates follow the workspace format (MM/DD/YYYY by default), times may be "01:26:00 PM",
 * and Duration (h) is HH:MM:SS (or decimal when the workspace shows decimal durations).
 */
import type { ImportResult, TimeEntry } from '../../../shared/ledger.js';
import {
  readDetailedReportRow,
  runTimeImport,
  type DetailedReportKey,
  type ImportOptions,
  type TimeVendor,
} from './import-time.js';

/** Clockify's columns are exactly the ones the detailed reports share. */
type ClockifyKey = DetailedReportKey;

/** Clockify's detailed-report layout. */
export const clockifyVendor: TimeVendor<ClockifyKey> = {
  source: 'clockify',
  columns: {
    project: { names: ['project'] },
    client: { names: ['client'], required: true },
    description: { names: ['description'] },
    task: { names: ['task'] },
    user: { names: ['user'] },
    email: { names: ['email'] },
    billable: { names: ['billable'] },
    startDate: { names: ['start date'], required: true },
    startTime: { names: ['start time'] },
    endDate: { names: ['end date'] },
    endTime: { names: ['end time'] },
    // The first of these the file has (Clockify writes "Duration (h)" before "Duration (decimal)").
    duration: { names: ['duration (h)', 'duration (decimal)', 'duration'], required: true },
    amount: { names: ['billable amount (', 'billable amount', 'amount ('] },
  },
  dateColumn: 'startDate',
  defaultDateOrder: 'mdy',
  read: (row) => readDetailedReportRow(row),
};

/** Imports a Clockify detailed-report CSV. */
export function importClockify(
  input: string | Uint8Array,
  options?: ImportOptions,
): ImportResult<TimeEntry> {
  return runTimeImport(input, clockifyVendor, options);
}
