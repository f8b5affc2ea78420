import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createAppWords } from './i18n.js';
import { buildAppMenuTemplate } from './menu.js';

const words = createAppWords('en');

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
  ]);

describe('buildAppMenuTemplate', () => {
  const actions = { openDashboard: vi.fn(), syncNow: vi.fn() };

  it('has an app menu on macOS only', () => {
    const mac = buildAppMenuTemplate({
      platform: 'darwin',
      appName: 'Office Hours',
      isDev: false,
      actions,
      words,
    });
    const linux = buildAppMenuTemplate({
      platform: 'linux',
      appName: 'Office Hours',
      isDev: false,
      actions,
      words,
    });
    expect(mac[0]?.label).toBe('Office Hours');
    expect(linux[0]?.label).toBe('File');
    expect(roles(linux)).toContain('quit');
  });

  it('keeps the edit roles text fields need, and DevTools out of production', () => {
    const prod = buildAppMenuTemplate({
      platform: 'linux',
      appName: 'Office Hours',
      isDev: false,
      actions,
      words,
    });
    expect(roles(prod)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    expect(roles(prod)).not.toContain('toggleDevTools');
    expect(roles(prod)).not.toContain('reload');
    const dev = buildAppMenuTemplate({
      platform: 'linux',
      appName: 'Office Hours',
      isDev: true,
      actions,
      words,
    });
    expect(roles(dev)).toContain('toggleDevTools');
  });

  it('wires Open Dashboard and Sync Now', () => {
    const file = buildAppMenuTemplate({
      platform: 'win32',
      appName: 'Office Hours',
      isDev: false,
      actions,
      words,
    })[0]?.submenu as MenuItemConstructorOptions[];
    (file.find((i) => i.id === 'open-dashboard')?.click as () => void)();
    (file.find((i) => i.id === 'sync-now')?.click as () => void)();
    expect(actions.openDashboard).toHaveBeenCalledTimes(1);
    expect(actions.syncNow).toHaveBeenCalledTimes(1);
  });

  it('speaks German', () => {
    const menu = buildAppMenuTemplate({
      platform: 'linux',
      appName: 'Office Hours',
      isDev: false,
      actions,
      words: createAppWords('de'),
    });
    expect(menu.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Darstellung', undefined]);
    const file = menu[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.find((i) => i.id === 'sync-now')?.label).toBe('Kalender jetzt synchronisieren');
  });
});
