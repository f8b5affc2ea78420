/** The dashboard window's options, every security setting stated explicitly. */
import type { BrowserWindowConstructorOptions } from 'electron';

/** What the options depend on. */
export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/preload.cjs). */
  preloadPath: string;
  /** Allow DevTools (development builds only). */
  devTools?: boolean;
}

/** Options for the dashboard BrowserWindow. */
export function getMainWindowOptions({
  preloadPath,
  devTools = false,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1040,
    height: 760,
    minWidth: 420,
    minHeight: 480,
    title: 'Office Hours',
    // Shown on 'ready-to-show' so the user never sees an empty frame.
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  };
}
