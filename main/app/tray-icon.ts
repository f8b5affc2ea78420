/**
 * Which tray icon shows, and where its files are. The icons are drawn from one SVG per state
 * (build/icon-sources/tray-<state>.svg) and rendered at build time (scripts/render-icons.mjs) into dist/icons/.
 */
import type { TrayState } from './tray-menu.js';

/** One tray icon per look: the five states, a status set by hand, and a calendar that fails. */
export const TRAY_ICON_STATES = [
  'available',
  'focus',
  'meeting',
  'away',
  'off-hours',
  'overridden',
  'sync-error',
] as const;
/** One of the tray icons. */
export type TrayIconState = (typeof TRAY_ICON_STATES)[number];

/**
 * The icon for a tray state. A status set by hand shows as such (no calendar decides it then);
 * otherwise a failing calendar wins over the state it may have got wrong; before the first status
 * the quiet off-hours icon shows.
 */
export function trayIconState(state: TrayState): TrayIconState {
  const { status } = state;
  if (status?.overridden) return 'overridden';
  if (state.failingCalendars.length > 0) return 'sync-error';
  return status?.state ?? 'off-hours';
}

/**
 * The icon file for a platform, relative to dist/icons: macOS template images (black and alpha,
 * the `@2x` sibling is found by Electron), a multi-size .ico on Windows, a 22 px PNG for Linux panels
 * (AppIndicator scales to the panel; 24 and 32 px exist beside it for larger panels).
 */
export function trayIconFile(
  icon: TrayIconState,
  platform: NodeJS.Platform,
  linuxSize = 22,
): string {
  if (platform === 'darwin') return `mac/${icon}Template.png`;
  if (platform === 'win32') return `win/${icon}.ico`;
  return `linux/${icon}-${linuxSize}.png`;
}
