/**
 * The one contract between the dashboard and the core: every call and every event, declared once.
 * Inputs carry a zod schema (validated by both transports before the core sees them); outputs are the
 * core's own domain types. The preload bridge, the IPC registration, the HTTP transport of `serve` and
 * the renderer's client are all derived from `apiMethods` — nothing re-declares a method.
 */
import { z } from 'zod';
import type {
  CalendarSource,
  ClassificationRules,
  EventKind,
  SourceStatus,
  StatusNow,
  TimelineSegment,
  WorkingHours,
} from './domain.js';

const isoInstant = z.iso.datetime({ offset: true });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const id = z.string().min(1).max(100);

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
      minutes: z.number().int().min(1).max(60 * 24 * 14).optional(),
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
      tz: z.string().min(1).max(100),
      days: z.array(z.array(z.object({ start: hhmm, end: hhmm }).strict()).max(4)).length(7),
    })
    .strict(),
} as const;

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
}

/** Name of every method of the Api. */
export type ApiMethod = keyof typeof apiInputs;

/** The method names, for transports that register or expose one entry per method. */
export const apiMethods = Object.keys(apiInputs) as ApiMethod[];

/** The input a method accepts (before defaults). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;

/** Events the core pushes to the dashboard. */
export interface ApiEvents {
  status: StatusNow;
  calendars: CalendarView[];
  /** Progress of a long sync: which source, how far. */
  syncProgress: { id: string; name: string; phase: 'fetching' | 'parsing' | 'done' | 'failed'; error?: string };
}

/** Name of every event. */
export type ApiEvent = keyof ApiEvents;

/** The event names, for transports. */
export const apiEvents: ApiEvent[] = ['status', 'calendars', 'syncProgress'];

/** What the dashboard sees: one async function per method, plus event subscription. */
export type Api = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]> } & {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

/** Validates `input` for `method`; throws ApiInputError naming the field that is wrong. */
export function parseApiInput<M extends ApiMethod>(method: M, input: unknown): z.output<(typeof apiInputs)[M]> {
  const schema = apiInputs[method];
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'input';
    throw new ApiInputError(`${method}: ${where}: ${issue?.message ?? 'invalid input'}`);
  }
  return result.data as z.output<(typeof apiInputs)[M]>;
}

/** A payload that failed validation at a transport boundary. */
export class ApiInputError extends Error {
  override readonly name = 'ApiInputError';
}

/** Type guard for method names arriving over a transport. */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiInputs, name);
}
