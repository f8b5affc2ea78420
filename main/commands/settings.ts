/**
 * `office-hours settings get [KEY] | set KEY VALUE`: the Settings screen, headless. Keys are the
 * settings record's fields, dotted below objects (`notifications.focusChange`, `statusServer.port`,
 * `targetRates.<client>`); a value is checked by the same schema the dashboard's Api uses.
 */
import { parseApiInput } from '../../shared/api.js';
import { errorKind } from '../../shared/errors.js';
import { notificationKinds, type AppSettings, type SettingsChange } from '../../shared/settings.js';
import { findClient } from '../core/clients.js';
import { formatMoney } from '../core/analysis/format.js';
import { applySettingsChange, settingsView } from '../core/settings.js';
import type { Data } from '../core/store/schema.js';
import { openStore } from '../core/store/store.js';
import { type Command, UsageError } from './context.js';

type Parse = (text: string, data: Data, key: string) => SettingsChange;

const number = (text: string, allowed: string): number => {
  const n = Number(text.replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`expected ${allowed}`);
  return n;
};
const bool = (text: string): boolean => {
  if (/^(true|on|yes|1)$/i.test(text)) return true;
  if (/^(false|off|no|0)$/i.test(text)) return false;
  throw new UsageError('expected on or off');
};
const isNone = (text: string): boolean => /^(none|off|-)$/i.test(text.trim());

/** Every key `set` takes, with what it allows (for messages) and how its text becomes a change. */
const KEYS: Record<string, { allowed: string; parse: Parse }> = {
  language: { allowed: 'system, en, de', parse: (t) => ({ language: t as 'en' }) },
  timeZone: {
    allowed: 'an IANA time zone like Europe/Berlin',
    parse: (t) => ({ timeZone: t }),
  },
  currency: { allowed: 'an ISO 4217 code like EUR', parse: (t) => ({ currency: t }) },
  recoveryMinutes: {
    allowed: 'whole minutes from 0 to 240',
    parse: (t) => ({ recoveryMinutes: number(t, 'whole minutes from 0 to 240') }),
  },
  adHocLeadHours: {
    allowed: 'hours from 0 to 720',
    parse: (t) => ({ adHocLeadHours: number(t, 'hours from 0 to 720') }),
  },
  walkAwayShare: {
    allowed: 'a share from 0 to 1, or a percentage like 40%',
    parse: (t) =>
      t.trim().endsWith('%')
        ? { walkAwayShare: number(t.trim().slice(0, -1), 'a percentage like 40%') / 100 }
        : { walkAwayShare: number(t, 'a share from 0 to 1') },
  },
  weeklyAllowance: {
    allowed: 'a whole number of contacts from 0 to 100',
    parse: (t) => ({ weeklyAllowance: number(t, 'a whole number from 0 to 100') }),
  },
  shortcut: {
    allowed: 'an accelerator like CommandOrControl+Shift+L, or none',
    parse: (t) => ({ shortcut: isNone(t) ? null : t }),
  },
  'statusServer.host': {
    allowed: 'a host name or IP address like 127.0.0.1',
    parse: (t) => ({ statusServer: { host: t } }),
  },
  'statusServer.port': {
    allowed: 'a port from 1 to 65535',
    parse: (t) => ({ statusServer: { port: number(t, 'a port from 1 to 65535') } }),
  },
  ...Object.fromEntries(
    notificationKinds.map((kind) => [
      `notifications.${kind}`,
      { allowed: 'on, off', parse: (t: string) => ({ notifications: { [kind]: bool(t) } }) },
    ]),
  ),
};
const TARGET = 'targetRates.';

/** The settings as `key value` lines (target rates by client name, in their currency). */
export function settingsLines(settings: AppSettings, data: Data): string[] {
  const lines: Array<[string, string]> = [
    ['language', settings.language],
    ['timeZone', settings.timeZone],
    ['currency', settings.currency],
    ['recoveryMinutes', String(settings.recoveryMinutes)],
    ['adHocLeadHours', String(settings.adHocLeadHours)],
    ['walkAwayShare', String(settings.walkAwayShare)],
    ['weeklyAllowance', String(settings.weeklyAllowance)],
    ...notificationKinds.map((k): [string, string] => [
      `notifications.${k}`,
      settings.notifications[k] ? 'on' : 'off',
    ]),
    ['shortcut', settings.shortcut ?? 'none'],
    ['statusServer.host', settings.statusServer.host],
    ['statusServer.port', String(settings.statusServer.port)],
    ...data.clients.map((c): [string, string] => {
      const minor = settings.targetRates[c.id];
      return [
        `${TARGET}${c.name}`,
        minor === undefined ? 'none (list rate)' : formatMoney(minor, c.currency, 'en'),
      ];
    }),
  ];
  return lines.map(([k, v]) => `${k} ${v}`);
}

function changeFor(key: string, value: string, data: Data): SettingsChange {
  if (key.startsWith(TARGET)) {
    let client;
    try {
      client = findClient(data.clients, key.slice(TARGET.length));
    } catch (error) {
      throw new UsageError(`${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { targetRates: { [client.id]: isNone(value) ? null : value.trim() } };
  }
  const entry = KEYS[key];
  if (!entry) {
    throw new UsageError(
      `unknown setting "${key}" (settings: ${[...Object.keys(KEYS), `${TARGET}<client>`].join(', ')})`,
    );
  }
  try {
    return entry.parse(value, data, key);
  } catch (error) {
    throw new UsageError(`${key}: "${value}" — allowed: ${entry.allowed}`, { cause: error });
  }
}

/** Runs `settings get|set`. */
export const run: Command = async (argv, ctx) => {
  const [action, key, value, ...extra] = argv;
  const store = openStore(ctx.dataDir, { watch: false });
  try {
    for (const notice of store.notices) ctx.stderr(`office-hours: ${notice.message}\n`);
    const data = store.read();
    if (action === 'get' || action === undefined) {
      if (value !== undefined) throw new UsageError('get takes at most one key');
      const lines = settingsLines(settingsView(data), data);
      if (key === undefined) {
        ctx.stdout(`${lines.join('\n')}\n`);
        return 0;
      }
      const line = lines.find((l) => l.startsWith(`${key} `));
      if (!line && key.startsWith(TARGET)) changeFor(key, 'none', data); // names the missing client
      if (!line) changeFor(key, '', data); // names the unknown key
      ctx.stdout(`${line?.slice(key.length + 1) ?? ''}\n`);
      return 0;
    }
    if (action !== 'set') throw new UsageError(`unknown action "${action}" (get, set)`);
    if (key === undefined || value === undefined || extra.length > 0)
      throw new UsageError('set takes a key and one value (quote a value with spaces)');
    const change = changeFor(key, value, data);
    try {
      const valid = parseApiInput('updateSettings', change);
      store.update((draft) => applySettingsChange(draft, valid));
    } catch (error) {
      const allowed = key.startsWith(TARGET)
        ? 'an amount like 150 or 150.50, or none'
        : KEYS[key]?.allowed;
      if (errorKind(error) !== 'internal')
        throw new UsageError(
          `${key}: "${value}" — allowed: ${allowed ?? 'see office-hours settings get'}`,
        );
      throw error;
    }
    const after = store.read();
    const shown = key.startsWith(TARGET)
      ? `${TARGET}${findClient(after.clients, key.slice(TARGET.length)).name}`
      : key;
    const line = settingsLines(settingsView(after), after).find((l) => l.startsWith(`${shown} `));
    ctx.stdout(`${line ?? shown}\n`);
    return 0;
  } finally {
    store.close();
  }
};
