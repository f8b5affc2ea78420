/**
 * The tray app's composition root: one `setupX()` per feature, called in order. Everything here is
 * wiring; the behaviour lives in the core (main/core/service.ts) and in the pure modules beside this.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  shell,
} from 'electron';
import { defaultDataDir } from '../commands/context.js';
import { createLog } from '../core/log/log.js';
import { OfficeHoursService } from '../core/service.js';
import { createStatusHub } from '../core/status/status-hub.js';
import { type StatusServer, startStatusServer } from '../core/status/status-server.js';
import { type AppLog, consoleLog } from './app-log.js';
import { APP_ORIGIN, APP_START_URL } from './app-origin.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.js';
import { desktopSettingsOf } from './app-settings.js';
import { openElectronStore } from './electron-store-adapter.js';
import { type AppWords, pickAppLanguage } from './i18n.js';
import { ourMainFrame, registerApi } from './ipc.js';
import { startedAtLogin } from './login-item.js';
import { buildAppMenuTemplate } from './menu.js';
import { type Notify, createNotifier } from './notifier.js';
import { hardenWebContents } from './security.js';
import { setupNotifications, setupShortcut } from './setup-notifications.js';
import { watchAllowances } from './allowance-watch.js';
import { type RunningTray, setupTray } from './setup-tray.js';
import { trayGuidFor } from './tray-guid.js';
import { WATCHER_QUERY_ARGS, parseWatcherAnswer, traySupport } from './tray-support.js';
import { type Voice, voiceFor } from './voice.js';
import { getMainWindowOptions } from './window-options.js';

/** dist/, where the bundle, the preload, the icons and the built dashboard sit side by side. */
const here = dirname(fileURLToPath(import.meta.url));
const paths = {
  preload: join(here, 'preload.cjs'),
  renderer: join(here, 'renderer'),
  icons: join(here, 'icons'),
};
const isDev = !app.isPackaged;
/** Stderr until the data folder's log (`<data-dir>/logs/`) is open. */
let log: AppLog = consoleLog;

let dashboard: BrowserWindow | null = null;
/** The tray's menu as last built (the `_electron` specs click its items through the main process). */
let trayMenu: Menu | null = null;

/** Same data folder as the `office-hours` command ($OFFICE_HOURS_HOME, else the config folder). */
function setupPaths(): void {
  app.setName('Office Hours');
  app.setPath('userData', defaultDataDir(process.env));
}

/** The app:// scheme must be declared privileged before the app is ready. */
function setupScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** A second launch opens the dashboard of the first instead of starting another tray. */
function setupSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => openDashboard());
  return true;
}

/** Every web contents, present and future, gets the same hardening. */
function setupHardening(): void {
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, {
      appOrigin: APP_ORIGIN,
      openExternal: (url) => shell.openExternal(url),
    }),
  );
}

function setupAppProtocol(): void {
  protocol.handle(APP_SCHEME_PRIVILEGES.scheme, createAppProtocolHandler(paths.renderer));
}

async function setupService(): Promise<OfficeHoursService> {
  const dataDir = app.getPath('userData');
  return OfficeHoursService.open(
    { dataDir, store: openElectronStore(dataDir, { cipher: safeStorageCipher() }) },
    'cache-only',
  );
}

/** Secret feed URLs are encrypted at rest with the OS keychain where Electron offers it. */
function safeStorageCipher() {
  return {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain: string) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed: string) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

/** The language the settings pick (`language`), else the OS locale's. */
function languageOf(service: OfficeHoursService) {
  return pickAppLanguage(
    desktopSettingsOf(service.store.read().settings).language,
    app.getLocale(),
  );
}

/** Opens (or brings forward) the dashboard window, at `hash` when given (a screen, the time picker). */
function openDashboard(hash = ''): void {
  if (dashboard && !dashboard.isDestroyed()) {
    if (dashboard.isMinimized()) dashboard.restore();
    dashboard.show();
    dashboard.focus();
    // Only the hash changes: an in-page navigation that keeps the loaded page and its state.
    if (hash) void dashboard.loadURL(`${APP_START_URL}${hash}`);
    return;
  }
  const win = new BrowserWindow(
    getMainWindowOptions({ preloadPath: paths.preload, devTools: isDev }),
  );
  dashboard = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (dashboard === win) dashboard = null;
  });
  void win.loadURL(`${APP_START_URL}${hash}`);
}

function setupIpc(service: OfficeHoursService): void {
  registerApi(
    ipcMain,
    service,
    ourMainFrame(() => dashboard),
    () => dashboard?.webContents,
  );
}

/** Whether an AppIndicator host (StatusNotifierWatcher) is on the session bus; null if gdbus cannot say. */
function askWatcher(): Promise<boolean | null> {
  if (process.platform !== 'linux') return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile('gdbus', WATCHER_QUERY_ARGS, { timeout: 2000 }, (error, stdout) =>
      resolve(error ? null : parseWatcherAnswer(stdout)),
    );
  });
}

function packageJson(): unknown {
  try {
    return JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8'));
  } catch {
    return null;
  }
}

/** The tray, or null (and the reason told) where the desktop shows none. */
async function setupTrayOrFallback(
  service: OfficeHoursService,
  voice: () => Voice,
  notify: Notify,
  syncNow: () => void,
  afterLog: () => void,
): Promise<RunningTray | null> {
  const watcherPresent = await askWatcher();
  let trayError: unknown;
  let tray: RunningTray | null = null;
  try {
    const guid = trayGuidFor(process.platform, packageJson(), app.isPackaged);
    tray = setupTray({
      service,
      voice,
      log,
      notify,
      iconsDir: paths.icons,
      openDashboard,
      syncNow,
      afterLog,
      ...(guid ? { guid } : {}),
      onMenu: (menu) => (trayMenu = menu),
    });
  } catch (error) {
    trayError = error;
  }
  const support = traySupport({
    platform: process.platform,
    env: process.env,
    watcherPresent,
    trayError,
  });
  if (support.ok) return tray;
  tray?.controller.dispose();
  log.warn('no tray icon on this desktop', { why: support.why });
  openDashboard();
  const { words } = voice();
  notify({
    title: words.notifications('noTrayTitle'),
    body: words.notifications('noTrayBody', { why: support.why }),
  });
  return null;
}

function setupAppMenu(words: AppWords, syncNow: () => void): void {
  const template = buildAppMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    isDev,
    words,
    actions: { openDashboard, syncNow },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/**
 * Sleep, clock and time-zone changes. Electron has no time-zone event, so the zone is compared at the
 * moments one most likely changed: waking up, unlocking, and the dashboard coming to the front.
 */
function setupPowerHooks(service: OfficeHoursService): void {
  let zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const checkZone = (): void => {
    const now = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (now !== zone) {
      zone = now;
      service.onClockOrZoneChange();
    }
  };
  powerMonitor.on('resume', () => {
    service.onResume();
    checkZone();
  });
  powerMonitor.on('unlock-screen', checkZone);
  app.on('browser-window-focus', checkZone);
}

/**
 * The clients' status links, served by the app itself (settings host/port, loopback by default). A
 * port already in use (say, `office-hours serve` on the same machine) is reported, not fatal.
 */
async function setupStatusServer(
  service: OfficeHoursService,
  words: AppWords,
  notify: Notify,
): Promise<StatusServer | null> {
  const { host, port } = service.store.read().settings.statusServer;
  const hub = createStatusHub(service);
  try {
    const server = await startStatusServer({
      host,
      port,
      ...hub,
      onError: (error, { where, suppressed }) =>
        log.error('status server: a client view could not be built', { error, where, suppressed }),
    });
    service.setStatusBaseUrl(server.url);
    return server;
  } catch (error) {
    hub.close();
    const message = error instanceof Error ? error.message : String(error);
    log.warn('status server not started', { host, port, error: message });
    notify({
      title: words.notifications('statusServerTitle'),
      body: `${host}:${port}: ${message}`,
    });
    return null;
  }
}

/** A tray app keeps running with no window (without a tray, closing the dashboard quits); quitting closes the core first. */
function setupLifecycle(
  service: OfficeHoursService,
  tray: RunningTray | null,
  stops: Array<() => void>,
  statusServer: StatusServer | null,
): void {
  app.on('window-all-closed', () => {
    if (!tray) app.quit();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    tray?.controller.dispose();
    for (const stop of stops) stop();
    void Promise.allSettled([statusServer?.close(), service.close()]).finally(() => app.quit());
  });
}

/** Hooks for the `_electron` specs: the tray menu's items, reachable from the main process. */
function exposeForTests(): void {
  if (process.env.OFFICE_HOURS_E2E !== '1') return;
  (globalThis as { officeHoursTrayMenu?: () => Menu | null }).officeHoursTrayMenu = () => trayMenu;
}

async function onReady(): Promise<void> {
  const fileLog = createLog(app.getPath('userData'));
  log = fileLog;
  app.on('quit', () => fileLog.close());
  setupHardening();
  setupAppProtocol();
  const service = await setupService();
  setupIpc(service);
  let voice = voiceFor(languageOf(service));
  const currentVoice = (): Voice => voice;
  const notify = createNotifier(log);
  let running: RunningTray | null = null;
  const syncNow = (): void => {
    running?.controller.update({ syncing: true });
    service
      .syncCalendars({})
      .catch((error: unknown) => log.warn('sync failed', { error: String(error) }))
      .finally(() => running?.controller.update({ syncing: false }));
  };
  const allowances = watchAllowances({
    service,
    dataDir: app.getPath('userData'),
    voice: currentVoice,
    notify,
    log,
  });
  running = await setupTrayOrFallback(service, currentVoice, notify, syncNow, () =>
    allowances.check(),
  );
  setupAppMenu(voice.words, syncNow);
  // The language setting applies at once: tray, menu and the next notifications.
  const stopLanguage = service.store.onChange(() => {
    const language = languageOf(service);
    if (language === voice.words.language) return;
    voice = voiceFor(language);
    running?.controller.setWords(voice.words, voice.format);
    setupAppMenu(voice.words, syncNow);
  });
  setupPowerHooks(service);
  const stops = [
    stopLanguage,
    () => allowances.stop(),
    setupNotifications({ service, voice: currentVoice, notify }),
  ];
  if (running)
    stops.push(setupShortcut({ service, tray: running, voice: currentVoice, notify, log }));
  exposeForTests();
  const statusServer = await setupStatusServer(service, voice.words, notify);
  setupLifecycle(service, running, stops, statusServer);
  syncNow();
  // First run (nothing to show in the tray yet): open the dashboard so the user can add a calendar.
  const atLogin = startedAtLogin(process.argv, app.getLoginItemSettings().wasOpenedAtLogin);
  if (!atLogin && (await service.listCalendars({})).length === 0) openDashboard();
}

setupPaths();
setupScheme();
if (!setupSingleInstance()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Office Hours could not start', message);
      app.exit(1);
    });
}
