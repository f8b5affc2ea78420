/**
 * The settings record of shared/settings.ts on top of the stored data set: how it is read from the
 * store (`settingsView`) and how a validated change is applied to it (`applySettingsChange`). The time
 * zone lives once for the user: working hours and "today" read the same one.
 */
import type { z } from 'zod';
import { NotFoundError, UserError } from '../../shared/errors.js';
import {
  notificationKinds,
  type AppSettings,
  type settingsChangeSchema,
} from '../../shared/settings.js';
import { assertTimeZone } from './time/zone.js';
import { parseMoneyMinor } from './clients.js';
import { parseShortcut } from './shortcut.js';
import { currencyDigits } from './ledger/parse-values.js';
import type { Data } from './store/schema.js';

/** A change after the Api's schema accepted it. */
export type ValidSettingsChange = z.output<typeof settingsChangeSchema>;

/** The settings as the Api answers them. */
export function settingsView(data: Data): AppSettings {
  const s = data.settings;
  return {
    language: s.language,
    timeZone: data.workingHours.tz,
    currency: s.ledger.currency,
    recoveryMinutes: s.ledger.recoveryMinutes,
    adHocLeadHours: s.ledger.adHocLeadHours,
    walkAwayShare: s.ledger.walkAwayShare,
    weeklyAllowance: s.ledger.weeklyAllowance,
    targetRates: { ...s.ledger.targetRates },
    notifications: { ...s.notifications },
    shortcut: s.shortcut,
    statusServer: { ...s.statusServer },
  };
}

/**
 * Applies `change` to `draft` (inside a store update). Throws UserError for a value the schema cannot
 * judge (an unknown zone or currency, an amount the currency has no digits for) and NotFoundError for
 * a target rate of a client that does not exist; nothing is applied then.
 */
export function applySettingsChange(draft: Data, change: ValidSettingsChange): void {
  const next = structuredClone(draft.settings);
  let timeZone = draft.workingHours.tz;
  if (change.timeZone !== undefined) {
    assertTimeZone(change.timeZone);
    timeZone = change.timeZone;
  }
  if (change.currency !== undefined) {
    const code = change.currency.toUpperCase();
    if (currencyDigits(code) === undefined)
      throw new UserError({
        field: 'currency',
        value: change.currency,
        allowed: 'an ISO 4217 code like EUR',
      });
    next.ledger.currency = code;
  }
  if (change.language !== undefined) next.language = change.language;
  if (change.recoveryMinutes !== undefined) next.ledger.recoveryMinutes = change.recoveryMinutes;
  if (change.adHocLeadHours !== undefined) next.ledger.adHocLeadHours = change.adHocLeadHours;
  if (change.walkAwayShare !== undefined) next.ledger.walkAwayShare = change.walkAwayShare;
  if (change.weeklyAllowance !== undefined) next.ledger.weeklyAllowance = change.weeklyAllowance;
  for (const [clientId, amount] of Object.entries(change.targetRates ?? {})) {
    const client = draft.clients.find((c) => c.id === clientId);
    if (!client)
      throw new NotFoundError({
        field: `targetRates.${clientId}`,
        problem: 'no client with this id',
      });
    if (amount === null) {
      delete next.ledger.targetRates[clientId];
      continue;
    }
    try {
      next.ledger.targetRates[clientId] = parseMoneyMinor(amount, client.currency);
    } catch (error) {
      throw new UserError({
        field: `targetRates.${clientId}`,
        value: amount,
        problem: error instanceof Error ? error.message : String(error),
      });
    }
  }
  for (const kind of notificationKinds) {
    const value = change.notifications?.[kind];
    if (value !== undefined) next.notifications[kind] = value;
  }
  if (change.shortcut !== undefined) next.shortcut = checkedShortcut(change.shortcut);
  if (change.statusServer?.host !== undefined) next.statusServer.host = change.statusServer.host;
  if (change.statusServer?.port !== undefined) next.statusServer.port = change.statusServer.port;
  draft.settings = { ...next, userTimeZone: timeZone };
  draft.workingHours = { ...draft.workingHours, tz: timeZone };
}

/** A shortcut setting as Electron will take it (canonical spelling), or a UserError saying what is wrong. */
function checkedShortcut(text: string | null): string | null {
  if (text === null) return null;
  const parsed = parseShortcut(text);
  if (!parsed.ok)
    throw new UserError({
      field: 'shortcut',
      value: text,
      problem: parsed.error,
      allowed: 'an accelerator like CommandOrControl+Alt+L',
    });
  return parsed.accelerator;
}
