import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as icons from '../../scripts/render-icons.mjs';
import type { StatusNow } from '../../shared/domain.js';
import { TRAY_ICON_STATES, trayIconFile, trayIconState } from './tray-icon.js';
import { EMPTY_TRAY_STATE } from './tray-menu.js';

const root = resolve(import.meta.dirname, '../..');
const status: StatusNow = {
  at: '2025-03-03T10:00:00.000Z',
  state: 'meeting',
  available: false,
  reason: 'in a meeting',
  since: null,
  until: null,
  next: null,
  overridden: false,
};
const failing = [{ id: 'w', name: 'Work', lastSuccessAt: null, error: 'HTTP 401' }];

describe('trayIconState', () => {
  it('shows the state, a status set by hand, or a failing calendar', () => {
    expect(trayIconState({ ...EMPTY_TRAY_STATE, status })).toBe('meeting');
    for (const state of ['available', 'focus', 'away', 'off-hours'] as const)
      expect(trayIconState({ ...EMPTY_TRAY_STATE, status: { ...status, state } })).toBe(state);
    expect(trayIconState({ ...EMPTY_TRAY_STATE, status, failingCalendars: failing })).toBe(
      'sync-error',
    );
    // By hand no calendar decides, so a failing one does not hide that.
    expect(
      trayIconState({
        ...EMPTY_TRAY_STATE,
        status: { ...status, overridden: true },
        failingCalendars: failing,
      }),
    ).toBe('overridden');
    expect(trayIconState(EMPTY_TRAY_STATE)).toBe('off-hours');
  });

  it('names a file per platform', () => {
    expect(trayIconFile('focus', 'darwin')).toBe('mac/focusTemplate.png');
    expect(trayIconFile('focus', 'win32')).toBe('win/focus.ico');
    expect(trayIconFile('focus', 'linux')).toBe('linux/focus-22.png');
  });
});

describe('rendered icons', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'oh-icons-'));
    icons.renderIcons(root, out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('has one source per tray state, the same states the app asks for', () => {
    expect([...icons.TRAY_ICON_STATES]).toEqual([...TRAY_ICON_STATES].sort());
    expect(Object.keys(icons.TRAY_COLORS).sort()).toEqual([...TRAY_ICON_STATES].sort());
    for (const state of TRAY_ICON_STATES)
      expect(existsSync(join(root, 'build/icon-sources', `tray-${state}.svg`))).toBe(true);
  });

  it('writes every file with its pixel size, .ico entries included', () => {
    const targets = icons.iconTargets();
    expect(targets.length).toBe(TRAY_ICON_STATES.length * 6 + 2 + 7);
    for (const target of targets) {
      const file = join(out, target.file);
      expect(existsSync(file), target.file).toBe(true);
      const bytes = readFileSync(file);
      if (target.sizes) {
        const entries = icons.readIco(bytes);
        expect(
          entries.map((e) => e.width),
          target.file,
        ).toEqual(target.sizes);
        for (const e of entries)
          expect(icons.pngSize(e.png)).toEqual({ width: e.width, height: e.height });
      } else {
        expect(icons.pngSize(bytes), target.file).toEqual({
          width: target.size,
          height: target.size,
        });
      }
    }
  });

  it('gives the app the icons it loads on each platform', () => {
    const files = new Set(icons.iconTargets().map((t) => t.file));
    for (const state of TRAY_ICON_STATES)
      for (const platform of ['darwin', 'win32', 'linux'] as const)
        expect(files.has(`dist/icons/${trayIconFile(state, platform)}`)).toBe(true);
  });

  it('draws template images in black and alpha only, and the states apart by shape', () => {
    const pixels = (file: string) => readFileSync(join(out, file));
    const available = pixels('dist/icons/mac/availableTemplate@2x.png');
    expect(available.equals(pixels('dist/icons/mac/awayTemplate@2x.png'))).toBe(false);
    // Decoding is resvg's job; re-render to RGBA to check the colours.
    const svg = readFileSync(join(root, 'build/icon-sources/tray-focus.svg'), 'utf8');
    const rgba = new Resvg(svg.replace('<svg ', '<svg color="#000" '), {
      fitTo: { mode: 'width', value: 16 },
    }).render().pixels;
    for (let i = 0; i < rgba.length; i += 4) expect(rgba[i]! + rgba[i + 1]! + rgba[i + 2]!).toBe(0);
  });

  it('writes an .ico that a reader accepts: header, entries, PNG offsets', () => {
    const png = icons.renderPng('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', 256);
    const ico = icons.icoFromPngs([png]);
    expect([...ico.subarray(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 0, 0]);
    expect(ico.readUInt32LE(18)).toBe(22);
    expect(icons.readIco(ico)[0]?.png.equals(png)).toBe(true);
    expect(() =>
      icons.icoFromPngs([icons.renderPng('<svg xmlns="http://www.w3.org/2000/svg"/>', 300)]),
    ).toThrow(/256/);
  });
});
