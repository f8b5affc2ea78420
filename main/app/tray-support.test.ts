import { describe, expect, it } from 'vitest';
import { isGnome, parseWatcherAnswer, traySupport } from './tray-support.js';
import { trayGuidFor } from './tray-guid.js';

describe('traySupport', () => {
  const gnome = { XDG_CURRENT_DESKTOP: 'GNOME' };
  it('has a tray on macOS, Windows, and Linux with an AppIndicator host', () => {
    expect(traySupport({ platform: 'darwin', env: {}, watcherPresent: null })).toEqual({
      ok: true,
    });
    expect(traySupport({ platform: 'win32', env: {}, watcherPresent: null })).toEqual({ ok: true });
    expect(traySupport({ platform: 'linux', env: gnome, watcherPresent: true })).toEqual({
      ok: true,
    });
  });

  it('has none on GNOME without the extension, and says why', () => {
    const result = traySupport({ platform: 'linux', env: gnome, watcherPresent: false });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.why).toMatch(/AppIndicator/);
    expect(
      traySupport({
        platform: 'linux',
        env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' },
        watcherPresent: null,
      }).ok,
    ).toBe(false);
  });

  it('keeps the XEmbed tray of other desktops, and reports a Tray that could not be created', () => {
    expect(
      traySupport({
        platform: 'linux',
        env: { XDG_CURRENT_DESKTOP: 'XFCE' },
        watcherPresent: false,
      }),
    ).toEqual({
      ok: true,
    });
    expect(
      traySupport({
        platform: 'darwin',
        env: {},
        watcherPresent: null,
        trayError: new Error('boom'),
      }),
    ).toEqual({
      ok: false,
      why: 'The tray icon could not be created (boom).',
    });
  });

  it('reads the desktop list and gdbus’s answer', () => {
    expect(isGnome({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe(true);
    expect(isGnome({ XDG_CURRENT_DESKTOP: 'KDE' })).toBe(false);
    expect(isGnome({})).toBe(false);
    expect(parseWatcherAnswer('(true,)\n')).toBe(true);
    expect(parseWatcherAnswer('(false,)')).toBe(false);
    expect(parseWatcherAnswer('Error: no bus')).toBeNull();
  });
});

describe('trayGuidFor', () => {
  const signed = { officeHours: { trayGuid: '6f1b2d2e-4c1a-4b8e-9d57-0c6a3f6e9b21' } };
  it('gives a GUID only to a packaged Windows build whose package.json carries one', () => {
    expect(trayGuidFor('win32', signed, true)).toBe('6f1b2d2e-4c1a-4b8e-9d57-0c6a3f6e9b21');
    expect(trayGuidFor('win32', signed, false)).toBeUndefined();
    expect(trayGuidFor('darwin', signed, true)).toBeUndefined();
    expect(trayGuidFor('win32', {}, true)).toBeUndefined();
    expect(trayGuidFor('win32', { officeHours: { trayGuid: 'not-a-guid' } }, true)).toBeUndefined();
    expect(trayGuidFor('win32', null, true)).toBeUndefined();
  });
});
