/**
 * The persisted shape of the rate case: contacts, time entries, their undo history and the ledger
 * settings, as zod schemas that match `shared/ledger.ts` exactly (checked at compile time below).
 * Kept apart from schema.ts so the v1 → v2 migration can use them without an import cycle.
 */
import { z } from 'zod';
import type { Contact, ContactKind, TimeEntry } from '../../../shared/ledger.js';
import { IMPORT_KINDS } from '../../../shared/rate-case.js';
import type { LedgerChange } from '../ledger/ledger.js';

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 instant' });
const nonEmpty = z.string().min(1, { error: 'expected a non-empty string' });
const minutes = z.int().min(0).max(100_000);
const currency = z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 code like "EUR"' });

/** Contact kinds, in the order of `CONTACT_KINDS`. */
export const contactKindSchema = z.enum([
  'call',
  'missed-call',
  'voicemail',
  'ad-hoc-meeting',
  'scheduled-meeting',
  'email',
  'message',
]);

/** One contact with a client (see `Contact`). */
export const contactSchema = z.object({
  id: nonEmpty,
  clientId: nonEmpty,
  kind: contactKindSchema,
  at: instant,
  minutes,
  scheduled: z.boolean(),
  leadTimeMinutes: z.int().min(0).optional(),
  note: z.string().max(2000).optional(),
  voicemailHasMessage: z.boolean().optional(),
  billed: z.boolean().optional(),
  source: z.enum(['manual', 'calendar', 'import:calls']),
  importKey: nonEmpty.optional(),
});

/** One tracked stretch of work (see `TimeEntry`). */
export const timeEntrySchema = z.object({
  id: nonEmpty,
  clientId: nonEmpty.optional(),
  clientName: z.string(),
  date: z.iso.date({ error: 'expected a date "YYYY-MM-DD"' }),
  minutes,
  billable: z.boolean(),
  amountMinor: z.int().optional(),
  currency: currency.optional(),
  description: z.string().optional(),
  source: z.enum(['toggl', 'harvest', 'clockify', 'manual']),
  importKey: nonEmpty,
});

/** One undoable change to the contacts (see `LedgerChange`). */
export const contactChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), id: nonEmpty }),
  z.object({ op: z.literal('edit'), before: contactSchema }),
  z.object({ op: z.literal('delete'), item: contactSchema, index: z.int().min(0) }),
  z.object({ op: z.literal('import'), ids: z.array(nonEmpty) }),
]);

/**
 * The latest import made through the dashboard, so its Undo still takes back exactly its rows after a
 * restart: the import keys of its time entries, or the ids of its contacts (call logs).
 */
export const lastImportSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  file: z.string(),
  at: instant,
  keys: z.array(nonEmpty),
});

/** Ledger bookkeeping beside the contacts: what can be undone, what must not come back, the journal. */
export const ledgerHistorySchema = z.object({
  /** The contacts' undo history, oldest first (at most `UNDO_DEPTH`). */
  contactUndo: z.array(contactChangeSchema),
  /** Import keys of contacts the user deleted: re-importing their file does not bring them back. */
  deletedContactKeys: z.array(nonEmpty),
  /**
   * Generation of the contact journal (contact-journal.ts) whose entries are still to be applied:
   * a journal of this generation holds changes made after this file; an older one is already in it.
   */
  journalGeneration: z.int().min(0),
  /** Written by a dashboard import, removed by its undo (absent in files from before it existed). */
  lastImport: lastImportSchema.optional(),
});

/** Settings of the rate case (user-wide; per client only the target rates). */
export const ledgerSettingsSchema = z.object({
  /** Minutes to get back into focused work after an interruption (Gloria Mark's interview figure). */
  recoveryMinutes: z.int().min(0).max(240).default(23),
  /** A client meeting booked less than this many hours ahead counts as ad hoc. */
  adHocLeadHours: z
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  /** Revenue share from which the report says "decide your walk-away point first". */
  walkAwayShare: z.number().min(0).max(1).default(0.4),
  /** Unscheduled contacts per week accepted from a new client (each client keeps its own). */
  weeklyAllowance: z.int().min(0).max(100).default(2),
  /** Effective hourly rate to keep per client id, minor units (default: the client's nominal rate). */
  targetRates: z.record(z.string(), z.int().min(0)).default({}),
  /** Currency of new clients and of totals. */
  currency: currency.default('EUR'),
  /** Weeks with billed hours a rate change needs as evidence; fewer → "not enough data yet". */
  minBilledWeeks: z.int().min(0).max(52).default(4),
});

/** Ledger settings as stored. */
export type LedgerSettings = z.infer<typeof ledgerSettingsSchema>;
/** Ledger bookkeeping as stored. */
export type LedgerHistory = z.infer<typeof ledgerHistorySchema>;

/** The ledger settings of a new data set. */
export function defaultLedgerSettings(): LedgerSettings {
  return ledgerSettingsSchema.parse({});
}

/** The ledger bookkeeping of a new data set. */
export function defaultLedgerHistory(): LedgerHistory {
  return { contactUndo: [], deletedContactKeys: [], journalGeneration: 0 };
}

// Fails to compile the moment a schema and its hand-written type in shared/ drift apart.
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const ledgerSchemasMatchTypes: [
  Same<z.infer<typeof contactKindSchema>, ContactKind>,
  Same<z.infer<typeof contactSchema>, Contact>,
  Same<z.infer<typeof timeEntrySchema>, TimeEntry>,
  Same<z.infer<typeof contactChangeSchema>, LedgerChange<Contact>>,
] = [true, true, true, true];
void ledgerSchemasMatchTypes;
