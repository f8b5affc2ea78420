/**
 * `office-hours settings get [KEY] | set KEY VALUE`: the Settings screen, headless. Keys are the
 * settings record's fields, dotted below objects (`notifications.focusChange`, `statusServer.port`,
 * `targetRates.<client>`); a value is checked by the same schema the dashboard's Api uses.
 */
import { parseApiInput } from '../../shared/api.js';
import { UserError } from '../../shared/errors.js';
import { notificationKinds, type AppSettings, type SettingsChange } from '../../shared/settings.js';
import { formatMoney } from '../core/analysis/format.js';
import { applySettingsChange, settingsView } from '../core/settings.js';
import type { Data } from '../core/store/schema.js';
import { openStore } from '../core/store/store.js';
import { clientNamed } from './client-name.js';
import { type Command, UsageError, numberArg } from './context.js';

/** Turns the text typed for a key into the dashboard's updateSettings change. */
type Parse = (text: string) => SettingsChange;

/**
 * The command line's spellings (on/off, 40%, none) become the values the schema takes; anything else
 * is passed on as typed, so the updateSettings schema names it exactly as the dashboard's Api does.
 */
const bool = (text: string): boolean | string => {
  if (/^(true|on|yes|1)$/i.test(text)) return true;
  if (/^(false|off|no|0)$/i.test(text)) return false;
  return text;
};
const isNone = (text: string): boolean => /^(none|off|-)$/i.test(text.trim());
const share = (text: string): number | string => {
  const t = text.trim();
  if (!t.endsWith('%')) return numberArg(t);
  const n = numberArg(t.slice(0, -1));
  return typeof n === 'number' ? n / 100 : text;
};
// The Api's types are the valid ones; a value of the wrong type is what the schema is there to name.
const as = <T>(value: unknown): T => value as T;

/** Every key `set` takes and how its text becomes a change. */
const KEYS: Record<string, Parse> = {
  language: (t) => ({ language: as(t) }),
  timeZone: (t) => ({ timeZone: t }),
  currency: (t) => ({ currency: t }),
  recoveryMinutes: (t) => ({ recoveryMinutes: as(numberArg(t)) }),
  adHocLeadHours: (t) => ({ adHocLeadHours: as(numberArg(t)) }),
  walkAwayShare: (t) => ({ walkAwayShare: as(share(t)) }),
  weeklyAllowance: (t) => ({ weeklyAllowance: as(numberArg(t)) }),
  shortcut: (t) => ({ shortcut: isNone(t) ? null : t }),
  'statusServer.host': (t) => ({ statusServer: { host: t } }),
  'statusServer.port': (t) => ({ statusServer: { port: as(numberArg(t)) } }),
  ...Object.fromEntries(
    notificationKinds.map((kind) => [
      `notifications.${kind}`,
      (t: string) => ({ notifications: { [kind]: as(bool(t)) } }),
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
    const name = key.slice(TARGET.length);
    const client = clientNamed(data.clients, name);
    return { targetRates: { [client.id]: isNone(value) ? null : value.trim() } };
  }
  const parse = KEYS[key];
  if (!parse) {
    throw new UserError({
      field: 'setting',
      value: key,
      problem: 'no such setting',
      allowed: [...Object.keys(KEYS), `${TARGET}<client>`].join(', '),
    });
  }
  return parse(value);
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
    const valid = parseApiInput('updateSettings', changeFor(key, value, data));
    store.update((draft) => applySettingsChange(draft, valid));
    const after = store.read();
    const shown = key.startsWith(TARGET)
      ? `${TARGET}${clientNamed(after.clients, key.slice(TARGET.length)).name}`
      : key;
    const line = settingsLines(settingsView(after), after).find((l) => l.startsWith(`${shown} `));
    ctx.stdout(`${line ?? shown}\n`);
    return 0;
  } finally {
    store.close();
  }
};
