/**
 * What the preload exposes as `window.officeHours`: one named function per Api method and an `on()`
 * for known events — generated from the contract, built on an injected ipcRenderer so it is testable.
 * Never exposes ipcRenderer itself, process, or any sync IPC.
 */
import {
  type Api,
  type ApiEvent,
  type ApiEvents,
  type ApiMethod,
  apiEvents,
  apiMethods,
} from '../../shared/api.js';
import { EVENT_CHANNEL, type IpcResult, channelFor } from './ipc.js';

/** The parts of ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The parts of contextBridge used. */
export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

/** The global name the dashboard finds the bridge under. */
export const BRIDGE_KEY = 'officeHours';

function isIpcResult(value: unknown): value is IpcResult {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/** Builds the bridge object over `ipc`. */
export function createPreloadBridge(ipc: IpcRendererLike): Api {
  const call = async (method: ApiMethod, input: unknown): Promise<unknown> => {
    const result = await ipc.invoke(channelFor(method), input ?? {});
    if (!isIpcResult(result)) throw new Error(`${method}: malformed reply`);
    if (result.ok) return result.value;
    const error = new Error(result.error.message);
    error.name = result.error.name;
    throw error;
  };
  const listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>();
  // One IPC listener for all events; the renderer never sees the IpcRendererEvent (it carries the sender).
  ipc.on(EVENT_CHANNEL, (_event, name, payload) => {
    if (typeof name !== 'string') return;
    for (const listener of listeners.get(name as ApiEvent) ?? []) listener(payload);
  });
  const on = <E extends ApiEvent>(
    event: E,
    listener: (payload: ApiEvents[E]) => void,
  ): (() => void) => {
    if (!apiEvents.includes(event)) throw new Error(`unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => void set.delete(untyped);
  };
  const methods = Object.fromEntries(
    apiMethods.map((method) => [method, (input: unknown) => call(method, input)]),
  );
  // The mapped Api type cannot be inferred through Object.fromEntries; every method is generated above.
  return Object.freeze({ ...methods, on }) as unknown as Api;
}

/** Exposes the bridge to the page's main world. */
export function exposePreloadBridge(contextBridge: ContextBridgeLike, ipc: IpcRendererLike): void {
  contextBridge.exposeInMainWorld(BRIDGE_KEY, createPreloadBridge(ipc));
}
