import { describe, expect, it } from 'vitest';
import {
  LOGIN_ARG,
  autostartEntry,
  autostartFile,
  loginExecutable,
  loginItemMechanism,
  loginItemSettings,
  startedAtLogin,
} from './login-item.js';

describe('start at login', () => {
  it('uses Electron on macOS and Windows, XDG autostart on Linux', () => {
    expect(loginItemMechanism('darwin')).toBe('electron');
    expect(loginItemMechanism('win32')).toBe('electron');
    expect(loginItemMechanism('linux')).toBe('xdg-autostart');
    expect(loginItemMechanism('aix')).toBe('none');
  });

  it('passes the login flag where Windows hands it to the app', () => {
    expect(loginItemSettings(true, 'win32')).toEqual({ openAtLogin: true, args: [LOGIN_ARG] });
    expect(loginItemSettings(false, 'darwin')).toEqual({ openAtLogin: false });
    expect(startedAtLogin(['/opt/oh', LOGIN_ARG])).toBe(true);
    expect(startedAtLogin(['/opt/oh'], true)).toBe(true);
    expect(startedAtLogin(['/opt/oh'])).toBe(false);
  });

  it('writes a desktop entry that starts the AppImage itself, quoted when needed', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe(
      '/cfg/autostart/office-hours.desktop',
    );
    expect(autostartFile({}, '/home/u')).toBe('/home/u/.config/autostart/office-hours.desktop');
    expect(loginExecutable({ APPIMAGE: '/home/u/Office Hours.AppImage' }, '/tmp/.mount/oh')).toBe(
      '/home/u/Office Hours.AppImage',
    );
    expect(loginExecutable({}, '/opt/Office Hours/office-hours')).toBe(
      '/opt/Office Hours/office-hours',
    );
    const entry = autostartEntry('/home/u/Office "Hours".AppImage');
    expect(entry.split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Name=Office Hours',
      `Exec="/home/u/Office \\"Hours\\".AppImage" ${LOGIN_ARG}`,
      'X-GNOME-Autostart-enabled=true',
      'NoDisplay=false',
      'Terminal=false',
      '',
    ]);
    expect(autostartEntry('/usr/bin/office-hours')).toContain(
      `Exec=/usr/bin/office-hours ${LOGIN_ARG}`,
    );
  });
});
