/**
 * "Start at login": Electron's login items on macOS and Windows; on Linux, where
 * `app.setLoginItemSettings` does nothing, an XDG autostart entry (~/.config/autostart/*.desktop).
 */
import { join } from 'node:path';

/** How the app is registered to start at login on a platform. */
export type LoginItemMechanism = 'electron' | 'xdg-autostart' | 'none';

/** The mechanism per platform (a Linux AppImage or deb both honour XDG autostart). */
export function loginItemMechanism(platform: NodeJS.Platform): LoginItemMechanism {
  if (platform === 'darwin' || platform === 'win32') return 'electron';
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd')
    return 'xdg-autostart';
  return 'none';
}

/** The argument a login start carries, so the app starts in the tray without opening the dashboard. */
export const LOGIN_ARG = '--at-login';

/** What `app.setLoginItemSettings` gets to turn the login item on or off. */
export function loginItemSettings(
  enabled: boolean,
  platform: NodeJS.Platform,
): { openAtLogin: boolean; args?: string[] } {
  // Windows passes args to the registered command; macOS ignores them (the app starts as usual).
  return platform === 'win32'
    ? { openAtLogin: enabled, args: [LOGIN_ARG] }
    : { openAtLogin: enabled };
}

/** Whether this start came from the login item (argv on Windows/Linux, Electron's flag on macOS). */
export function startedAtLogin(argv: readonly string[], macWasOpenedAtLogin = false): boolean {
  return macWasOpenedAtLogin || argv.includes(LOGIN_ARG);
}

/** Where the XDG autostart entry goes ($XDG_CONFIG_HOME, else ~/.config). */
export function autostartFile(env: NodeJS.ProcessEnv, home: string): string {
  const config =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'autostart', 'office-hours.desktop');
}

/** Quotes one argument of a desktop entry's Exec line (the spec's rules: quote, escape " ` $ \). */
function execArg(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/**
 * The autostart entry that starts `executable` at login. An AppImage must be started by its own
 * path ($APPIMAGE), not the binary inside the temporary mount.
 */
export function autostartEntry(executable: string, appName = 'Office Hours'): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${appName}`,
    `Exec=${execArg(executable)} ${LOGIN_ARG}`,
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=false',
    'Terminal=false',
    '',
  ].join('\n');
}

/** The executable a login item should start: the AppImage file when running from one. */
export function loginExecutable(env: NodeJS.ProcessEnv, execPath: string): string {
  return env.APPIMAGE && env.APPIMAGE !== '' ? env.APPIMAGE : execPath;
}
