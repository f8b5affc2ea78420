/**
 * Toggl Track "Detailed report" CSV export. Columns (as Toggl writes them): User, Email, Client,
 * Project, Task, Description, Billable, Start date, Start time, End date, End time, Duration, Tags,
 * Amount (EUR) — the amount header carries the workspace currency ("Amount ()" when none is set; the
 * column is absent on plans without billable rates). Dates are ISO in Toggl's export, but a file that
 * went through a spreadsheet may hold 04.03.2024 or 03/04/2024; Duration is HH:MM:SS.
 */
import type { ImportResult, TimeEntry } from '../../../shared/ledger.js';
import { identityOfTimes, runTimeImport, type ImportOptions, type TimeVendor } from './import-time.js';
import { extractCurrency } from './parse-values.js';

type TogglKey =
  | 'user' | 'email' | 'client' | 'project' | 'task' | 'description' | 'billable'
  | 'startDate' | 'startTime' | 'endDate' | 'endTime' | 'duration' | 'tags' | 'amount';

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
  read(row) {
    const seconds = row.duration('duration');
    // A timer still running when the report was made has no duration yet.
    if (seconds === undefined || seconds === 0) return 'skip';
    const day = row.date('startDate');
    const clientName = row.get('client');
    const description = row.get('description') || row.get('task') || row.get('project');
    return {
      clientName,
      projectName: row.get('project'),
      day,
      seconds,
      // Without a Billable column (plans without billable rates), client work counts as billable.
      billable: row.yesNo('billable', clientName !== ''),
      ...(row.has('amount') ? { amount: { key: 'amount', currency: extractCurrency(row.headerOf('amount')) } } : {}),
      ...(description ? { description } : {}),
      identity: [
        row.get('email') || row.get('user'),
        clientName,
        row.get('project'),
        row.get('task'),
        row.get('description'),
        ...identityOfTimes(row, { startDate: 'startDate', startTime: 'startTime', endDate: 'endDate', endTime: 'endTime' }),
        seconds,
      ],
    };
  },
};

/** Imports a Toggl Track detailed-report CSV. */
export function importToggl(input: string | Uint8Array, options?: ImportOptions): ImportResult<TimeEntry> {
  return runTimeImport(input, togglVendor, options);
}
