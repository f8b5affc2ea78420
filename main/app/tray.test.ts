import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { StatusNow } from '../../shared/domain.js';
import {
  TrayController,
  type TrayActions,
  buildTrayMenuTemplate,
  toggleRequest,
  trayTitleFor,
  trayTooltipFor,
} from './tray.js';

const fmt = (iso: string) => iso.slice(11, 16);
const focus: StatusNow = {
  at: '2025-03-03T10:00:00.000Z',
  state: 'focus',
  available: false,
  reason: 'focus block',
  since: '2025-03-03T09:00:00.000Z',
  until: '2025-03-03T11:00:00.000Z',
  next: { at: '2025-03-03T11:00:00.000Z', state: 'available', available: true },
  overridden: false,
};
const free: StatusNow = {
  ...focus,
  state: 'available',
  available: true,
  reason: 'Free',
  until: null,
  next: null,
};
const awayByHand: StatusNow = {
  ...focus,
  state: 'away',
  reason: 'Set by hand',
  overridden: true,
  until: '2025-03-03T10:30:00.000Z',
};

function actions() {
  return {
    setOverride: vi.fn<TrayActions['setOverride']>(),
    clearOverride: vi.fn<() => void>(),
    toggle: vi.fn<() => void>(),
    openDashboard: vi.fn<() => void>(),
    syncNow: vi.fn<() => void>(),
    quit: vi.fn<() => void>(),
  } satisfies TrayActions;
}
const byId = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.();

describe('buildTrayMenuTemplate', () => {
  it('leads with the status line and reason, and offers "Set available" while busy', () => {
    const a = actions();
    const menu = buildTrayMenuTemplate(focus, { actions: a, formatTime: fmt });
    expect(byId(menu, 'status')).toMatchObject({
      label: 'In a focus block until 11:00',
      enabled: false,
    });
    expect(byId(menu, 'reason')?.label).toBe('Focus block');
    expect(byId(menu, 'toggle')?.label).toBe('Set available');
    expect(byId(menu, 'follow-calendar')?.enabled).toBe(false);
    click(byId(menu, 'toggle'));
    expect(a.toggle).toHaveBeenCalledTimes(1);
  });

  it('offers "Set unavailable" while free and has no "until" without an end', () => {
    const menu = buildTrayMenuTemplate(free, { actions: actions(), formatTime: fmt });
    expect(byId(menu, 'status')?.label).toBe('Available');
    expect(byId(menu, 'toggle')?.label).toBe('Set unavailable');
  });

  it('marks a hand-set status and enables going back to the calendar', () => {
    const a = actions();
    const menu = buildTrayMenuTemplate(awayByHand, { actions: a, formatTime: fmt });
    expect(byId(menu, 'status')?.label).toBe('Away until 10:30');
    expect(byId(menu, 'reason')?.label).toBe('Set by hand');
    const follow = byId(menu, 'follow-calendar');
    expect(follow?.enabled).toBe(true);
    click(follow);
    expect(a.clearOverride).toHaveBeenCalledTimes(1);
  });

  it('has override durations of 30 min, 1 h and 2 h for both modes', () => {
    const a = actions();
    const menu = buildTrayMenuTemplate(focus, { actions: a, formatTime: fmt });
    const unavailable = byId(menu, 'unavailable-for')?.submenu as MenuItemConstructorOptions[];
    expect(unavailable.map((i) => i.label)).toEqual([
      'For 30 minutes',
      'For 1 hour',
      'For 2 hours',
    ]);
    click(unavailable[0]);
    click((byId(menu, 'available-for')?.submenu as MenuItemConstructorOptions[])[2]);
    expect(a.setOverride.mock.calls).toEqual([
      [{ mode: 'unavailable', minutes: 30 }],
      [{ mode: 'available', minutes: 120 }],
    ]);
  });

  it('opens the dashboard, syncs (disabled while syncing) and quits', () => {
    const a = actions();
    const menu = buildTrayMenuTemplate(focus, { actions: a, formatTime: fmt });
    click(byId(menu, 'open-dashboard'));
    click(byId(menu, 'sync-now'));
    click(byId(menu, 'quit'));
    expect([a.openDashboard, a.syncNow, a.quit].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    const syncing = buildTrayMenuTemplate(focus, { actions: a, syncing: true, formatTime: fmt });
    expect(byId(syncing, 'sync-now')).toMatchObject({ label: 'Syncing…', enabled: false });
  });

  it('disables the status actions until the first status arrives', () => {
    const menu = buildTrayMenuTemplate(null, { actions: actions() });
    expect(byId(menu, 'status')?.label).toBe('Starting…');
    expect(byId(menu, 'toggle')?.enabled).toBe(false);
    expect(byId(menu, 'quit')?.enabled).not.toBe(false);
  });
});

describe('tray words', () => {
  it('has a short title and a tooltip per status', () => {
    expect([focus, free, awayByHand, null].map(trayTitleFor)).toEqual([
      'Focus',
      'Free',
      'Away*',
      '',
    ]);
    expect(trayTooltipFor(focus, fmt)).toBe('Office Hours — In a focus block until 11:00');
    expect(trayTooltipFor(null)).toBe('Office Hours');
  });

  it('toggles to the opposite of the current availability', () => {
    expect(toggleRequest(focus)).toEqual({ mode: 'available' });
    expect(toggleRequest(free)).toEqual({ mode: 'unavailable' });
    expect(toggleRequest(null)).toEqual({ mode: 'available' });
  });
});

describe('TrayController', () => {
  function fakeTray() {
    const state = {
      image: '',
      tooltip: '',
      title: '',
      menu: null as MenuItemConstructorOptions[] | null,
      destroyed: false,
    };
    const clicks: Array<() => void> = [];
    return {
      state,
      clickTray: () => clicks.forEach((c) => c()),
      create: (image: string) => {
        state.image = image;
        return {
          setImage: (i: string) => void (state.image = i),
          setToolTip: (t: string) => void (state.tooltip = t),
          setTitle: (t: string) => void (state.title = t),
          setContextMenu: (m: MenuItemConstructorOptions[] | null) => void (state.menu = m),
          on: (_e: 'click', l: () => void) => clicks.push(l),
          destroy: () => void (state.destroyed = true),
        };
      },
    };
  }

  it('re-renders icon, title, tooltip and menu from each status', () => {
    const tray = fakeTray();
    const controller = new TrayController<string, MenuItemConstructorOptions[]>({
      createTray: tray.create,
      buildMenu: (t) => t,
      iconFor: (s) => `dot-${s ?? 'none'}`,
      actions: actions(),
      formatTime: fmt,
    });
    expect(tray.state.image).toBe('dot-none');
    controller.render(focus);
    expect(tray.state).toMatchObject({
      image: 'dot-focus',
      title: 'Focus',
      tooltip: 'Office Hours — In a focus block until 11:00',
    });
    controller.render(free);
    expect(tray.state.image).toBe('dot-available');
    expect(tray.state.menu?.find((i) => i.id === 'toggle')?.label).toBe('Set unavailable');
    controller.setSyncing(true);
    expect(tray.state.menu?.find((i) => i.id === 'sync-now')?.enabled).toBe(false);
    controller.dispose();
    expect(tray.state.destroyed).toBe(true);
  });

  it('toggles by hand on a tray click', () => {
    const tray = fakeTray();
    const a = actions();
    new TrayController<string, unknown>({
      createTray: tray.create,
      buildMenu: (t) => t,
      iconFor: () => 'i',
      actions: a,
    });
    tray.clickTray();
    expect(a.toggle).toHaveBeenCalledTimes(1);
  });
});
