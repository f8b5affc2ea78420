import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { StatusNow } from '../../shared/domain.js';
import { createAppWords } from './i18n.js';
import { TrayController } from './tray.js';
import type { TrayActions } from './tray-menu.js';

const format = { time: (iso: string) => iso.slice(11, 16), dayTime: (iso: string) => iso };
const focus: StatusNow = {
  at: '2025-03-03T10:00:00.000Z',
  state: 'focus',
  available: false,
  reason: 'focus time',
  since: null,
  until: '2025-03-03T11:00:00.000Z',
  next: null,
  overridden: false,
};

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

function actions(): TrayActions {
  return {
    setOverride: vi.fn(),
    clearOverride: vi.fn(),
    toggle: vi.fn(),
    pickOverrideUntil: vi.fn(),
    logContact: vi.fn(),
    copyStatusLink: vi.fn(),
    openDashboard: vi.fn(),
    syncNow: vi.fn(),
    setStartAtLogin: vi.fn(),
    quit: vi.fn(),
  };
}

describe('TrayController', () => {
  it('re-renders icon, title, tooltip and menu from the merged state', () => {
    const tray = fakeTray();
    const controller = new TrayController<string, MenuItemConstructorOptions[]>({
      createTray: tray.create,
      buildMenu: (t) => t,
      iconFor: (icon) => `icon-${icon}`,
      actions: actions(),
      words: createAppWords('en'),
      format,
    });
    expect(tray.state.image).toBe('icon-off-hours');
    controller.update({ status: focus });
    expect(tray.state).toMatchObject({
      image: 'icon-focus',
      title: 'Focus',
      tooltip: 'Office Hours — In a focus block until 11:00',
    });
    controller.update({
      failingCalendars: [{ id: 'w', name: 'Work', lastSuccessAt: null, error: 'HTTP 401' }],
    });
    expect(tray.state.image).toBe('icon-sync-error');
    expect(controller.current().status).toBe(focus);
    controller.update({ status: { ...focus, overridden: true } });
    expect(tray.state.image).toBe('icon-overridden');
    controller.update({ syncing: true });
    expect(tray.state.menu?.find((i) => i.id === 'sync-now')?.enabled).toBe(false);
    expect(controller.menuTemplate()).toBe(tray.state.menu);
    controller.setWords(createAppWords('de'), format);
    expect(tray.state.title).toBe('Fokus*');
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
      words: createAppWords('en'),
      format,
    });
    tray.clickTray();
    expect(a.toggle).toHaveBeenCalledTimes(1);
  });
});
