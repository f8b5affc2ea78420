import { describe, expect, it, vi } from 'vitest';

// The real preload module, with electron's two renderer modules replaced (no Electron runtime here).
const exposed = vi.hoisted(() => new Map<string, unknown>());
const ipcRenderer = vi.hoisted(() => ({
  invoke: vi.fn(async () => ({ ok: true, value: null })),
  on: vi.fn(),
  send: vi.fn(),
  sendSync: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer,
}));

describe('preload', () => {
  it('exposes only window.officeHours, built on invoke (never send/sendSync)', async () => {
    await import('./preload.js');
    expect([...exposed.keys()]).toEqual(['officeHours']);
    const bridge = exposed.get('officeHours') as { getStatus: (i: object) => Promise<unknown> };
    await bridge.getStatus({});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('office-hours:getStatus', {});
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(Object.values(exposed.get('officeHours') as object)).not.toContain(ipcRenderer);
  });
});
