/**
 * The tray app's composition root: one `setupX()` per feature, called in order. Everything here is
 * wiring; the behaviour lives in the core (main/core/service.ts) and in the pure modules beside this.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  Menu,
  type NativeImage,
  Notification,
  Tray,
  app,
  dialog,
  ipcMain,
  nativeImage,
  powerMonitor,
  protocol,
  shell,
} from 'electron';
import type { AvailabilityState, StatusNow } from '../../shared/domain.js';
import { defaultDataDir } from '../commands/context.js';
import { OfficeHoursService } from '../core/service.js';
import { createStatusHub } from '../core/status/status-hub.js';
import { type StatusServer, startStatusServer } from '../core/status/status-server.js';
import { APP_ORIGIN, APP_START_URL } from './app-origin.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.js';
import { openElectronStore } from './electron-store-adapter.js';
import { ourMainFrame, registerApi } from './ipc.js';
import { buildAppMenuTemplate } from './menu.js';
import { notificationFor } from './notifications.js';
import { hardenWebContents } from './security.js';
import { TrayController, toggleRequest } from './tray.js';
import { trayIconBitmap } from './tray-icon.js';
import { getMainWindowOptions } from './window-options.js';

/** dist/, where the bundle, the preload and the built dashboard sit side by side. */
const here = dirname(fileURLToPath(import.meta.url));
const paths = { preload: join(here, 'preload.cjs'), renderer: join(here, 'renderer') };
const isDev = !app.isPackaged;

let dashboard: BrowserWindow | null = null;

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
  const service = await OfficeHoursService.open(
    { dataDir, store: openElectronStore(dataDir) },
    'cache-only',
  );
  return service;
}

/** Opens (or brings forward) the dashboard window. */
function openDashboard(): void {
  if (dashboard && !dashboard.isDestroyed()) {
    if (dashboard.isMinimized()) dashboard.restore();
    dashboard.show();
    dashboard.focus();
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
  void win.loadURL(APP_START_URL);
}

function setupIpc(service: OfficeHoursService): void {
  registerApi(
    ipcMain,
    service,
    ourMainFrame(() => dashboard),
    () => dashboard?.webContents,
  );
}

function syncNow(service: OfficeHoursService, tray: TrayController<NativeImage, Menu>): void {
  tray.setSyncing(true);
  service
    .syncCalendars({})
    .catch(() => undefined) // per-source failures are shown in the dashboard; nothing to add here
    .finally(() => tray.setSyncing(false));
}

function iconFor(state: AvailabilityState | null): NativeImage {
  const image = nativeImage.createFromBitmap(trayIconBitmap(state, 16), {
    width: 16,
    height: 16,
    scaleFactor: 1,
  });
  image.addRepresentation({
    buffer: trayIconBitmap(state, 32),
    width: 32,
    height: 32,
    scaleFactor: 2,
  });
  return image;
}

function setupTray(service: OfficeHoursService): TrayController<NativeImage, Menu> {
  const run = (promise: Promise<unknown>): void => void promise.catch(() => undefined);
  const tray: TrayController<NativeImage, Menu> = new TrayController({
    createTray: (image) => new Tray(image),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    iconFor,
    actions: {
      setOverride: (request) => run(service.setOverride(request)),
      clearOverride: () => run(service.clearOverride({})),
      toggle: () => run(service.setOverride(toggleRequest(tray.current()))),
      openDashboard,
      syncNow: () => syncNow(service, tray),
      quit: () => app.quit(),
    },
  });
  void service.getStatus({}).then((status) => tray.render(status));
  service.on('status', (status) => tray.render(status));
  return tray;
}

function setupAppMenu(service: OfficeHoursService, tray: TrayController<NativeImage, Menu>): void {
  const template = buildAppMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    isDev,
    actions: { openDashboard, syncNow: () => syncNow(service, tray) },
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

function setupNotifications(service: OfficeHoursService): void {
  let previous: StatusNow | null = null;
  void service.getStatus({}).then((status) => (previous ??= status));
  service.on('status', (status) => {
    const content = notificationFor(previous, status);
    previous = status;
    if (content && Notification.isSupported())
      new Notification({ ...content, silent: true }).show();
  });
}

/**
 * The clients' status links, served by the app itself (settings host/port, loopback by default). A
 * port already in use (say, `office-hours serve` on the same machine) is reported, not fatal.
 */
async function setupStatusServer(service: OfficeHoursService): Promise<StatusServer | null> {
  const { host, port } = service.store.read().settings.statusServer;
  const hub = createStatusHub(service);
  try {
    const server = await startStatusServer({ host, port, ...hub });
    service.setStatusBaseUrl(server.url);
    return server;
  } catch (error) {
    hub.close();
    const message = error instanceof Error ? error.message : String(error);
    if (Notification.isSupported()) {
      new Notification({
        title: 'Client status links are not served',
        body: `${host}:${port}: ${message}`,
      }).show();
    }
    return null;
  }
}

/** A tray app keeps running with no window; quitting closes the core cleanly first. */
function setupLifecycle(
  service: OfficeHoursService,
  tray: TrayController<NativeImage, Menu>,
  statusServer: StatusServer | null,
): void {
  app.on('window-all-closed', () => {
    /* stay in the tray */
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    tray.dispose();
    void Promise.allSettled([statusServer?.close(), service.close()]).finally(() => app.quit());
  });
}

async function onReady(): Promise<void> {
  setupHardening();
  setupAppProtocol();
  const service = await setupService();
  setupIpc(service);
  const tray = setupTray(service);
  setupAppMenu(service, tray);
  setupPowerHooks(service);
  setupNotifications(service);
  const statusServer = await setupStatusServer(service);
  setupLifecycle(service, tray, statusServer);
  void service.syncCalendars({}).catch(() => undefined);
  // First run (nothing to show in the tray yet): open the dashboard so the user can add a calendar.
  if ((await service.listCalendars({})).length === 0) openDashboard();
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
