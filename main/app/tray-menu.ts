/**
 * The tray's menu, title and tooltip as pure functions of the tray state. On Linux (AppIndicator)
 * Electron never sees a click on the icon, so the toggle is the menu's first enabled item and the
 * state is always said in words (never by the icon's colour alone).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ApiInput } from '../../shared/api.js';
import type { StatusNow } from '../../shared/domain.js';
import type { AppWords } from './i18n.js';
import { type TimeFormatter, reasonWords, shortStateWord, statusLine } from './status-words.js';

/** Contact kinds the tray logs in one click. */
export const TRAY_CONTACT_KINDS = ['call', 'missed-call', 'voicemail', 'ad-hoc-meeting'] as const;
/** One of the tray's contact kinds. */
export type TrayContactKind = (typeof TRAY_CONTACT_KINDS)[number];

/** Override durations the tray offers, minutes. */
export const TRAY_OVERRIDE_MINUTES = [30, 60, 120] as const;

/** Clients listed in a submenu; the rest are a click away in the dashboard. */
export const TRAY_CLIENT_LIMIT = 12;

/** A client as the tray lists it. */
export interface TrayClient {
  id: string;
  name: string;
  statusLink: string;
}

/** A calendar whose latest sync failed. */
export interface FailingCalendar {
  id: string;
  name: string;
  /** Last successful sync (null: never). */
  lastSuccessAt: string | null;
  error: string;
}

/** Everything the tray shows. */
export interface TrayState {
  /** Null while the core is still starting. */
  status: StatusNow | null;
  syncing: boolean;
  clients: readonly TrayClient[];
  /** The client a contact was last logged for from the tray (listed first). */
  lastClientId: string | null;
  nextStandingCall: { at: string; clientName: string } | null;
  failingCalendars: readonly FailingCalendar[];
  /** When today's working hours end (null: not within a working day now). */
  endOfWorkingDay: string | null;
  /** The login item's state; null where the system offers none. */
  startAtLogin: boolean | null;
}

/** A tray state with nothing known yet. */
export const EMPTY_TRAY_STATE: TrayState = {
  status: null,
  syncing: false,
  clients: [],
  lastClientId: null,
  nextStandingCall: null,
  failingCalendars: [],
  endOfWorkingDay: null,
  startAtLogin: null,
};

/** What the tray's menu items do. */
export interface TrayActions {
  setOverride(request: ApiInput<'setOverride'>): void;
  clearOverride(): void;
  /** Flip between available and unavailable by hand (the tray click, the first menu item). */
  toggle(): void;
  /** Opens the dashboard's picker for an override until a chosen time. */
  pickOverrideUntil(mode: 'available' | 'unavailable'): void;
  logContact(clientId: string, kind: TrayContactKind): void;
  copyStatusLink(clientId: string): void;
  openDashboard(): void;
  syncNow(): void;
  setStartAtLogin(enabled: boolean): void;
  quit(): void;
}

/** How times are shown: a clock time, and a weekday with clock time. */
export interface TrayFormat {
  time: TimeFormatter;
  dayTime: TimeFormatter;
}

/** What the menu is built with besides the state. */
export interface TrayMenuOptions {
  actions: TrayActions;
  words: AppWords;
  format: TrayFormat;
}

/** The override a tray click sets: the opposite of what the user is now, until changed back. */
export function toggleRequest(status: StatusNow | null): ApiInput<'setOverride'> {
  return { mode: status?.available ? 'unavailable' : 'available' };
}

/** The clients in menu order: the last one used first, then by name; at most TRAY_CLIENT_LIMIT. */
export function clientsInMenuOrder(
  clients: readonly TrayClient[],
  lastClientId: string | null,
  locale: string,
): TrayClient[] {
  const byName = [...clients].sort((a, b) => a.name.localeCompare(b.name, locale));
  const last = byName.findIndex((c) => c.id === lastClientId);
  if (last > 0) byName.unshift(...byName.splice(last, 1));
  return byName.slice(0, TRAY_CLIENT_LIMIT);
}

const KIND_KEYS = {
  call: 'kindCall',
  'missed-call': 'kindMissedCall',
  voicemail: 'kindVoicemail',
  'ad-hoc-meeting': 'kindAdHocMeeting',
} as const satisfies Record<TrayContactKind, string>;

/** "Call", "Missed call" … in the user's language. */
export function contactKindWords(words: AppWords, kind: TrayContactKind): string {
  return words.tray(KIND_KEYS[kind]);
}

function overrideItems(
  mode: 'available' | 'unavailable',
  state: TrayState,
  { actions, words, format }: TrayMenuOptions,
): MenuItemConstructorOptions[] {
  const end = state.endOfWorkingDay;
  return [
    ...TRAY_OVERRIDE_MINUTES.map((minutes) => ({
      id: `${mode}-${minutes}`,
      label:
        minutes < 60
          ? words.tray('forMinutes', { count: minutes })
          : words.tray('forHours', { count: minutes / 60 }),
      click: () => actions.setOverride({ mode, minutes }),
    })),
    {
      id: `${mode}-end-of-day`,
      label: end
        ? words.tray('untilEndOfDay', { time: format.time(end) })
        : words.tray('untilEndOfDayNone'),
      enabled: end !== null,
      click: () => {
        if (end) actions.setOverride({ mode, until: end });
      },
    },
    {
      id: `${mode}-until`,
      label: words.tray('untilPick'),
      click: () => actions.pickOverrideUntil(mode),
    },
  ];
}

function clientItems(
  state: TrayState,
  { actions, words }: TrayMenuOptions,
): MenuItemConstructorOptions[] {
  const clients = clientsInMenuOrder(state.clients, state.lastClientId, words.locale);
  const none: MenuItemConstructorOptions = {
    id: 'no-clients',
    label: words.tray('noClients'),
    click: () => actions.openDashboard(),
  };
  const log = clients.map((client): MenuItemConstructorOptions => ({
    id: `log-${client.id}`,
    label: client.name,
    submenu: TRAY_CONTACT_KINDS.map((kind) => ({
      id: `log-${client.id}-${kind}`,
      label: contactKindWords(words, kind),
      click: () => actions.logContact(client.id, kind),
    })),
  }));
  const links = clients.map((client): MenuItemConstructorOptions => ({
    id: `copy-link-${client.id}`,
    label: client.name,
    click: () => actions.copyStatusLink(client.id),
  }));
  return [
    { id: 'log-contact', label: words.tray('logContact'), submenu: log.length ? log : [none] },
    {
      id: 'copy-link',
      label: words.tray('copyStatusLink'),
      submenu: links.length ? links : [{ ...none, id: 'no-clients-link' }],
    },
  ];
}

function infoItems(
  state: TrayState,
  { words, format }: TrayMenuOptions,
): MenuItemConstructorOptions[] {
  const call = state.nextStandingCall;
  const items: MenuItemConstructorOptions[] = [
    {
      id: 'next-standing-call',
      label: call
        ? words.tray('nextStandingCall', { when: format.dayTime(call.at), client: call.clientName })
        : words.tray('noStandingCall'),
      enabled: false,
    },
  ];
  for (const calendar of state.failingCalendars) {
    items.push({
      id: `calendar-failing-${calendar.id}`,
      label: calendar.lastSuccessAt
        ? words.tray('calendarFailing', {
            name: calendar.name,
            time: format.time(calendar.lastSuccessAt),
            error: calendar.error,
          })
        : words.tray('calendarNeverSynced', { name: calendar.name, error: calendar.error }),
      enabled: false,
    });
  }
  return items;
}

/** The tray's context menu for `state`. */
export function buildTrayMenuTemplate(
  state: TrayState,
  options: TrayMenuOptions,
): MenuItemConstructorOptions[] {
  const { actions, words, format } = options;
  const { status } = state;
  const ready = status !== null;
  const head: MenuItemConstructorOptions[] = status
    ? [
        { id: 'status', label: statusLine(words, status, format.time), enabled: false },
        { id: 'reason', label: reasonWords(words, status.reason), enabled: false },
      ]
    : [{ id: 'status', label: words.tray('starting'), enabled: false }];
  const loginItem: MenuItemConstructorOptions[] =
    state.startAtLogin === null
      ? []
      : [
          {
            id: 'start-at-login',
            label: words.tray('startAtLogin'),
            type: 'checkbox',
            checked: state.startAtLogin,
            click: () => actions.setStartAtLogin(!state.startAtLogin),
          },
        ];
  return [
    ...head,
    { type: 'separator' },
    {
      id: 'toggle',
      label: words.tray(status?.available ? 'setUnavailable' : 'setAvailable'),
      enabled: ready,
      click: () => actions.toggle(),
    },
    {
      id: 'available-for',
      label: words.tray('availableFor'),
      enabled: ready,
      submenu: overrideItems('available', state, options),
    },
    {
      id: 'unavailable-for',
      label: words.tray('unavailableFor'),
      enabled: ready,
      submenu: overrideItems('unavailable', state, options),
    },
    {
      id: 'follow-calendar',
      label: words.tray('followCalendar'),
      type: 'checkbox',
      checked: ready && !status.overridden,
      enabled: status?.overridden === true,
      click: () => actions.clearOverride(),
    },
    { type: 'separator' },
    ...clientItems(state, options),
    { type: 'separator' },
    ...infoItems(state, options),
    { type: 'separator' },
    {
      id: 'open-dashboard',
      label: words.tray('openDashboard'),
      click: () => actions.openDashboard(),
    },
    {
      id: 'sync-now',
      label: words.tray(state.syncing ? 'syncing' : 'syncNow'),
      enabled: !state.syncing,
      click: () => actions.syncNow(),
    },
    ...loginItem,
    { type: 'separator' },
    { id: 'quit', label: words.tray('quit'), click: () => actions.quit() },
  ];
}

/** The short text beside the tray icon (macOS menu bar): the state in a word, marked when set by hand. */
export function trayTitleFor(status: StatusNow | null, words: AppWords): string {
  if (!status) return '';
  const short = shortStateWord(words, status.state);
  return status.overridden ? `${short}*` : short;
}

/** The tray tooltip: the app name and the status line in words, and a failing calendar if any. */
export function trayTooltipFor(state: TrayState, words: AppWords, format: TimeFormatter): string {
  if (!state.status) return words.tray('appName');
  const status = statusLine(words, state.status, format);
  return words.tray(state.failingCalendars.length ? 'tooltipSyncError' : 'tooltip', { status });
}
