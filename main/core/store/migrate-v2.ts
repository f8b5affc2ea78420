/**
 * Schema 1 → 2: `contacts` and `timeEntries` were loose arrays; now they are typed. Each old row is
 * repaired where the intent is clear (a missing id, minutes as a float, a date written another way,
 * `scheduled` absent) and dropped where it is not (no client, an unknown kind, no readable time).
 * Dropped rows are not lost: the engine keeps the whole v1 file in the backups folder before it
 * writes v2. Deterministic (ids made from content, no clock, no randomness), so two processes that
 * migrate the same file at once write the same result. Adds the ledger settings and bookkeeping.
 */
import { createHash } from 'node:crypto';
import {
  contactKindSchema,
  contactSchema,
  defaultLedgerHistory,
  defaultLedgerSettings,
  timeEntrySchema,
} from './ledger-schema.js';
import type { JsonObject, Migration } from './migrate.js';

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const bool = (value: unknown): boolean | undefined =>
  typeof value === 'boolean' ? value : undefined;
const wholeMinutes = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;

/** A stable id for a row that had none: its content and position, hashed. */
function contentId(prefix: string, row: unknown, index: number): string {
  const hash = createHash('sha256')
    .update(`${index}\u0000${JSON.stringify(row)}`)
    .digest('base64url');
  return `${prefix}-${hash.slice(0, 22)}`;
}

/** An instant in any form `Date.parse` reads, as ISO UTC; undefined when unreadable. */
function isoInstant(value: unknown): string | undefined {
  const ms =
    typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** A v1 contact repaired to the v2 shape, or undefined when it cannot be. */
export function repairContact(row: unknown, index: number): Raw | undefined {
  if (!isObject(row)) return undefined;
  const kind = contactKindSchema.safeParse(row.kind);
  const at = isoInstant(row.at);
  const clientId = str(row.clientId);
  if (!kind.success || at === undefined || clientId === undefined) return undefined;
  const source = ['manual', 'calendar', 'import:calls'].includes(String(row.source))
    ? row.source
    : 'manual';
  const out: Raw = {
    id: str(row.id) ?? contentId('contact', row, index),
    clientId,
    kind: kind.data,
    at,
    minutes: wholeMinutes(row.minutes) ?? 0,
    scheduled: bool(row.scheduled) ?? kind.data === 'scheduled-meeting',
    source,
  };
  const lead = wholeMinutes(row.leadTimeMinutes);
  if (lead !== undefined) out.leadTimeMinutes = lead;
  if (typeof row.note === 'string' && row.note !== '') out.note = row.note.slice(0, 2000);
  if (bool(row.voicemailHasMessage) !== undefined)
    out.voicemailHasMessage = row.voicemailHasMessage;
  if (bool(row.billed) !== undefined) out.billed = row.billed;
  if (str(row.importKey) !== undefined) out.importKey = str(row.importKey);
  return contactSchema.safeParse(out).success ? out : undefined;
}

/** A v1 time entry repaired to the v2 shape, or undefined when it cannot be. */
export function repairTimeEntry(row: unknown, index: number): Raw | undefined {
  if (!isObject(row)) return undefined;
  const rawDate = str(row.date);
  const date = rawDate && /^\d{4}-\d{2}-\d{2}/.test(rawDate) ? rawDate.slice(0, 10) : undefined;
  const minutes = wholeMinutes(row.minutes);
  if (date === undefined || minutes === undefined) return undefined;
  const importKey = str(row.importKey) ?? contentId('migrated', row, index);
  const source = ['toggl', 'harvest', 'clockify', 'manual'].includes(String(row.source))
    ? row.source
    : 'manual';
  const out: Raw = {
    id: str(row.id) ?? importKey,
    clientName: typeof row.clientName === 'string' ? row.clientName : '',
    date,
    minutes,
    billable: bool(row.billable) ?? true,
    source,
    importKey,
  };
  if (str(row.clientId) !== undefined) out.clientId = str(row.clientId);
  if (typeof row.description === 'string' && row.description !== '')
    out.description = row.description;
  // An amount means nothing without its currency: keep both or neither.
  if (
    Number.isInteger(row.amountMinor) &&
    typeof row.currency === 'string' &&
    /^[A-Z]{3}$/.test(row.currency)
  ) {
    out.amountMinor = row.amountMinor;
    out.currency = row.currency;
  }
  return timeEntrySchema.safeParse(out).success ? out : undefined;
}

/** Repairs every row, drops the hopeless ones and later rows that repeat an id. */
function clean(rows: unknown, repair: (row: unknown, index: number) => Raw | undefined): Raw[] {
  if (!Array.isArray(rows)) return [];
  const seen = new Set<string>();
  const out: Raw[] = [];
  rows.forEach((row, index) => {
    const fixed = repair(row, index);
    if (fixed === undefined || seen.has(String(fixed.id))) return;
    seen.add(String(fixed.id));
    out.push(fixed);
  });
  return out;
}

/** The step from schema 1 to 2. */
export const migrateV1toV2: Migration = {
  from: 1,
  description:
    'typed contacts and time entries (rows repaired or dropped; the v1 file stays in backups), ' +
    'ledger settings and the contacts undo history',
  migrate(data: JsonObject): JsonObject {
    data.contacts = clean(data.contacts, repairContact);
    data.timeEntries = clean(data.timeEntries, repairTimeEntry);
    if (isObject(data.settings) && !isObject(data.settings.ledger))
      data.settings.ledger = defaultLedgerSettings();
    if (!isObject(data.ledger)) data.ledger = defaultLedgerHistory();
    return data;
  },
};
