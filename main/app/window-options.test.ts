import { describe, expect, it } from 'vitest';
import { getMainWindowOptions } from './window-options.js';

describe('getMainWindowOptions', () => {
  it('states every security setting explicitly', () => {
    const { webPreferences } = getMainWindowOptions({ preloadPath: '/app/dist/preload.cjs' });
    expect(webPreferences).toMatchObject({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });

  it('opens hidden (shown when ready) and allows DevTools only when asked', () => {
    const options = getMainWindowOptions({ preloadPath: '/p.cjs', devTools: true });
    expect(options.show).toBe(false);
    expect(options.webPreferences?.devTools).toBe(true);
  });
});
