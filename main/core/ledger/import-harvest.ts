/**
 * Harvest "Detailed time report" CSV export. Columns (as Harvest writes them): Date, Client, Project,
 * Project Code, Task, Notes, Hours, Hours Rounded, Billable?, Invoiced?, First Name, Last Name,
 * Employee Id, Roles, Teams, Employee?, Billable Rate, Billable Amount, Cost Rate, Cost Amount,
 * Currency, External Reference URL (some columns depend on the account). Hours are decimal ("1.5")
 * or "1:30" when the account shows hh:mm; Currency is a code or "Euro - EUR".
 */
import type { ImportResult, TimeEntry } from '../../../shared/ledger.js';
import { runTimeImport, type ImportOptions, type TimeVendor } from './import-time.js';
import { extractCurrency } from './parse-values.js';
import { formatIsoDate } from '../time/civil.js';

type HarvestKey =
  | 'date'
  | 'client'
  | 'project'
  | 'task'
  | 'notes'
  | 'hours'
  | 'billable'
  | 'firstName'
  | 'lastName'
  | 'amount'
  | 'currency';

/** Harvest's detailed-time-report layout. */
export const harvestVendor: TimeVendor<HarvestKey> = {
  source: 'harvest',
  columns: {
    date: { names: ['date', 'spent date'], required: true },
    client: { names: ['client'], required: true },
    project: { names: ['project'] },
    task: { names: ['task'] },
    notes: { names: ['notes'] },
    hours: { names: ['hours'], required: true },
    billable: { names: ['billable?', 'billable'] },
    firstName: { names: ['first name'] },
    lastName: { names: ['last name'] },
    amount: { names: ['billable amount'] },
    currency: { names: ['currency'] },
  },
  dateColumn: 'date',
  defaultDateOrder: 'mdy',
  read(row) {
    const day = row.date('date');
    const seconds = row.duration('hours');
    if (seconds === undefined) return row.fail('hours', 'hours are empty');
    if (seconds === 0) return 'skip';
    const clientName = row.get('client');
    const currencyCell = row.get('currency');
    const currency = extractCurrency(currencyCell);
    if (currencyCell !== '' && currency === undefined)
      return row.fail('currency', `"${currencyCell}" names no known currency`);
    const description = row.get('notes') || row.get('task') || row.get('project');
    return {
      clientName,
      projectName: row.get('project'),
      day,
      seconds,
      billable: row.yesNo('billable', clientName !== ''),
      ...(row.has('amount') ? { amount: { key: 'amount', currency } } : {}),
      ...(description ? { description } : {}),
      identity: [
        formatIsoDate(day),
        clientName,
        row.get('project'),
        row.get('task'),
        row.get('notes'),
        seconds,
        row.get('firstName'),
        row.get('lastName'),
      ],
    };
  },
};

/** Imports a Harvest detailed time report CSV. */
export function importHarvest(
  input: string | Uint8Array,
  options?: ImportOptions,
): ImportResult<TimeEntry> {
  return runTimeImport(input, harvestVendor, options);
}
