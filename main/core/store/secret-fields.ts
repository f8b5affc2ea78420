/**
 * Secret feed URLs at rest. A calendar's https/webcal address is its password (Google's "secret
 * address", Outlook's published links), so where the platform has a keychain the app stores it
 * encrypted: a `SecretCipher` (Electron's safeStorage in the app — the core never imports it) seals
 * `calendars[].location` of URL calendars on every write and opens it on every read. Headless there is
 * no keychain: the file stays plain, owner-only (mode 0600, see `enforcePrivateMode`).
 */
import { chmodSync, statSync } from 'node:fs';
import type { Backend, BackendFactory } from './store.js';

/** Encrypts and decrypts short strings (base64 text in, base64 text out). */
export interface SecretCipher {
  /** Whether encryption works now (safeStorage: a keychain or secret service is there). */
  available(): boolean;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** How a sealed value starts in the file (the version lets the format change later). */
export const SEALED_PREFIX = 'enc:v1:';

/** Whether a stored value is sealed. */
export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

type RawCalendar = Record<string, unknown> & { kind?: unknown; location?: unknown };

function mapLocations(raw: unknown, fn: (location: string) => string): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const file = raw as Record<string, unknown>;
  if (!Array.isArray(file.calendars)) return raw;
  const calendars = (file.calendars as unknown[]).map((c) => {
    if (typeof c !== 'object' || c === null) return c;
    const cal = c as RawCalendar;
    if (cal.kind !== 'url' || typeof cal.location !== 'string') return c;
    const location = fn(cal.location);
    return location === cal.location ? c : { ...cal, location };
  });
  return { ...file, calendars };
}

/** The file's data with every plain URL location sealed (unchanged when the cipher is unavailable). */
export function sealLocations<T>(raw: T, cipher: SecretCipher): T {
  if (!cipher.available()) return raw;
  return mapLocations(raw, (location) =>
    isSealed(location) ? location : SEALED_PREFIX + cipher.encrypt(location),
  ) as T;
}

/**
 * The file's data with sealed locations opened. A value that cannot be opened (another machine's
 * keychain, no keychain now) stays sealed: nothing is lost, and that calendar's sync reports it.
 */
export function openLocations<T>(raw: T, cipher: SecretCipher, onError?: (e: unknown) => void): T {
  return mapLocations(raw, (location) => {
    if (!isSealed(location)) return location;
    try {
      return cipher.decrypt(location.slice(SEALED_PREFIX.length));
    } catch (error) {
      onError?.(error);
      return location;
    }
  }) as T;
}

/** Whether the file still holds a plain URL location that `cipher` could seal. */
export function hasPlainLocations(raw: unknown, cipher: SecretCipher): boolean {
  if (!cipher.available()) return false;
  let plain = false;
  mapLocations(raw, (location) => {
    if (!isSealed(location)) plain = true;
    return location;
  });
  return plain;
}

/**
 * A backend factory whose files hold sealed locations. Opening it migrates a file written before
 * (plain URLs) at once, so the plain copy does not wait for the next change to disappear.
 */
export function sealedBackend(
  inner: BackendFactory,
  cipher: SecretCipher,
  onError?: (e: unknown) => void,
): BackendFactory {
  return (dataDir) => {
    const backend = inner(dataDir);
    const sealed: Backend = {
      path: backend.path,
      read: () => openLocations(backend.read(), cipher, onError),
      write: (data) => backend.write(sealLocations(data, cipher)),
    };
    let raw: unknown;
    try {
      statSync(backend.path);
      raw = backend.read();
    } catch {
      // reason: no file yet, or one the engine reads right after this and reports as damaged or
      // unreadable itself: nothing to migrate, and nothing to report twice.
      return sealed;
    }
    try {
      if (hasPlainLocations(raw, cipher))
        backend.write(sealLocations(raw as Record<string, unknown>, cipher));
    } catch (error) {
      // The store still works (its next write seals), but plain addresses stay on disk until then.
      onError?.(error);
    }
    return sealed;
  };
}

/**
 * Makes `file` owner-only (0600) if it is readable by others, and says whether it had to. POSIX only:
 * Windows keeps the data folder in the user's profile, which other users cannot read.
 */
export function enforcePrivateMode(
  file: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform === 'win32') return false;
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat || (stat.mode & 0o077) === 0) return false;
  chmodSync(file, 0o600);
  return true;
}
