/**
 * The tray, wired: the TrayController fed from the core's events, and what its items do (override,
 * log a contact with Undo, copy a status link, start at login). Failed actions become a
 * notification and a log line.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Menu, type NativeImage, Tray, app, clipboard, nativeImage } from 'electron';
import { untilPickHash } from '../../shared/dashboard-address.js';
import type { OfficeHoursService } from '../core/service.js';
import type { AppLog } from './app-log.js';
import {
  autostartEntry,
  autostartFile,
  loginExecutable,
  loginItemMechanism,
  loginItemSettings,
} from './login-item.js';
import type { Notify } from './notifier.js';
import { TrayController } from './tray.js';
import { trayActionRunner } from './tray-actions.js';
import { type TrayIconState, trayIconFile } from './tray-icon.js';
import { type TrayContactKind, toggleRequest } from './tray-menu.js';
import { failingCalendarsOf, lastUsedClientId, trayClientsOf } from './tray-state.js';
import type { Voice } from './voice.js';

/** What the tray needs from the rest of the app. */
export interface TraySetup {
  service: OfficeHoursService;
  /** The current words and formats (they change with the language setting). */
  voice: () => Voice;
  log: AppLog;
  notify: Notify;
  iconsDir: string;
  /** Opens the dashboard, at `hash` when given (`#status?until=…` for the time picker). */
  openDashboard(hash?: string): void;
  syncNow(): void;
  /** Windows tray GUID (signed releases only). */
  guid?: string;
  /** Called with the menu each time it is rebuilt (the e2e specs click items through it). */
  onMenu?: (menu: Menu) => void;
  /** Runs after the tray logged a contact (the allowance watch's check). */
  afterLog?: () => void;
}

/** The tray and the one thing the global shortcut does. */
export interface RunningTray {
  controller: TrayController<NativeImage, Menu>;
  /** Logs a contact now for a client (the tray items and the global shortcut). */
  logContact(clientId: string, kind: TrayContactKind): void;
}

function iconLoader(iconsDir: string): (icon: TrayIconState) => NativeImage {
  const cache = new Map<TrayIconState, NativeImage>();
  return (icon) => {
    let image = cache.get(icon);
    if (!image) {
      image = nativeImage.createFromPath(join(iconsDir, trayIconFile(icon, process.platform)));
      if (process.platform === 'darwin') image.setTemplateImage(true);
      cache.set(icon, image);
    }
    return image;
  };
}

function loginItemState(): boolean | null {
  switch (loginItemMechanism(process.platform)) {
    case 'electron':
      return app.getLoginItemSettings().openAtLogin;
    case 'xdg-autostart':
      return existsSync(autostartFile(process.env, homedir()));
    case 'none':
      return null;
  }
}

function setLoginItem(enabled: boolean): void {
  if (loginItemMechanism(process.platform) === 'electron') {
    app.setLoginItemSettings(loginItemSettings(enabled, process.platform));
    return;
  }
  const file = autostartFile(process.env, homedir());
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, autostartEntry(loginExecutable(process.env, process.execPath)));
}

/** Creates the tray (throws when the platform cannot) and keeps it up to date. */
export function setupTray(setup: TraySetup): RunningTray {
  const { service, voice, log, notify } = setup;
  const { afterLog } = setup;
  const runner = trayActionRunner(
    { service, voice, log, notify, ...(afterLog ? { afterLog } : {}) },
    (clientId) => controller.update({ lastClientId: clientId }),
  );
  const attempt = (action: string, fn: () => unknown): void => void runner.attempt(action, fn);
  const logContact = (clientId: string, kind: TrayContactKind): void =>
    void runner.logContact(clientId, kind);

  const controller: TrayController<NativeImage, Menu> = new TrayController({
    createTray: (image) => (setup.guid ? new Tray(image, setup.guid) : new Tray(image)),
    buildMenu: (template) => {
      const menu = Menu.buildFromTemplate(template);
      setup.onMenu?.(menu);
      return menu;
    },
    iconFor: iconLoader(setup.iconsDir),
    words: voice().words,
    format: voice().format,
    actions: {
      setOverride: (request) => attempt('override', () => service.setOverride(request)),
      clearOverride: () => attempt('follow calendar', () => service.clearOverride({})),
      toggle: () =>
        attempt('toggle', () => service.setOverride(toggleRequest(controller.current().status))),
      // The dashboard opens on its Status screen with the time picker ready for that mode.
      pickOverrideUntil: (mode) => setup.openDashboard(untilPickHash(mode)),
      logContact,
      copyStatusLink: (clientId) =>
        attempt('copy status link', async () => {
          const client = controller.current().clients.find((c) => c.id === clientId);
          if (!client) throw new Error(`no client with id ${clientId}`);
          await clipboard.writeText(client.statusLink);
          notify({
            title: voice().words.notifications('linkCopiedTitle'),
            body: voice().words.notifications('linkCopiedBody', { client: client.name }),
          });
        }),
      openDashboard: () => setup.openDashboard(),
      syncNow: () => setup.syncNow(),
      setStartAtLogin: (enabled) =>
        attempt('start at login', () => {
          setLoginItem(enabled);
          controller.update({ startAtLogin: loginItemState() });
        }),
      quit: () => app.quit(),
    },
  });

  const standingCall = (): { at: string; clientName: string } | null => {
    const call = service.nextStandingCall();
    return call ? { at: call.at, clientName: call.clientName } : null;
  };
  const refresh = async (): Promise<void> => {
    const [clients, calendars, contacts] = await Promise.all([
      service.listClients({}),
      service.listCalendars({}),
      service.listContacts({ limit: 200 }),
    ]);
    controller.update({
      status: service.statusNow(),
      clients: trayClientsOf(clients),
      failingCalendars: failingCalendarsOf(calendars),
      lastClientId: controller.current().lastClientId ?? lastUsedClientId(contacts, clients),
      nextStandingCall: standingCall(),
      endOfWorkingDay: service.endOfWorkingDay(),
      startAtLogin: loginItemState(),
    });
  };
  const refreshLater = (): void => attempt('refresh tray', refresh);
  refreshLater();
  service.on('status', (status) =>
    controller.update({
      status,
      endOfWorkingDay: service.endOfWorkingDay(),
      nextStandingCall: standingCall(),
    }),
  );
  service.on('clients', (clients) => controller.update({ clients: trayClientsOf(clients) }));
  service.on('calendars', (calendars) =>
    controller.update({
      failingCalendars: failingCalendarsOf(calendars),
      nextStandingCall: standingCall(),
    }),
  );
  return { controller, logContact };
}
