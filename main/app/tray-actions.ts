/**
 * What the tray's actions do beyond a core call, without Electron: a failed action becomes a log line
 * and a notification; a logged contact is announced with Undo (which deletes exactly that contact).
 * Whether the client passed the weekly allowance is the allowance watch's to say (allowance-watch.ts),
 * which `afterLog` asks at once so that notice follows this one.
 */
import type { OfficeHoursService } from '../core/service.js';
import type { AppLog } from './app-log.js';
import { actionFailedNotice, loggedNotice, undoneNotice } from './notification-rules.js';
import type { Notify } from './notifier.js';
import type { TrayContactKind } from './tray-menu.js';
import type { Voice } from './voice.js';

/** What the actions need. */
export interface TrayActionDeps {
  service: Pick<OfficeHoursService, 'logContact' | 'deleteContact'>;
  voice: () => Voice;
  log: AppLog;
  notify: Notify;
  /** Runs after a contact is logged (the allowance watch's check). */
  afterLog?: () => void;
}

/** The tray's guarded runner and its contact logger. */
export interface TrayActionRunner {
  /** Runs `fn`; a throw or a rejection is logged and notified, never lost. Resolves when done. */
  attempt(action: string, fn: () => unknown): Promise<void>;
  /** Logs a contact now, announces it with Undo; resolves with whether it was logged. */
  logContact(clientId: string, kind: TrayContactKind): Promise<boolean>;
}

/** Builds the runner (`onLogged` hears the client each logged contact was for: the tray lists it first). */
export function trayActionRunner(
  deps: TrayActionDeps,
  onLogged: (clientId: string) => void = () => undefined,
): TrayActionRunner {
  const { service, voice, log, notify, afterLog = () => undefined } = deps;
  const attempt = async (action: string, fn: () => unknown): Promise<void> => {
    try {
      await fn();
    } catch (error) {
      log.error(`tray: ${action} failed`, {
        error: error instanceof Error ? error.message : String(error),
      });
      notify(actionFailedNotice(action, error, voice().words));
    }
  };
  const logContact = async (clientId: string, kind: TrayContactKind): Promise<boolean> => {
    let done = false;
    await attempt('log contact', async () => {
      const logged = await service.logContact({ clientId, kind });
      done = true;
      onLogged(clientId);
      const { words, format } = voice();
      notify(loggedNotice(logged, kind, words, format.time), {
        onActivate: () =>
          void attempt('undo', async () => {
            await service.deleteContact({ id: logged.contact.id });
            notify(undoneNotice(logged.clientName, kind, voice().words));
          }),
      });
      afterLog();
    });
    return done;
  };
  return { attempt, logContact };
}
