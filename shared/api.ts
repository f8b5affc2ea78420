/**
 * The one contract between the dashboard and the core: every call and every event, declared once.
 * Inputs carry a zod schema (validated by both transports before the core sees them); outputs are the
 * core's own domain types. The preload bridge, the IPC registration, the HTTP transport of `serve` and
 * the renderer's client are all derived from `apiMethods` — nothing re-declares a method.
 */
import { z } from 'zod';
import {
  API_EVENT_NAMES,
  API_METHOD_NAMES,
  IMPORT_TEXT_MAX_CHARS,
  type ApiEventName,
  type ApiMethodName,
} from './api-names.js';
import { ALLOWED, userErrorOf } from './input-errors.js';
import type {
  CalendarSource,
  Client,
  ClassificationRules,
  EventKind,
  SourceStatus,
  StatusNow,
  TimelineSegment,
  WorkingHours,
} from './domain.js';
import type { Contact } from './ledger.js';
import { IMPORT_KINDS, REPORT_PRESETS } from './rate-case.js';
import type {
  ClientDetail,
  ClientScripts,
  ImportKind,
  ImportSummary,
  LastImport,
  LoggedContact,
  RateReport,
  UndoneContactChange,
} from './rate-case.js';
import type { SampleDataRemoved, SampleDataState } from './sample-data.js';
import { settingsChangeSchema, type AppSettings } from './settings.js';

const isoInstant = z.iso.datetime({ offset: true });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day like 09:30 (HH:MM)');
/** An IANA zone this runtime knows (Intl refuses the rest), checked here so no layer below repeats it. */
const timeZone = z.string().min(1).max(100).refine(isTimeZone, ALLOWED.timeZone);
const id = z.string().min(1).max(100);
const contactKind = z.enum([
  'call',
  'missed-call',
  'voicemail',
  'ad-hoc-meeting',
  'scheduled-meeting',
  'email',
  'message',
]);
export { IMPORT_TEXT_MAX_CHARS };

/** The longest base64 text of a file of at most IMPORT_TEXT_MAX_CHARS bytes. */
const IMPORT_BASE64_MAX_CHARS = Math.ceil(IMPORT_TEXT_MAX_CHARS / 3) * 4;
const IMPORT_TOO_BIG = 'the file is over 4 MB: export a shorter period';

/** How many bytes a base64 text holds. */
function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

/** Whether Intl reads `tag` as one well-formed language tag. */
function isLocaleTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    // reason: getCanonicalLocales throws RangeError for an ill-formed tag — that is the answer "no".
    return false;
  }
}

/** Request bodies larger than the transport's default, per method (imported files travel as text). */
export const apiBodyLimits: Partial<Record<string, number>> = {
  importText: IMPORT_TEXT_MAX_CHARS * 2 + 64 * 1024,
};

/** A report bound: a date (YYYY-MM-DD, a whole local day) or an instant. */
const periodBound = z.union([z.iso.date(), isoInstant]);
/** A BCP 47 tag Intl accepts ("en-GB", "de-AT"). */
const localeTag = z
  .string()
  .max(35)
  .refine(isLocaleTag, { message: 'a language tag such as en-GB or de-AT' });

// ——— clients (their records and status links) ———
/** An amount as typed, in major units: "120", "120.50" or "120,50" (turned into minor units by the core). */
const moneyText = z
  .string()
  .regex(/^\s*\d{1,9}(?:[.,]\d{1,2})?\s*$/, 'an amount like 120 or 120.50');
/** Fields a client is added or edited with; lists replace the stored ones whole. */
const clientFields = {
  domains: z.array(z.string().min(1).max(253)).max(50).optional(),
  keywords: z.array(z.string().min(1).max(100)).max(100).optional(),
  phones: z.array(z.string().min(1).max(50)).max(50).optional(),
  /** Hourly rate in major units, as typed (see moneyText). */
  hourlyRate: moneyText.optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'a three-letter code like EUR')
    .optional(),
  /** Unscheduled contacts per week that are part of the deal. */
  allowance: z.number().int().min(0).max(100).optional(),
  locale: z.enum(['en', 'de']).optional(),
  timeZone: timeZone.optional(),
};
const clientInputs = {
  listClients: z.object({}).strict(),
  addClient: z
    .object({ name: z.string().trim().min(1, 'a client needs a name').max(200), ...clientFields })
    .strict(),
  updateClient: z
    .object({
      id,
      name: z.string().trim().min(1, 'a client needs a name').max(200).optional(),
      ...clientFields,
      /** The status page's policy per language; an empty text puts back the default. */
      policyText: z
        .object({ en: z.string().max(2000).optional(), de: z.string().max(2000).optional() })
        .strict()
        .optional(),
    })
    .strict(),
  removeClient: z.object({ id }).strict(),
  /** A new status-link secret: the old link stops working at once. */
  rotateClientLink: z.object({ id }).strict(),
} as const;

/** Input schemas per method. */
export const apiInputs = {
  getStatus: z.object({ at: isoInstant.optional() }).strict(),
  getDayTimeline: z.object({ date: z.iso.date().optional() }).strict(),
  listCalendars: z.object({}).strict(),
  addCalendar: z
    .object({
      location: z.string().min(1).max(4096),
      name: z.string().min(1).max(200).optional(),
      role: z.enum(['busy', 'focus', 'ignore']).optional(),
      refreshMinutes: z.number().int().min(1).max(1440).optional(),
    })
    .strict(),
  updateCalendar: z
    .object({
      id,
      name: z.string().min(1).max(200).optional(),
      role: z.enum(['busy', 'focus', 'ignore']).optional(),
      refreshMinutes: z.number().int().min(1).max(1440).optional(),
    })
    .strict(),
  removeCalendar: z.object({ id }).strict(),
  syncCalendars: z.object({ id: id.optional() }).strict(),
  setOverride: z
    .object({
      mode: z.enum(['available', 'unavailable']),
      minutes: z
        .number()
        .int()
        .min(1)
        .max(60 * 24 * 14)
        .optional(),
      until: isoInstant.optional(),
    })
    .strict(),
  clearOverride: z.object({}).strict(),
  getRules: z.object({}).strict(),
  setRules: z
    .object({
      focusKeywords: z.array(z.string().min(1).max(100)).max(100),
      tentativeIsBusy: z.boolean(),
      awayKeywords: z.array(z.string().min(1).max(100)).max(100).optional(),
    })
    .strict(),
  previewRules: z
    .object({
      focusKeywords: z.array(z.string().min(1).max(100)).max(100),
      tentativeIsBusy: z.boolean(),
      awayKeywords: z.array(z.string().min(1).max(100)).max(100).optional(),
    })
    .strict(),
  getWorkingHours: z.object({}).strict(),
  setWorkingHours: z
    .object({
      tz: timeZone,
      days: z.array(z.array(z.object({ start: hhmm, end: hhmm }).strict()).max(4)).length(7),
    })
    .strict(),
  // ——— the rate case ———
  logContact: z
    .object({
      clientId: id,
      kind: contactKind,
      /** Default: now. */
      at: isoInstant.optional(),
      /** Default per kind (see ledger-service.ts). */
      minutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60)
        .optional(),
      note: z.string().max(2000).optional(),
      /** Default: true for a scheduled meeting only. */
      scheduled: z.boolean().optional(),
      billed: z.boolean().optional(),
      voicemailHasMessage: z.boolean().optional(),
    })
    .strict(),
  undoLastContact: z.object({}).strict(),
  editContact: z
    .object({
      id,
      clientId: id.optional(),
      kind: contactKind.optional(),
      at: isoInstant.optional(),
      minutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60)
        .optional(),
      /** An empty note removes it. */
      note: z.string().max(2000).optional(),
      scheduled: z.boolean().optional(),
      /** null: back to the default (scheduled meetings billed, the rest not). */
      billed: z.boolean().nullable().optional(),
    })
    .strict(),
  deleteContact: z.object({ id }).strict(),
  listContacts: z
    .object({
      clientId: id.optional(),
      from: isoInstant.optional(),
      to: isoInstant.optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
    })
    .strict(),
  importFile: z
    .object({
      kind: z.enum(IMPORT_KINDS),
      file: z.string().min(1).max(4096),
      dryRun: z.boolean().optional(),
      allowPartial: z.boolean().optional(),
    })
    .strict(),
  getReport: z
    .object({
      from: periodBound.optional(),
      to: periodBound.optional(),
      /** The language of the reasons and the locale of their numbers (default: the settings' language). */
      language: z.enum(['en', 'de']).optional(),
      /** A named period up to now, in the user's zone (instead of from/to): see REPORT_PRESETS. */
      preset: z.enum(REPORT_PRESETS).optional(),
      /** The locale of the reasons' dates and numbers ("de-AT"), when it is more than the language. */
      locale: localeTag.optional(),
      /** A client whose report also carries the period's weeks (ClientReport.weeks). */
      weeksOf: id.optional(),
    })
    .strict(),
  /** One client over the twelve weeks of its chart: weeks, rhythm, numbers and recommendation. */
  getClientDetail: z
    .object({
      clientId: id,
      language: z.enum(['en', 'de']).optional(),
      locale: localeTag.optional(),
    })
    .strict(),
  /**
   * An export file's content: previewed (dryRun) or imported like `importFile`, and remembered as the
   * import `undoImport` takes back.
   */
  importText: z
    .object({
      kind: z.enum(IMPORT_KINDS),
      /** The file's name, for messages. */
      name: z.string().min(1).max(255),
      /** The content as text, or (encoding "base64") the file's bytes, so the core reads the file's own encoding. */
      text: z.string().max(IMPORT_BASE64_MAX_CHARS, IMPORT_TOO_BIG),
      encoding: z.enum(['text', 'base64']).optional(),
      dryRun: z.boolean().optional(),
      allowPartial: z.boolean().optional(),
    })
    .strict()
    .superRefine((req, ctx) => {
      const base64 = req.encoding === 'base64';
      if (base64 && !/^[A-Za-z0-9+/]*={0,2}$/.test(req.text)) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: 'the file’s bytes in base64' });
      } else if ((base64 ? base64Bytes(req.text) : req.text.length) > IMPORT_TEXT_MAX_CHARS) {
        ctx.addIssue({
          code: 'too_big',
          origin: 'string',
          maximum: IMPORT_TEXT_MAX_CHARS,
          inclusive: true,
          path: ['text'],
          message: IMPORT_TOO_BIG,
        });
      }
    }),
  /** Takes back the latest import made through the dashboard (time entries or calls), also after a restart. */
  undoImport: z.object({}).strict(),
  /** The latest dashboard import that `undoImport` would take back. */
  getLastImport: z.object({}).strict(),
  getScripts: z
    .object({
      clientId: id,
      language: z.enum(['en', 'de']).optional(),
      from: periodBound.optional(),
      to: periodBound.optional(),
    })
    .strict(),
  ...clientInputs,
  // ——— settings (shared/settings.ts) ———
  getSettings: z.object({}).strict(),
  updateSettings: settingsChangeSchema,
  // ——— sample data (main/core/sample/sample-data.ts) ———
  getSampleData: z.object({}).strict(),
  /** A sample calendar, three sample clients and twelve weeks of their contacts and billed hours. */
  addSampleData: z
    .object({
      /** The language of the sample calendar's name and events (default: the settings' language). */
      language: z.enum(['en', 'de']).optional(),
    })
    .strict(),
  /** Takes away exactly what addSampleData added (and every contact of a sample client). */
  removeSampleData: z.object({}).strict(),
} as const;

/** A client as the dashboard sees it: the record without its secret, which only appears inside `statusLink`. */
export type ClientView = Omit<Client, 'statusToken'> & {
  /** The client's private status page on the running status server. */
  statusLink: string;
};

/** A calendar with the outcome of its latest sync. */
export interface CalendarView extends CalendarSource {
  /** The location with secrets removed (scheme + host for URLs). */
  displayLocation: string;
  status: SourceStatus;
}

/** One upcoming event as the rules editor previews it: its kind and what matched. Titles stay on this machine. */
export interface RulePreviewRow {
  start: string;
  end: string;
  summary: string;
  calendar: string;
  kind: EventKind;
  matchedBy: string;
  clientName?: string;
}

/** Output types per method. */
export interface ApiOutputs {
  getStatus: StatusNow;
  getDayTimeline: TimelineSegment[];
  listCalendars: CalendarView[];
  addCalendar: CalendarView;
  updateCalendar: CalendarView;
  removeCalendar: { removed: boolean };
  syncCalendars: CalendarView[];
  setOverride: StatusNow;
  clearOverride: StatusNow;
  getRules: ClassificationRules;
  setRules: ClassificationRules;
  previewRules: RulePreviewRow[];
  getWorkingHours: WorkingHours;
  setWorkingHours: WorkingHours;
  logContact: LoggedContact;
  undoLastContact: UndoneContactChange;
  editContact: Contact;
  deleteContact: { deleted: boolean };
  /** Newest first. */
  listContacts: Contact[];
  importFile: ImportSummary;
  getReport: RateReport;
  getScripts: ClientScripts;
  getClientDetail: ClientDetail;
  importText: ImportSummary;
  /** What was taken back; `removed` 0 when there was nothing to undo. */
  undoImport: { kind: ImportKind | null; removed: number };
  /** Null when there is nothing to undo. */
  getLastImport: LastImport | null;
  // clients
  listClients: ClientView[];
  addClient: ClientView;
  updateClient: ClientView;
  removeClient: { removed: boolean };
  rotateClientLink: ClientView;
  // settings
  getSettings: AppSettings;
  updateSettings: AppSettings;
  // sample data
  getSampleData: SampleDataState;
  addSampleData: SampleDataState;
  removeSampleData: SampleDataRemoved;
}

/** Name of every method of the Api. */
export type ApiMethod = keyof typeof apiInputs;

/** The method names, for transports that register or expose one entry per method. */
export const apiMethods: readonly ApiMethod[] = API_METHOD_NAMES;

/** True when the two unions have exactly the same members. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The names the dashboard imports without the schemas (api-names.ts) must be these schemas' names.
const methodNamesMatch: Same<ApiMethod, ApiMethodName> = true;
void methodNamesMatch;

/** The input a method accepts (before defaults). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;

/** Events the core pushes to the dashboard. */
export interface ApiEvents {
  status: StatusNow;
  calendars: CalendarView[];
  /** Progress of a long sync: which source, how far. */
  syncProgress: {
    id: string;
    name: string;
    phase: 'fetching' | 'parsing' | 'done' | 'failed';
    error?: string;
  };
  /** Every client, after any change to one of them or to where their links point. */
  clients: ClientView[];
  /** The settings, after any change to them (from the dashboard, the CLI or another process). */
  settings: AppSettings;
  /** Whether sample data is present, after it was added or removed (here or by another process). */
  sample: SampleDataState;
  /**
   * Contacts or billed hours changed: logged (dashboard, tray, `office-hours log` in another
   * process), edited, imported, undone or merged from the calendar. Reports are stale; ask again.
   */
  ledger: { at: string };
}

/** Name of every event. */
export type ApiEvent = keyof ApiEvents;

/** The event names, for transports. */
export const apiEvents: readonly ApiEvent[] = API_EVENT_NAMES;
// As for the methods: the listed event names must be exactly the events' names.
const eventNamesMatch: Same<ApiEvent, ApiEventName> = true;
void eventNamesMatch;

/** What the dashboard sees: one async function per method, plus event subscription. */
export type Api = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]> } & {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

/** Validates `input` for `method`; throws a UserError naming the field, the value and what is allowed. */
export function parseApiInput<M extends ApiMethod>(
  method: M,
  input: unknown,
): z.output<(typeof apiInputs)[M]> {
  const schema = apiInputs[method];
  const given = input ?? {};
  const result = schema.safeParse(given);
  if (!result.success) throw userErrorOf(result.error, given, schema);
  return result.data as z.output<(typeof apiInputs)[M]>;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

/** Type guard for method names arriving over a transport. */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiInputs, name);
}
