/**
 * Whether a tray icon will be seen, decided before relying on it. Electron's Tray on Linux speaks
 * StatusNotifierItem (AppIndicator) when a StatusNotifierWatcher owns its D-Bus name, else the old
 * XEmbed tray. GNOME Shell has neither unless the AppIndicator extension is on: the Tray is created
 * without error and simply never shows. So the detection is: Tray creation threw → no tray; on Linux,
 * no watcher on the session bus and a GNOME desktop (XDG_CURRENT_DESKTOP) → no tray. Other desktops
 * without a watcher (Xfce, MATE, Cinnamon) still have an XEmbed tray, so they keep the icon.
 */

/** The tray will show, or why not. */
export type TraySupport = { ok: true } | { ok: false; why: string };

/** What the decision is made from. */
export interface TraySupportInput {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Whether org.kde.StatusNotifierWatcher has an owner (null: could not ask the bus). */
  watcherPresent: boolean | null;
  /** The error `new Tray()` threw, if it did. */
  trayError?: unknown;
}

/** The D-Bus name a StatusNotifierItem host (the AppIndicator extension, KDE, …) owns. */
export const STATUS_NOTIFIER_WATCHER = 'org.kde.StatusNotifierWatcher';

/** The arguments for `gdbus` that ask whether the watcher has an owner (prints "(true,)" or "(false,)"). */
export const WATCHER_QUERY_ARGS = [
  'call',
  '--session',
  '--dest',
  'org.freedesktop.DBus',
  '--object-path',
  '/org/freedesktop/DBus',
  '--method',
  'org.freedesktop.DBus.NameHasOwner',
  STATUS_NOTIFIER_WATCHER,
];

/** Reads gdbus's answer to WATCHER_QUERY_ARGS (null when it is not one). */
export function parseWatcherAnswer(stdout: string): boolean | null {
  const match = /^\((true|false),?\)$/.exec(stdout.trim());
  return match ? match[1] === 'true' : null;
}

/** Whether the desktop is GNOME Shell (XDG_CURRENT_DESKTOP is a colon list: "ubuntu:GNOME"). */
export function isGnome(env: NodeJS.ProcessEnv): boolean {
  return (env.XDG_CURRENT_DESKTOP ?? '')
    .split(':')
    .some((name) => name.trim().toUpperCase() === 'GNOME');
}

/** Decides whether the tray icon will show (see the file comment for how). */
export function traySupport(input: TraySupportInput): TraySupport {
  if (input.trayError !== undefined) {
    const message =
      input.trayError instanceof Error ? input.trayError.message : String(input.trayError);
    return { ok: false, why: `The tray icon could not be created (${message}).` };
  }
  if (input.platform !== 'linux') return { ok: true };
  if (input.watcherPresent === true) return { ok: true };
  if (isGnome(input.env))
    return {
      ok: false,
      why: 'GNOME shows tray icons only with the “AppIndicator and KStatusNotifierItem Support” extension.',
    };
  return { ok: true };
}
