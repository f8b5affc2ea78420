/**
 * The notifications that follow the core's events (focus block, failing calendar, override ending),
 * each switchable in the settings, and the global shortcut that logs a call from the last client.
 */
import { globalShortcut } from 'electron';
import type { StatusNow } from '../../shared/domain.js';
import type { OfficeHoursService } from '../core/service.js';
import type { AppLog } from './app-log.js';
import { desktopSettingsOf } from './app-settings.js';
import {
  calendarFailureNotices,
  focusChangeNotice,
  overrideEndingNotice,
  overrideWarningAt,
} from './notification-rules.js';
import type { Notify } from './notifier.js';
import type { RunningTray } from './setup-tray.js';
import { parseShortcut } from '../core/shortcut.js';
import { calendarHealthOf } from './tray-state.js';
import type { Voice } from './voice.js';

/** What the notifications need. */
export interface NotificationSetup {
  service: OfficeHoursService;
  voice: () => Voice;
  notify: Notify;
}

/** Subscribes the notifications to the core's events; returns the function that stops them. */
export function setupNotifications({ service, voice, notify }: NotificationSetup): () => void {
  const switches = () => desktopSettingsOf(service.store.read().settings).notifications;
  let previous: StatusNow | null = service.statusNow();
  let warnTimer: NodeJS.Timeout | undefined;
  let toldCalendars = new Set<string>();

  const armOverrideWarning = (status: StatusNow): void => {
    clearTimeout(warnTimer);
    const at = overrideWarningAt(status, Date.now());
    if (at === null) return;
    warnTimer = setTimeout(() => {
      const notice = overrideEndingNotice(
        service.statusNow(),
        Date.now(),
        voice().words,
        voice().format.time,
      );
      if (notice && switches().overrideEnding) notify(notice);
    }, at - Date.now());
    warnTimer.unref();
  };
  armOverrideWarning(previous);

  const offStatus = service.on('status', (status) => {
    const notice = focusChangeNotice(previous, status, voice().words, voice().format.time);
    previous = status;
    if (notice && switches().focusChange) notify(notice);
    armOverrideWarning(status);
  });
  const offCalendars = service.on('calendars', (calendars) => {
    const result = calendarFailureNotices(
      calendarHealthOf(calendars),
      toldCalendars,
      Date.now(),
      voice().words,
      voice().format.time,
    );
    toldCalendars = result.told;
    if (switches().calendarFailing) for (const notice of result.notices) notify(notice);
  });
  return () => {
    clearTimeout(warnTimer);
    offStatus();
    offCalendars();
  };
}

/** What the global shortcut needs. */
export interface ShortcutSetup {
  service: OfficeHoursService;
  tray: RunningTray;
  voice: () => Voice;
  notify: Notify;
  log: AppLog;
}

/**
 * Registers the `shortcut` setting (re-registered when it changes): it logs a call for the client
 * last used from the tray. A malformed or taken accelerator is said in a notification and the log.
 */
export function setupShortcut({ service, tray, voice, notify, log }: ShortcutSetup): () => void {
  let registered: string | null = null;
  const apply = (): void => {
    const { words } = voice();
    const wanted = desktopSettingsOf(service.store.read().settings).shortcut;
    const parsed = wanted === null ? null : parseShortcut(wanted);
    const accelerator = parsed?.ok ? parsed.accelerator : null;
    if (accelerator === registered) return;
    if (registered) globalShortcut.unregister(registered);
    registered = null;
    const title = words.notifications('shortcutInvalidTitle');
    if (parsed && !parsed.ok) {
      log.warn('shortcut setting is not an accelerator', { error: parsed.error });
      notify({ title, body: parsed.error });
      return;
    }
    if (!accelerator) return;
    const ok = globalShortcut.register(accelerator, () => {
      const clientId = tray.controller.current().lastClientId;
      if (clientId) tray.logContact(clientId, 'call');
      else
        notify({
          title: voice().words.notifications('actionFailedTitle'),
          body: voice().words.notifications('shortcutNoClient'),
        });
    });
    if (ok) registered = accelerator;
    else {
      log.warn('shortcut is taken', { accelerator });
      notify({ title, body: words.notifications('shortcutTakenBody', { shortcut: accelerator }) });
    }
  };
  apply();
  const off = service.store.onChange(() => apply());
  return () => {
    off();
    if (registered) globalShortcut.unregister(registered);
  };
}
