/** Shows notifications (Electron's) and keeps each alive until it closes, so its click and action handlers fire. */
import { Notification } from 'electron';
import type { AppLog } from './app-log.js';
import type { NotificationContent } from './notification-rules.js';

/** What a notification does when clicked or its first button is pressed. */
export interface NotifyHandlers {
  onActivate?: () => void;
}

/** Shows one notification. */
export type Notify = (content: NotificationContent, handlers?: NotifyHandlers) => void;

/** A notifier that logs what it cannot show (no notification server, say). */
export function createNotifier(log: AppLog): Notify {
  const alive = new Set<Notification>();
  return (content, handlers = {}) => {
    if (!Notification.isSupported()) {
      log.info('notification not shown (unsupported here)', { title: content.title });
      return;
    }
    const notification = new Notification({
      title: content.title,
      body: content.body,
      silent: true,
      ...(content.actions
        ? { actions: content.actions.map((text) => ({ type: 'button' as const, text })) }
        : {}),
    });
    alive.add(notification);
    const done = (): void => void alive.delete(notification);
    const activate = (): void => {
      done();
      handlers.onActivate?.();
    };
    notification.on('click', activate);
    notification.on('action', activate);
    notification.on('close', done);
    notification.on('failed', (_event, error) => {
      done();
      log.warn('notification failed', { title: content.title, error });
    });
    notification.show();
  };
}
