/** The application menu as a pure template (standard edit roles so text fields work with shortcuts). */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppWords } from './i18n.js';

/** What the menu needs. */
export interface AppMenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Development builds get Reload and DevTools. */
  isDev: boolean;
  actions: { openDashboard(): void; syncNow(): void };
  words: AppWords;
}

/** The app menu template. */
export function buildAppMenuTemplate({
  platform,
  appName,
  isDev,
  actions,
  words,
}: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const file: MenuItemConstructorOptions = {
    label: words.appMenu('file'),
    submenu: [
      {
        id: 'open-dashboard',
        label: words.appMenu('openDashboard'),
        accelerator: 'CmdOrCtrl+D',
        click: () => actions.openDashboard(),
      },
      {
        id: 'sync-now',
        label: words.appMenu('syncNow'),
        accelerator: 'CmdOrCtrl+R',
        click: () => actions.syncNow(),
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: words.appMenu('edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: words.appMenu('view'),
    submenu: [
      ...(isDev
        ? ([
            { role: 'reload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  return [...appMenu, file, edit, view, windowMenu];
}
