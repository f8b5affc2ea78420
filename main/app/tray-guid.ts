/**
 * The Windows tray GUID. Windows remembers a tray icon's "always show" choice by GUID, but binds a
 * GUID to the executable's signature: given to an unsigned build, the icon breaks after each update
 * (Electron's Tray docs). So only a signed release sets one, by writing it into the packaged
 * package.json (`officeHours.trayGuid`, see electron-builder.yml); every other build passes none.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The GUID to create the Tray with, or undefined (not Windows, not a signed release, or malformed). */
export function trayGuidFor(
  platform: NodeJS.Platform,
  packageJson: unknown,
  isPackaged: boolean,
): string | undefined {
  if (platform !== 'win32' || !isPackaged) return undefined;
  const meta =
    typeof packageJson === 'object' && packageJson !== null
      ? (packageJson as { officeHours?: { trayGuid?: unknown } }).officeHours
      : undefined;
  const guid = meta?.trayGuid;
  return typeof guid === 'string' && GUID.test(guid) ? guid : undefined;
}
