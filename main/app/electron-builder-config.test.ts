/** electron-builder.yml stays valid: the fields the issue asks for, electron-builder's own schema, every file it names. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { iconTargets } from '../../scripts/render-icons.mjs';

const root = resolve(import.meta.dirname, '../..');
/** The fields of the two config files the tests read. */
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  extends?: string;
  extraMetadata?: { officeHours?: { trayGuid?: string } };
  mac: {
    target: string[];
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    icon: string;
  };
  win: { target: string[]; icon: string; forceCodeSigning?: boolean };
  linux: { target: string[]; icon: string };
  deb: { depends: string[] };
}
const load = (file: string) => parse(readFileSync(join(root, file), 'utf8')) as BuilderConfig;
const config = load('electron-builder.yml');
const signed = load('electron-builder.signed.yml');
const rendered = new Set(iconTargets().map((t) => t.file));

/** A file the config names exists in the checkout, or is one the build renders. */
function present(file: string): boolean {
  const relative = file.replace(/^\.\//, '');
  if (existsSync(join(root, relative))) return true;
  if (rendered.has(relative)) return true;
  // A folder of rendered files (linux.icon: build/icons).
  return [...rendered].some((f) => f.startsWith(`${relative}/`));
}

describe('electron-builder.yml', () => {
  it('names the app and builds every target the release needs', () => {
    expect(config.appId).toBe('app.officehours.desktop');
    expect(config.productName).toBe('Office Hours');
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toContain('libayatana-appindicator3-1');
    expect(config.deb.depends).toContain('libsecret-1-0');
  });

  it('packs into an asar with the fuses set', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('dist/**');
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only files that exist or that the build renders', () => {
    const named = [
      config.mac.entitlements,
      config.mac.entitlementsInherit,
      config.mac.icon,
      config.win.icon,
      config.linux.icon,
      signed.extends ?? '',
    ];
    for (const file of named) expect(present(file), file).toBe(true);
    expect(readFileSync(join(root, config.mac.entitlements), 'utf8')).toContain(
      'com.apple.security.cs.allow-jit',
    );
    // A folder of Linux icons must hold sizes electron-builder recognises (<N>x<N>.png).
    expect([...rendered].filter((f) => f.startsWith('build/icons/')).length).toBeGreaterThan(3);
  });

  it('gives the tray GUID to signed builds only, and refuses to build those unsigned', () => {
    expect(config.extraMetadata?.officeHours?.trayGuid).toBeUndefined();
    expect(signed.extends).toBe('./electron-builder.yml');
    expect(signed.win.forceCodeSigning).toBe(true);
    expect(signed.extraMetadata?.officeHours?.trayGuid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('passes electron-builder’s own validation, and a wrong field does not', async () => {
    // electron-builder's loader and schema, as `npm run dist` runs them (no download involved).
    const require = createRequire(join(root, 'package.json'));
    const { getConfig, validateConfiguration } =
      require('app-builder-lib/out/util/config/config.js') as {
        getConfig(dir: string, file: string | null, extra: null): Promise<Record<string, unknown>>;
        validateConfiguration(config: unknown, logger: unknown): Promise<void>;
      };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    for (const file of ['electron-builder.yml', 'electron-builder.signed.yml']) {
      const loaded = await getConfig(root, file, null);
      await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    }
    await expect(
      validateConfiguration(
        { ...config, mac: { ...config.mac, hardendRuntime: true } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('is what npm run dist uses', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.dist).toMatch(/npm run build && electron-builder/);
    expect(scripts['dist:signed']).toContain('--config electron-builder.signed.yml');
  });
});
