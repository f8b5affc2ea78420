import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { StatusNow } from '../../shared/domain.js';
import { createAppWords } from './i18n.js';
import {
  EMPTY_TRAY_STATE,
  TRAY_CLIENT_LIMIT,
  type TrayActions,
  type TrayClient,
  type TrayState,
  buildTrayMenuTemplate,
  clientsInMenuOrder,
  toggleRequest,
  trayTitleFor,
  trayTooltipFor,
} from './tray-menu.js';

const en = createAppWords('en');
const de = createAppWords('de');
const format = {
  time: (iso: string) => iso.slice(11, 16),
  dayTime: (iso: string) => `Fri ${iso.slice(11, 16)}`,
};
const focus: StatusNow = {
  at: '2025-03-03T10:00:00.000Z',
  state: 'focus',
  available: false,
  reason: 'focus time',
  since: '2025-03-03T09:00:00.000Z',
  until: '2025-03-03T11:00:00.000Z',
  next: { at: '2025-03-03T11:00:00.000Z', state: 'available', available: true },
  overridden: false,
};
const free: StatusNow = {
  ...focus,
  state: 'available',
  available: true,
  reason: 'available',
  until: null,
  next: null,
};
const byHand: StatusNow = {
  ...focus,
  state: 'away',
  reason: 'set unavailable by hand',
  overridden: true,
  until: '2025-03-03T10:30:00.000Z',
};
const acme: TrayClient = { id: 'c-acme', name: 'Acme', statusLink: 'http://127.0.0.1:4777/s/aaa' };
const globex: TrayClient = {
  id: 'c-globex',
  name: 'Globex',
  statusLink: 'http://127.0.0.1:4777/s/bbb',
};

function actions() {
  return {
    setOverride: vi.fn<TrayActions['setOverride']>(),
    clearOverride: vi.fn<() => void>(),
    toggle: vi.fn<() => void>(),
    pickOverrideUntil: vi.fn<TrayActions['pickOverrideUntil']>(),
    logContact: vi.fn<TrayActions['logContact']>(),
    copyStatusLink: vi.fn<TrayActions['copyStatusLink']>(),
    openDashboard: vi.fn<() => void>(),
    syncNow: vi.fn<() => void>(),
    setStartAtLogin: vi.fn<TrayActions['setStartAtLogin']>(),
    quit: vi.fn<() => void>(),
  } satisfies TrayActions;
}

/** Finds an item by id anywhere in the menu. */
function find(
  items: readonly MenuItemConstructorOptions[],
  id: string,
): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      const inner = find(item.submenu, id);
      if (inner) return inner;
    }
  }
  return undefined;
}
const sub = (item: MenuItemConstructorOptions | undefined) =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[];
const click = (item: MenuItemConstructorOptions | undefined) => {
  if (!item?.click) throw new Error(`no click on ${item?.id}`);
  (item.click as () => void)();
};
const state = (changes: Partial<TrayState>): TrayState => ({
  ...EMPTY_TRAY_STATE,
  status: focus,
  ...changes,
});
const menu = (s: TrayState, a = actions(), words = en) =>
  buildTrayMenuTemplate(s, { actions: a, words, format });

describe('the tray menu', () => {
  it('leads with the status line and reason; the toggle is the first enabled item', () => {
    const a = actions();
    const items = menu(state({}), a);
    expect(items[0]).toMatchObject({
      id: 'status',
      label: 'In a focus block until 11:00',
      enabled: false,
    });
    expect(items[1]).toMatchObject({ id: 'reason', label: 'Focus time', enabled: false });
    const firstEnabled = items.find((i) => i.type !== 'separator' && i.enabled !== false);
    expect(firstEnabled).toMatchObject({ id: 'toggle', label: 'Set available' });
    click(firstEnabled);
    expect(a.toggle).toHaveBeenCalledTimes(1);
    expect(find(menu(state({ status: free })), 'toggle')?.label).toBe('Set unavailable');
  });

  it('offers 30 min, 1 h, 2 h, until the end of the working day and until… for both modes', () => {
    const a = actions();
    const items = menu(state({ endOfWorkingDay: '2025-03-03T17:00:00.000Z' }), a);
    expect(sub(find(items, 'unavailable-for')).map((i) => i.label)).toEqual([
      'For 30 minutes',
      'For 1 hour',
      'For 2 hours',
      'Until end of working day (17:00)',
      'Until…',
    ]);
    click(find(items, 'unavailable-30'));
    click(find(items, 'available-120'));
    click(find(items, 'unavailable-end-of-day'));
    click(find(items, 'available-until'));
    expect(a.setOverride.mock.calls).toEqual([
      [{ mode: 'unavailable', minutes: 30 }],
      [{ mode: 'available', minutes: 120 }],
      [{ mode: 'unavailable', until: '2025-03-03T17:00:00.000Z' }],
    ]);
    expect(a.pickOverrideUntil).toHaveBeenCalledWith('available');
  });

  it('disables "until end of working day" outside working hours', () => {
    const item = find(menu(state({ endOfWorkingDay: null })), 'available-end-of-day');
    expect(item).toMatchObject({ label: 'Until end of working day', enabled: false });
  });

  it('follows the calendar (checked) unless set by hand, where a click goes back to it', () => {
    expect(find(menu(state({})), 'follow-calendar')).toMatchObject({
      checked: true,
      enabled: false,
    });
    const a = actions();
    const items = menu(state({ status: byHand }), a);
    expect(find(items, 'status')?.label).toBe('Away until 10:30');
    expect(find(items, 'reason')?.label).toBe('Set unavailable by hand');
    const follow = find(items, 'follow-calendar');
    expect(follow).toMatchObject({ checked: false, enabled: true });
    click(follow);
    expect(a.clearOverride).toHaveBeenCalledTimes(1);
  });

  it('with no clients, log and copy point to the dashboard', () => {
    const a = actions();
    const items = menu(state({ clients: [] }), a);
    expect(sub(find(items, 'log-contact')).map((i) => i.label)).toEqual([
      'No clients yet — add one in the dashboard',
    ]);
    expect(sub(find(items, 'copy-link'))).toHaveLength(1);
    click(sub(find(items, 'copy-link'))[0]);
    expect(a.openDashboard).toHaveBeenCalledTimes(1);
  });

  it('logs each contact kind for a client in one click, the last client used first', () => {
    const a = actions();
    const items = menu(state({ clients: [acme, globex], lastClientId: 'c-globex' }), a);
    const log = sub(find(items, 'log-contact'));
    expect(log.map((i) => i.label)).toEqual(['Globex', 'Acme']);
    expect(sub(log[1]).map((i) => i.label)).toEqual([
      'Call',
      'Missed call',
      'Voicemail',
      'Ad-hoc meeting',
    ]);
    click(find(items, 'log-c-acme-voicemail'));
    click(find(items, 'log-c-globex-call'));
    expect(a.logContact.mock.calls).toEqual([
      ['c-acme', 'voicemail'],
      ['c-globex', 'call'],
    ]);
    click(find(items, 'copy-link-c-acme'));
    expect(a.copyStatusLink).toHaveBeenCalledWith('c-acme');
  });

  it('lists many clients by name, at most the limit, keeping the last used one', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: `c${i}`,
      name: `Client ${String(i).padStart(2, '0')}`,
      statusLink: `http://x/s/${i}`,
    }));
    const ordered = clientsInMenuOrder(many, 'c39', 'en');
    expect(ordered).toHaveLength(TRAY_CLIENT_LIMIT);
    expect(ordered.map((c) => c.id).slice(0, 3)).toEqual(['c39', 'c0', 'c1']);
    const items = menu(state({ clients: many, lastClientId: 'c39' }));
    expect(sub(find(items, 'copy-link'))).toHaveLength(TRAY_CLIENT_LIMIT);
    expect(clientsInMenuOrder(many, 'gone', 'en')[0]?.id).toBe('c0');
  });

  it('shows the next standing call and every failing calendar, as text', () => {
    const items = menu(
      state({
        nextStandingCall: { at: '2025-03-07T10:00:00.000Z', clientName: 'Acme' },
        failingCalendars: [
          {
            id: 'w',
            name: 'Work calendar',
            lastSuccessAt: '2025-03-03T09:12:00.000Z',
            error: 'HTTP 401',
          },
          { id: 'n', name: 'New one', lastSuccessAt: null, error: 'timed out after 30 s' },
        ],
      }),
    );
    expect(find(items, 'next-standing-call')).toMatchObject({
      label: 'Next standing call: Fri 10:00 (Acme)',
      enabled: false,
    });
    expect(find(items, 'calendar-failing-w')?.label).toBe(
      'Work calendar: not synced since 09:12 — HTTP 401',
    );
    expect(find(items, 'calendar-failing-n')?.label).toBe(
      'New one: never synced — timed out after 30 s',
    );
    expect(find(menu(state({})), 'next-standing-call')?.label).toBe('No standing call planned');
  });

  it('opens the dashboard, syncs (disabled while syncing), toggles start at login and quits', () => {
    const a = actions();
    const items = menu(state({ startAtLogin: false }), a);
    click(find(items, 'open-dashboard'));
    click(find(items, 'sync-now'));
    click(find(items, 'start-at-login'));
    click(find(items, 'quit'));
    expect(a.setStartAtLogin).toHaveBeenCalledWith(true);
    expect([a.openDashboard, a.syncNow, a.quit].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    expect(find(items, 'start-at-login')).toMatchObject({ type: 'checkbox', checked: false });
    expect(find(menu(state({ syncing: true })), 'sync-now')).toMatchObject({
      label: 'Syncing…',
      enabled: false,
    });
    expect(find(menu(state({ startAtLogin: null })), 'start-at-login')).toBeUndefined();
  });

  it('disables the status actions until the first status arrives', () => {
    const items = menu(EMPTY_TRAY_STATE);
    expect(find(items, 'status')?.label).toBe('Starting…');
    expect(find(items, 'toggle')?.enabled).toBe(false);
    expect(find(items, 'quit')?.enabled).not.toBe(false);
  });

  it('speaks German', () => {
    const items = menu(
      state({
        clients: [acme],
        endOfWorkingDay: '2025-03-03T17:00:00.000Z',
        failingCalendars: [
          { id: 'w', name: 'Arbeit', lastSuccessAt: '2025-03-03T09:12:00.000Z', error: 'HTTP 401' },
        ],
        nextStandingCall: { at: '2025-03-07T10:00:00.000Z', clientName: 'Acme' },
        startAtLogin: true,
      }),
      actions(),
      de,
    );
    expect(find(items, 'status')?.label).toBe('In einem Fokusblock bis 11:00');
    expect(find(items, 'reason')?.label).toBe('Fokuszeit');
    expect(find(items, 'toggle')?.label).toBe('Erreichbar setzen');
    expect(sub(find(items, 'available-for')).map((i) => i.label)).toEqual([
      'Für 30 Minuten',
      'Für 1 Stunde',
      'Für 2 Stunden',
      'Bis Feierabend (17:00)',
      'Bis…',
    ]);
    expect(sub(find(items, 'log-c-acme')).map((i) => i.label)).toEqual([
      'Anruf',
      'Verpasster Anruf',
      'Mailbox-Nachricht',
      'Spontanes Treffen',
    ]);
    expect(find(items, 'calendar-failing-w')?.label).toBe(
      'Arbeit: nicht synchronisiert seit 09:12 — HTTP 401',
    );
    expect(find(items, 'next-standing-call')?.label).toBe('Nächster Regeltermin: Fri 10:00 (Acme)');
    expect(find(items, 'quit')?.label).toBe('Office Hours beenden');
    const all = JSON.stringify(items);
    for (const english of [
      'Available',
      'Sync now',
      'Log contact',
      'Copy status link',
      'Start at login',
    ])
      expect(all).not.toContain(english);
  });

  it('words the core’s reasons, including calls with a named client', () => {
    const reason = (r: string, words = en) =>
      find(menu(state({ status: { ...focus, reason: r } }), actions(), words), 'reason')?.label;
    expect(reason('in a standing call with Acme')).toBe('In a standing call with Acme');
    expect(reason('in a call with Acme', de)).toBe('Im Gespräch mit Acme');
    expect(reason('outside working hours', de)).toBe('Außerhalb der Arbeitszeit');
    expect(reason('something new')).toBe('Something new');
  });
});

describe('tray title and tooltip', () => {
  it('say the state in words, marked when set by hand, and name a failing calendar', () => {
    expect([focus, free, byHand, null].map((s) => trayTitleFor(s, en))).toEqual([
      'Focus',
      'Free',
      'Away*',
      '',
    ]);
    expect(trayTitleFor(focus, de)).toBe('Fokus');
    expect(trayTooltipFor(state({}), en, format.time)).toBe(
      'Office Hours — In a focus block until 11:00',
    );
    expect(
      trayTooltipFor(
        state({ failingCalendars: [{ id: 'w', name: 'W', lastSuccessAt: null, error: 'x' }] }),
        en,
        format.time,
      ),
    ).toBe('Office Hours — In a focus block until 11:00 · a calendar is not syncing');
    expect(trayTooltipFor(EMPTY_TRAY_STATE, en, format.time)).toBe('Office Hours');
  });

  it('toggles to the opposite of the current availability', () => {
    expect(toggleRequest(focus)).toEqual({ mode: 'available' });
    expect(toggleRequest(free)).toEqual({ mode: 'unavailable' });
    expect(toggleRequest(null)).toEqual({ mode: 'available' });
  });
});
