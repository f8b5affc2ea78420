import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { type Api, apiMethods } from '../../shared/api.js';
import { APP_ORIGIN, APP_START_URL } from './app-origin.js';
import {
  EVENT_CHANNEL,
  type IpcMainLike,
  type SenderEvent,
  createIpcHandler,
  ourMainFrame,
  registerApi,
} from './ipc.js';

type Listener = (payload: unknown) => void;

/** A stand-in core: the IPC edge is under test, not the core. */
function fakeApi() {
  const listeners = new Map<string, Set<Listener>>();
  const setOverride = vi.fn(async (input: unknown) => ({ echoed: input }));
  const getStatus = vi.fn(async () => {
    throw new Error('store unreadable');
  });
  const api = {
    ...Object.fromEntries(apiMethods.map((m) => [m, vi.fn(async () => null)])),
    setOverride,
    getStatus,
    on: (event: string, listener: Listener) => {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  } as unknown as Api;
  const emit = (event: string, payload: unknown) =>
    listeners.get(event)?.forEach((l) => l(payload));
  return {
    api,
    setOverride,
    emit,
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

const anyEvent = {} as SenderEvent;

describe('createIpcHandler', () => {
  it('forwards a valid payload from our frame to the core', async () => {
    const { api, setOverride } = fakeApi();
    const handle = createIpcHandler(api, () => true);
    await expect(
      handle('office-hours:setOverride', anyEvent, { mode: 'unavailable', minutes: 30 }),
    ).resolves.toEqual({
      ok: true,
      value: { echoed: { mode: 'unavailable', minutes: 30 } },
    });
    expect(setOverride).toHaveBeenCalledTimes(1);
  });

  it('rejects unknown channels, including prototype names', async () => {
    const { api } = fakeApi();
    const handle = createIpcHandler(api, () => true);
    for (const channel of [
      'office-hours:dropTables',
      'office-hours:constructor',
      'office-hours:on',
      'setOverride',
      'other:getStatus',
    ]) {
      const result = await handle(channel, anyEvent, {});
      expect(result, channel).toMatchObject({ ok: false, error: { name: 'IpcRejected' } });
    }
  });

  it('rejects senders that are not our frame, before validating or calling anything', async () => {
    const { api, setOverride } = fakeApi();
    const isOurs = vi.fn(() => false);
    const result = await createIpcHandler(api, isOurs)('office-hours:setOverride', anyEvent, {
      mode: 'available',
    });
    expect(result).toEqual({
      ok: false,
      error: { name: 'IpcRejected', message: 'sender is not the Office Hours window' },
    });
    expect(isOurs).toHaveBeenCalledWith(anyEvent);
    expect(setOverride).not.toHaveBeenCalled();
  });

  it('rejects bad payloads naming the field, without calling the core', async () => {
    const { api, setOverride } = fakeApi();
    const handle = createIpcHandler(api, () => true);
    const result = await handle('office-hours:setOverride', anyEvent, {
      mode: 'available',
      minutes: -5,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        name: 'UserError',
        message: 'minutes: -5 — allowed: a whole number from 1 to 20160',
        field: 'minutes',
      },
    });
    const extra = await handle('office-hours:setOverride', anyEvent, {
      mode: 'available',
      evil: true,
    });
    expect(extra).toMatchObject({ ok: false, error: { name: 'UserError' } });
    expect(setOverride).not.toHaveBeenCalled();
  });

  it("returns the core's error as data", async () => {
    const { api } = fakeApi();
    const result = await createIpcHandler(api, () => true)('office-hours:getStatus', anyEvent, {});
    expect(result).toEqual({
      ok: false,
      error: { name: 'InternalError', message: 'store unreadable' },
    });
  });
});

describe('ourMainFrame', () => {
  const mainFrame = { url: APP_START_URL, parent: null };
  const webContents = { mainFrame };
  const win = { isDestroyed: () => false, webContents };
  const check = ourMainFrame(() => win as never, APP_ORIGIN);
  const event = (sender: unknown, senderFrame: unknown) =>
    ({ sender, senderFrame }) as unknown as SenderEvent;

  it('accepts the top frame of our window showing the app', () => {
    expect(check(event(webContents, mainFrame))).toBe(true);
  });

  it('refuses iframes, other windows, foreign pages, vanished frames and closed windows', () => {
    expect(check(event(webContents, { url: APP_START_URL, parent: mainFrame }))).toBe(false);
    expect(check(event({ mainFrame }, mainFrame))).toBe(false);
    const navigatedAway = { url: 'https://evil.example/', parent: null };
    expect(
      ourMainFrame(
        () => ({ isDestroyed: () => false, webContents: { mainFrame: navigatedAway } }) as never,
      )(event(webContents, navigatedAway)),
    ).toBe(false);
    expect(check(event(webContents, null))).toBe(false);
    expect(
      ourMainFrame(() => ({ ...win, isDestroyed: () => true }) as never)(
        event(webContents, mainFrame),
      ),
    ).toBe(false);
    expect(ourMainFrame(() => null)(event(webContents, mainFrame))).toBe(false);
  });
});

describe('registerApi', () => {
  function fakeIpcMain() {
    const handlers = new Map<
      string,
      (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>
    >();
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, listener);
      },
      removeHandler: (channel) => void handlers.delete(channel),
    };
    return { ipcMain, handlers };
  }

  it('registers exactly one handler per method and forwards events to the window', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const fake = fakeApi();
    const target = { isDestroyed: () => false, send: vi.fn() };
    const dispose = registerApi(
      ipcMain,
      fake.api,
      () => true,
      () => target,
    );
    expect([...handlers.keys()].sort()).toEqual(apiMethods.map((m) => `office-hours:${m}`).sort());
    const reply = await handlers.get('office-hours:setOverride')?.({} as IpcMainInvokeEvent, {
      mode: 'available',
    });
    expect(reply).toEqual({ ok: true, value: { echoed: { mode: 'available' } } });
    fake.emit('status', { state: 'away' });
    expect(target.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'status', { state: 'away' });
    dispose();
    expect(handlers.size).toBe(0);
    expect(fake.listenerCount()).toBe(0);
  });

  it('drops events while no window is open', () => {
    const { ipcMain } = fakeIpcMain();
    const fake = fakeApi();
    const closed = { isDestroyed: () => true, send: vi.fn() };
    registerApi(
      ipcMain,
      fake.api,
      () => true,
      () => closed,
    );
    expect(() => fake.emit('calendars', [])).not.toThrow();
    expect(closed.send).not.toHaveBeenCalled();
  });
});
