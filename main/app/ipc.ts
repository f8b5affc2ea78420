/**
 * The IPC edge of the Api: one `ipcMain.handle` per method (`office-hours:<method>`), all through a
 * single wrapper that refuses unknown channels and foreign senders and validates every payload before
 * the core sees it; core events are forwarded to the window as `office-hours:event`.
 */
import type { IpcMainInvokeEvent } from 'electron';
import {
  type Api,
  type ApiEvent,
  type ApiMethod,
  apiEvents,
  apiMethods,
  isApiMethod,
  parseApiInput,
} from '../../shared/api.js';
import { type WireError, toWireError } from '../../shared/errors.js';
import { APP_ORIGIN, originOf } from './app-origin.js';

/** Prefix of every Api channel. */
export const CHANNEL_PREFIX = 'office-hours:';
/** The channel core events travel on, main → renderer. */
export const EVENT_CHANNEL = 'office-hours:event';

/** The channel of an Api method. */
export function channelFor(method: ApiMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}

/**
 * What an invoke resolves to: errors travel as data (their kind's name, message, field) so the
 * renderer gets the core's own message, the same one the HTTP transport and the CLI show.
 */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: WireError };

/** The parts of an invoke event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

/** Decides whether an invoke comes from our own window's top frame. */
export type FrameCheck = (event: SenderEvent) => boolean;

/** The parts of ipcMain used (a fake in tests). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** The window events go to. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** The window whose top frame may call the Api. */
export interface OurWindow {
  isDestroyed(): boolean;
  webContents: { mainFrame: unknown } & object;
}

/**
 * A FrameCheck accepting only the main frame of `getWindow()`'s web contents, showing a page of
 * `appOrigin`: not an iframe, not another window, not a page that navigated elsewhere.
 */
export function ourMainFrame(
  getWindow: () => OurWindow | null | undefined,
  appOrigin: string = APP_ORIGIN,
): FrameCheck {
  return (event) => {
    const win = getWindow();
    const frame = event.senderFrame;
    if (!win || win.isDestroyed() || !frame) return false;
    return (
      event.sender === win.webContents &&
      frame === win.webContents.mainFrame &&
      frame.parent === null &&
      originOf(frame.url) === appOrigin
    );
  };
}

/**
 * The single wrapper every channel goes through: checks the channel names an Api method, the sender
 * is ours and the payload is valid, then calls the core. Never throws; failures become `ok: false`.
 */
export function createIpcHandler(
  api: Api,
  isOurFrame: FrameCheck,
): (channel: string, event: SenderEvent, payload: unknown) => Promise<IpcResult> {
  return async (channel, event, payload) => {
    const method = channel.startsWith(CHANNEL_PREFIX)
      ? channel.slice(CHANNEL_PREFIX.length)
      : undefined;
    if (!isApiMethod(method))
      return failure('IpcRejected', `unknown channel "${channel.slice(0, 80)}"`);
    if (!isOurFrame(event)) return failure('IpcRejected', 'sender is not the Office Hours window');
    try {
      const input = parseApiInput(method, payload);
      // parseApiInput has checked the input against this very method's schema.
      const fn = api[method] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await fn.call(api, input) };
    } catch (error) {
      return { ok: false, error: toWireError(error) };
    }
  };
}

function failure(name: string, message: string): IpcResult {
  return { ok: false, error: { name, message } };
}

/**
 * Registers one handler per Api method and forwards every core event to `getTarget()` (the dashboard
 * window's web contents, when open). Returns a function that undoes both.
 */
export function registerApi(
  ipcMain: IpcMainLike,
  api: Api,
  isOurFrame: FrameCheck,
  getTarget: () => EventTarget | null | undefined = () => null,
): () => void {
  const handler = createIpcHandler(api, isOurFrame);
  for (const method of apiMethods) {
    const channel = channelFor(method);
    ipcMain.handle(channel, (event, payload) => handler(channel, event, payload));
  }
  const forward = (name: ApiEvent) =>
    api.on(name, (payload) => {
      const target = getTarget();
      if (target && !target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload);
    });
  const unsubscribers = apiEvents.map(forward);
  return () => {
    for (const method of apiMethods) ipcMain.removeHandler(channelFor(method));
    for (const off of unsubscribers) off();
  };
}
