/**
 * The app's settings as the dashboard, the tray and `office-hours settings` see them: one record, one
 * zod schema for a change to it (validated once, at the transport, before the core applies it).
 */
import { z } from 'zod';

/** What a notification may be sent for, each switchable on its own. */
export const notificationKinds = [
  'focusChange',
  'allowancePassed',
  'calendarFailing',
  'overrideEnding',
] as const;

/** One kind of notification. */
export type NotificationKind = (typeof notificationKinds)[number];

/** The language preference: follow the OS/browser, or one language. */
export const languagePreferences = ['system', 'en', 'de'] as const;

/** A language preference. */
export type LanguagePreference = (typeof languagePreferences)[number];

/** The settings record. Money is integer minor units of each client's currency. */
export interface AppSettings {
  /** UI language of the dashboard, tray and notifications. */
  language: LanguagePreference;
  /** Your IANA time zone: working hours, "today", reports and imports are read in it. */
  timeZone: string;
  /** Currency of new clients and of totals (ISO 4217). */
  currency: string;
  /**
   * Minutes it takes to get back into focused work after an interruption, charged per unscheduled
   * contact. Default 23: see the Settings screen for the source.
   */
  recoveryMinutes: number;
  /** A client meeting booked less than this many hours ahead counts as ad hoc. */
  adHocLeadHours: number;
  /** Share of your revenue (0–1) from which the report says "decide your walk-away point first". */
  walkAwayShare: number;
  /** Unscheduled contacts per week a new client gets (each client keeps its own afterwards). */
  weeklyAllowance: number;
  /** Effective hourly rate to keep per client id, minor units; a client without one uses its list rate. */
  targetRates: Record<string, number>;
  /** Which notifications are shown. */
  notifications: Record<NotificationKind, boolean>;
  /** Global shortcut (Electron accelerator) for "log a call from the last-used client"; null: none. */
  shortcut: string | null;
  /** Where the status server for the clients' links listens. */
  statusServer: { host: string; port: number };
}

const hostPattern = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:]+)$/;

/** An amount as typed, in major units ("150", "150.50"); null removes a target rate. */
const moneyText = z
  .string()
  .regex(/^\s*\d{1,9}(?:[.,]\d{1,3})?\s*$/, 'expected an amount like 150 or 150.50');

/**
 * A change to the settings: any subset of the fields. `targetRates` lists only the clients it changes
 * (amounts in major units as typed, in the client's currency; null removes the target).
 */
export const settingsChangeSchema = z
  .object({
    language: z.enum(languagePreferences),
    timeZone: z.string().min(1).max(100),
    currency: z.string().regex(/^[A-Za-z]{3}$/, 'expected a three-letter code like EUR'),
    recoveryMinutes: z.number().int().min(0).max(240),
    adHocLeadHours: z
      .number()
      .min(0)
      .max(24 * 30),
    walkAwayShare: z.number().min(0).max(1),
    weeklyAllowance: z.number().int().min(0).max(100),
    targetRates: z.record(z.string().min(1).max(100), moneyText.nullable()),
    notifications: z
      .object(Object.fromEntries(notificationKinds.map((k) => [k, z.boolean().optional()])))
      .strict() as z.ZodType<Partial<Record<NotificationKind, boolean>>>,
    shortcut: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9+]+$/, 'expected an accelerator like CommandOrControl+Shift+L')
      .nullable(),
    statusServer: z
      .object({
        host: z.string().regex(hostPattern, 'expected a host name or IP address').optional(),
        port: z.number().int().min(1).max(65535).optional(),
      })
      .strict(),
  })
  .partial()
  .strict();

/** A change to the settings, as sent. */
export type SettingsChange = z.input<typeof settingsChangeSchema>;
