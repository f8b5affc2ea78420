/** The packaged shape of the app under Electron: window security settings and the dashboard rendering. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from './support/electron-binary.js';

const root = resolve(import.meta.dirname, '..');

const binary = electronBinary();

test('the app window is sandboxed and isolated, and renders the dashboard', async () => {
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '');
  if (!('path' in binary)) return;
  const home = await mkdtemp(join(tmpdir(), 'oh-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [root, '--no-sandbox'],
    env: { ...process.env, OFFICE_HOURS_HOME: home },
  });
  try {
    // First run with no calendars opens the dashboard window by itself.
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    expect(page.url()).toBe('app://office-hours/index.html');
    // Settings is a script of its own, loaded when first opened: the app protocol serves it under
    // the same CSP, and it draws.
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Settings', exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    expect(errors).toEqual([]);
    await page.getByRole('navigation').getByRole('button', { name: 'Status', exact: true }).click();

    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0];
      // Undocumented but long-standing (Electron's own tests use it): the preferences the page really got.
      const contents = win?.webContents as unknown as
        { getLastWebPreferences?: () => Record<string, unknown> } | undefined;
      return contents?.getLastWebPreferences?.() ?? null;
    });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });

    const surface = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { officeHours?: object }).officeHours ?? {}).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(surface.bridge).toContain('getStatus');
    expect(surface.bridge).toContain('on');
    expect(surface.require).toBe('undefined');
    expect(surface.process).toBe('undefined');

    // window.open is denied: no second window appears.
    await page.evaluate(() => window.open('https://example.com/'));
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
    await rm(home, { recursive: true, force: true });
  }
});
