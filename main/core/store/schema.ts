/**
 * The shape of the persisted data set: zod schemas, the types derived from them, defaults and the
 * schema version. Load-time validation is structural on purpose (no ICU look-ups, no clock): a check
 * that can flip with the machine would turn a good file into a "corrupt" one.
 */
import { DEFAULT_RULES } from '../calendar/classify.js';
import { z } from 'zod';
import type {
  CalendarSource,
  ClassificationRules,
  Client,
  Override,
  WorkingHours,
} from '../../../shared/domain.js';
import {
  contactSchema,
  defaultLedgerHistory,
  defaultLedgerSettings,
  ledgerHistorySchema,
  ledgerSettingsSchema,
  timeEntrySchema,
} from './ledger-schema.js';
import type { Migration } from './migrate.js';
import { migrateV1toV2 } from './migrate-v2.js';

/** Version of the file layout this build writes. Bump it together with a migration in `MIGRATIONS`. */
export const SCHEMA_VERSION = 2;

/**
 * Steps from version n to n+1, applied in order on load and on import; `migrate.test.ts` checks the
 * chain has no gaps. 1 → 2: typed contacts and time entries, ledger settings (migrate-v2.ts).
 */
export const MIGRATIONS: readonly Migration[] = [migrateV1toV2];

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 instant' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected "HH:MM"' });
const nonEmpty = z.string().min(1, { error: 'expected a non-empty string' });
const zoneName = nonEmpty;
const locale = z.enum(['en', 'de']);

/** A status token: at least 22 base64url characters, i.e. >= 128 random bits. */
const statusToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,}$/, { error: 'expected a base64url token of at least 128 bits' });

/** A subscribed calendar (see `CalendarSource`). */
export const calendarSourceSchema = z.object({
  id: nonEmpty,
  name: z.string(),
  location: nonEmpty,
  kind: z.enum(['url', 'file']),
  refreshMinutes: z.int().min(1).max(1440),
  role: z.enum(['busy', 'focus', 'ignore']),
  addedAt: instant,
});

/** Rules that sort events into kinds (see `ClassificationRules`). */
export const classificationRulesSchema = z.object({
  focusKeywords: z.array(z.string()),
  tentativeIsBusy: z.boolean(),
  awayKeywords: z.array(z.string()).optional(),
});

/** Working periods per weekday, Sunday first (see `WorkingHours`). */
export const workingHoursSchema = z.object({
  tz: zoneName,
  days: z.array(z.array(z.object({ start: hhmm, end: hhmm }))).length(7, {
    error: 'expected 7 weekdays (Sunday first)',
  }),
});

/** A manual status override (see `Override`). */
export const overrideSchema = z.object({
  mode: z.enum(['available', 'unavailable']),
  until: instant.optional(),
  setAt: instant,
});

/** A client (see `Client`). Money is integer minor units. */
export const clientSchema = z.object({
  id: nonEmpty,
  name: nonEmpty,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour like "#1a2b3c"' }),
  domains: z.array(
    z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: 'expected a lower-case domain' }),
  ),
  keywords: z.array(nonEmpty),
  phones: z.array(nonEmpty),
  hourlyRateMinor: z.int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 code like "EUR"' }),
  adHocAllowancePerWeek: z.int().nonnegative().default(2),
  locale,
  timeZone: zoneName,
  policyText: z.object({ en: z.string(), de: z.string() }),
  statusToken,
  createdAt: instant,
});

const on = z.boolean().default(true);
/** Which notifications are shown (all on by default; see shared/settings.ts). */
const notificationsSchema = z
  .object({ focusChange: on, allowancePassed: on, calendarFailing: on, overrideEnding: on })
  .prefault({});

/**
 * User settings that are not per client. Fields added after version 2 carry defaults, so a file
 * written before them loads unchanged (no migration, no version bump).
 */
export const settingsSchema = z.object({
  statusServer: z.object({ host: nonEmpty, port: z.int().min(1).max(65535) }),
  syncWindowDays: z.object({ past: z.int().min(0).max(366), future: z.int().min(1).max(731) }),
  userTimeZone: zoneName,
  locale,
  /** UI language of dashboard, tray and notifications: the OS's unless one is chosen. */
  language: z.enum(['system', 'en', 'de']).default('system'),
  notifications: notificationsSchema,
  /** Global shortcut (Electron accelerator) for "log a call from the last-used client"; off by default. */
  shortcut: z.string().min(1).nullable().default(null),
  /** The rate case: recovery minutes, ad-hoc lead time, walk-away share, allowance, target rates. */
  ledger: ledgerSettingsSchema,
});

/**
 * What "try with sample data" added, by id, so removing it takes exactly that away (sample-data.ts).
 * Contacts are not listed: every contact of a sample client goes with the client.
 */
export const sampleMarkerSchema = z.object({
  addedAt: instant,
  calendarIds: z.array(nonEmpty),
  clientIds: z.array(nonEmpty),
  timeEntryIds: z.array(nonEmpty),
});

/** The whole data set as the core sees it (the file adds `schemaVersion`). */
export const dataSchema = z.object({
  calendars: z.array(calendarSourceSchema),
  rules: classificationRulesSchema,
  workingHours: workingHoursSchema,
  override: overrideSchema.nullable(),
  clients: z.array(clientSchema),
  contacts: z.array(contactSchema),
  timeEntries: z.array(timeEntrySchema),
  /** Undo history of the contacts and the journal generation (see ledger-schema.ts). */
  ledger: ledgerHistorySchema,
  settings: settingsSchema,
  /** The sample data in the set, if any. Defaulted like the later settings: older files load as they are. */
  sample: sampleMarkerSchema.nullable().default(null),
});

/** The sample-data record as stored. */
export type SampleMarker = z.infer<typeof sampleMarkerSchema>;
/** The whole persisted data set. */
export type Data = z.infer<typeof dataSchema>;
/** Settings that are not per client. */
export type Settings = z.infer<typeof settingsSchema>;
/** The persisted file: the data set plus the layout version it was written with. */
export type DataFile = Data & { schemaVersion: number };

// The domain types in shared/ are written by hand for readability; these lines fail to compile the
// moment a schema and its type drift apart.
// (Exact equality, not mutual assignability, so an added optional field is caught too.)
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const schemaMatchesDomain: [
  Same<z.infer<typeof calendarSourceSchema>, CalendarSource>,
  Same<z.infer<typeof classificationRulesSchema>, ClassificationRules>,
  Same<z.infer<typeof workingHoursSchema>, WorkingHours>,
  Same<z.infer<typeof overrideSchema>, Override>,
  Same<z.infer<typeof clientSchema>, Client>,
] = [true, true, true, true, true];
void schemaMatchesDomain;

/** The machine's zone and language, used for a fresh data set. */
export interface SystemEnvironment {
  timeZone: string;
  locale: 'en' | 'de';
}

/** The zone and language of this process, from `Intl`. */
export function systemEnvironment(): SystemEnvironment {
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  return {
    timeZone: resolved.timeZone || 'UTC',
    locale: resolved.locale.toLowerCase().startsWith('de') ? 'de' : 'en',
  };
}

/** The data set of a first run: no calendars or clients, Mon–Fri 09:00–17:00 in the user's zone. */
export function defaultData(env: SystemEnvironment = systemEnvironment()): Data {
  const workday = (): { start: string; end: string }[] => [{ start: '09:00', end: '17:00' }];
  return {
    calendars: [],
    rules: {
      focusKeywords: [...DEFAULT_RULES.focusKeywords],
      tentativeIsBusy: DEFAULT_RULES.tentativeIsBusy,
    },
    workingHours: {
      tz: env.timeZone,
      days: [[], workday(), workday(), workday(), workday(), workday(), []],
    },
    override: null,
    clients: [],
    contacts: [],
    timeEntries: [],
    settings: {
      statusServer: { host: '127.0.0.1', port: 4777 },
      syncWindowDays: { past: 35, future: 60 },
      userTimeZone: env.timeZone,
      locale: env.locale,
      language: 'system',
      notifications: notificationsSchema.parse({}),
      shortcut: null,
      ledger: defaultLedgerSettings(),
    },
    ledger: defaultLedgerHistory(),
    sample: null,
  };
}

/** A fresh status-link secret (the status server's generator: one format for every token). */
export { newStatusToken } from '../status/status-token.js';
