/** The Settings form as text fields, their checks, and the change they make to the settings record. */
import type { AppSettings, NotificationKind, SettingsChange } from '../../shared/settings.js';
import { minorToAmountText } from './format.js';

/** Client fields the form needs for target rates. */
export interface RateClient {
  id: string;
  currency: string;
}

/** What the form's inputs hold. */
export interface SettingsForm {
  language: AppSettings['language'];
  currency: string;
  recoveryMinutes: string;
  adHocLeadHours: string;
  /** Percent, as typed. */
  walkAwayPercent: string;
  weeklyAllowance: string;
  targetRates: Record<string, string>;
  notifications: Record<NotificationKind, boolean>;
  shortcutOn: boolean;
  shortcut: string;
  host: string;
  port: string;
}

/** A problem with one field: the catalogue key of its message and the values it names. */
export interface FieldProblem {
  key: 'number' | 'currency' | 'amount' | 'shortcut' | 'host';
  min?: number;
  max?: number;
}

/** The form filled from the stored settings. */
export function formFromSettings(s: AppSettings, clients: readonly RateClient[]): SettingsForm {
  return {
    language: s.language,
    currency: s.currency,
    recoveryMinutes: String(s.recoveryMinutes),
    adHocLeadHours: String(s.adHocLeadHours),
    walkAwayPercent: String(Math.round(s.walkAwayShare * 1000) / 10),
    weeklyAllowance: String(s.weeklyAllowance),
    targetRates: Object.fromEntries(
      clients.map((c) => {
        const minor = s.targetRates[c.id];
        return [c.id, minor === undefined ? '' : minorToAmountText(minor, c.currency)];
      }),
    ),
    notifications: { ...s.notifications },
    shortcutOn: s.shortcut !== null,
    shortcut: s.shortcut ?? '',
    host: s.statusServer.host,
    port: String(s.statusServer.port),
  };
}

const num = (text: string): number => (text.trim() === '' ? NaN : Number(text.replace(',', '.')));

/**
 * The change the form makes, or the problems per field (keys: the form's field names, target rates as
 * `targetRates.<id>`).
 */
export function changeFromForm(
  form: SettingsForm,
  before: AppSettings,
  clients: readonly RateClient[],
): { change: SettingsChange } | { problems: Record<string, FieldProblem> } {
  const problems: Record<string, FieldProblem> = {};
  const ranged = (field: keyof SettingsForm, min: number, max: number, int: boolean): number => {
    const n = num(form[field] as string);
    if (!Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n)))
      problems[field] = { key: 'number', min, max };
    return n;
  };
  const recoveryMinutes = ranged('recoveryMinutes', 0, 240, true);
  const adHocLeadHours = ranged('adHocLeadHours', 0, 720, false);
  const walkAway = ranged('walkAwayPercent', 0, 100, false);
  const weeklyAllowance = ranged('weeklyAllowance', 0, 100, true);
  const port = ranged('port', 1, 65535, true);
  if (!/^[A-Za-z]{3}$/.test(form.currency.trim())) problems.currency = { key: 'currency' };
  if (form.shortcutOn && !/^[A-Za-z0-9+]+$/.test(form.shortcut.trim()))
    problems.shortcut = { key: 'shortcut' };
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(form.host.trim())) problems.host = { key: 'host' };
  const targetRates: Record<string, string | null> = {};
  for (const client of clients) {
    const text = (form.targetRates[client.id] ?? '').trim();
    const had = before.targetRates[client.id];
    if (text === '') {
      if (had !== undefined) targetRates[client.id] = null;
    } else if (!/^\d{1,9}(?:[.,]\d{1,3})?$/.test(text)) {
      problems[`targetRates.${client.id}`] = { key: 'amount' };
    } else if (had === undefined || minorToAmountText(had, client.currency) !== text) {
      targetRates[client.id] = text;
    }
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    change: {
      language: form.language,
      currency: form.currency.trim().toUpperCase(),
      recoveryMinutes,
      adHocLeadHours,
      walkAwayShare: Math.round(walkAway * 10) / 1000,
      weeklyAllowance,
      ...(Object.keys(targetRates).length > 0 ? { targetRates } : {}),
      notifications: { ...form.notifications },
      shortcut: form.shortcutOn ? form.shortcut.trim() : null,
      statusServer: { host: form.host.trim(), port },
    },
  };
}
