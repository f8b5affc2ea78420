import { describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../shared/api.js';
import { EVENT_CHANNEL } from './ipc.js';
import {
  type IpcRendererLike,
  createPreloadBridge,
  exposePreloadBridge,
} from './preload-bridge.js';

function fakeIpcRenderer(
  reply: (channel: string, payload: unknown) => unknown = () => ({ ok: true, value: 'fine' }),
) {
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const invoke = vi.fn(async (channel: string, payload: unknown) => reply(channel, payload));
  const ipc: IpcRendererLike = {
    invoke,
    on: (channel, listener) => listeners.set(channel, listener),
  };
  const send = (...args: unknown[]) =>
    listeners.get(EVENT_CHANNEL)?.({ sender: 'ipc-internals' }, ...args);
  return { ipc, invoke, send, listeners };
}

describe('createPreloadBridge', () => {
  it('has exactly the Api methods plus on(), and nothing of ipcRenderer', () => {
    const bridge = createPreloadBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual([...apiMethods, 'on'].sort());
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
    expect(bridge).not.toHaveProperty('sendSync');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes the method channel with the input and unwraps the value', async () => {
    const fake = fakeIpcRenderer();
    const bridge = createPreloadBridge(fake.ipc);
    await expect(bridge.setOverride({ mode: 'available', minutes: 30 })).resolves.toBe('fine');
    expect(fake.invoke).toHaveBeenCalledWith('office-hours:setOverride', {
      mode: 'available',
      minutes: 30,
    });
  });

  it("rethrows the main side's error with its name and message", async () => {
    const bridge = createPreloadBridge(
      fakeIpcRenderer(() => ({
        ok: false,
        error: { name: 'ApiInputError', message: 'setOverride: mode: bad' },
      })).ipc,
    );
    await expect(bridge.setOverride({ mode: 'available' })).rejects.toMatchObject({
      name: 'ApiInputError',
      message: 'setOverride: mode: bad',
    });
    const broken = createPreloadBridge(fakeIpcRenderer(() => 'garbage').ipc);
    await expect(broken.getStatus({})).rejects.toThrow(/malformed reply/);
  });

  it('delivers known events without the IPC event object, and refuses unknown names', () => {
    const fake = fakeIpcRenderer();
    const bridge = createPreloadBridge(fake.ipc);
    const seen: unknown[][] = [];
    const off = bridge.on('status', (...args: unknown[]) => seen.push(args));
    fake.send('status', { state: 'focus' });
    fake.send('calendars', []);
    off();
    fake.send('status', { state: 'away' });
    expect(seen).toEqual([[{ state: 'focus' }]]);
    expect(() => bridge.on('anything' as 'status', () => {})).toThrow(/unknown event/);
  });
});

describe('exposePreloadBridge', () => {
  it('exposes the bridge as officeHours in the main world', () => {
    const exposeInMainWorld = vi.fn();
    exposePreloadBridge({ exposeInMainWorld }, fakeIpcRenderer().ipc);
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, value] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('officeHours');
    expect(typeof value.getStatus).toBe('function');
  });
});
