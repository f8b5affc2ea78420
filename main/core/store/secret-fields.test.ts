import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStoreWith } from './engine.js';
import {
  SEALED_PREFIX,
  type SecretCipher,
  enforcePrivateMode,
  openLocations,
  sealLocations,
  sealedBackend,
} from './secret-fields.js';
import { confBackend, openStore } from './store.js';
import { makeTempDir } from './test-support.js';

/** Stands in for safeStorage: reversible, visibly not the plain text, and switchable off. */
function fakeCipher(available = true): SecretCipher & { calls: number } {
  const cipher = {
    calls: 0,
    available: () => available,
    encrypt: (plain: string) => {
      cipher.calls++;
      return Buffer.from([...plain].reverse().join(''), 'utf8').toString('base64');
    },
    decrypt: (sealed: string) => {
      const text = Buffer.from(sealed, 'base64').toString('utf8');
      if (text.startsWith('!')) throw new Error('wrong keychain');
      return [...text].reverse().join('');
    },
  };
  return cipher;
}

const secretUrl =
  'https://calendar.google.com/calendar/ical/me%40x/private-0123456789abcdef/basic.ics';
const source = (id: string, location: string, kind: 'url' | 'file' = 'url') => ({
  id,
  name: id,
  location,
  kind,
  refreshMinutes: 5,
  role: 'busy' as const,
  addedAt: '2025-01-01T00:00:00.000Z',
});

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
function tempDir(): string {
  const temp = makeTempDir('oh-secrets-');
  cleanup = temp.remove;
  return temp.dir;
}

describe('sealed feed URLs', () => {
  it('seal URL locations only, once, and open them again', () => {
    const cipher = fakeCipher();
    const raw = {
      calendars: [source('a', secretUrl), source('f', '/home/u/focus.ics', 'file')],
      other: 1,
    };
    const sealed = sealLocations(raw, cipher);
    expect(sealed.calendars[0]?.location.startsWith(SEALED_PREFIX)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('private-0123');
    expect(sealed.calendars[1]?.location).toBe('/home/u/focus.ics');
    expect(sealLocations(sealed, cipher)).toEqual(sealed);
    expect(openLocations(sealed, cipher)).toEqual(raw);
    expect(sealLocations(raw, fakeCipher(false))).toBe(raw);
  });

  it('leave a value they cannot open sealed, and say so', () => {
    const errors: unknown[] = [];
    const foreign = SEALED_PREFIX + Buffer.from('!x').toString('base64');
    const raw = { calendars: [source('a', foreign)] };
    expect(openLocations(raw, fakeCipher(), (e) => errors.push(e))).toEqual(raw);
    expect(errors).toHaveLength(1);
  });

  it('migrate a data file with a plain URL on open, and keep it readable through the store', () => {
    const dir = tempDir();
    const plain = openStore(dir, { watch: false });
    plain.update((d) => {
      d.calendars.push(source('work', secretUrl));
    });
    plain.close();
    const file = join(dir, 'office-hours.json');
    expect(readFileSync(file, 'utf8')).toContain(secretUrl);

    const cipher = fakeCipher();
    const store = openStoreWith(sealedBackend(confBackend, cipher), dir, { watch: false });
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain('private-0123');
    expect(onDisk).toContain(SEALED_PREFIX);
    expect(store.read().calendars[0]?.location).toBe(secretUrl);
    store.update((d) => {
      d.calendars.push(
        source('home', 'https://outlook.office365.com/owa/calendar/abc/reachcalendar.ics'),
      );
    });
    const after = readFileSync(file, 'utf8');
    expect(after).not.toContain('reachcalendar');
    expect(store.read().calendars.map((c) => c.location)).toEqual([
      secretUrl,
      'https://outlook.office365.com/owa/calendar/abc/reachcalendar.ics',
    ]);
    store.close();

    // Headless, without the keychain: the sealed values come through untouched, so nothing is lost.
    const headless = openStore(dir, { watch: false });
    expect(headless.read().calendars[0]?.location.startsWith(SEALED_PREFIX)).toBe(true);
    headless.update((d) => {
      d.calendars[0]!.name = 'Work';
    });
    headless.close();
    const again = openStoreWith(sealedBackend(confBackend, cipher), dir, { watch: false });
    expect(again.read().calendars[0]).toMatchObject({ name: 'Work', location: secretUrl });
    again.close();
  });

  it('report a migration on open that fails, instead of leaving the plain URL on disk unsaid', () => {
    const dir = tempDir();
    const plain = openStore(dir, { watch: false });
    plain.update((d) => {
      d.calendars.push(source('work', secretUrl));
    });
    plain.close();
    // The keychain says it works, then refuses to seal (locked meanwhile).
    const locked: SecretCipher = {
      ...fakeCipher(),
      encrypt: () => {
        throw new Error('keychain locked');
      },
    };
    const errors: unknown[] = [];
    const store = openStoreWith(
      sealedBackend(confBackend, locked, (e) => errors.push(e)),
      dir,
      { watch: false },
    );
    expect(errors.map(String)).toEqual(['Error: keychain locked']);
    // Nothing lost: the store still reads the calendar.
    expect(store.read().calendars[0]?.location).toBe(secretUrl);
    store.close();
  });

  it('stay plain where no cipher is available', () => {
    const dir = tempDir();
    const store = openStoreWith(sealedBackend(confBackend, fakeCipher(false)), dir, {
      watch: false,
    });
    store.update((d) => {
      d.calendars.push(source('work', secretUrl));
    });
    store.close();
    expect(readFileSync(join(dir, 'office-hours.json'), 'utf8')).toContain(secretUrl);
  });
});

describe('enforcePrivateMode', () => {
  it.skipIf(process.platform === 'win32')('makes a data file readable by others owner-only', () => {
    const dir = tempDir();
    const file = join(dir, 'office-hours.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o644);
    expect(enforcePrivateMode(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(enforcePrivateMode(file)).toBe(false);
    expect(enforcePrivateMode(join(dir, 'missing.json'))).toBe(false);
    expect(enforcePrivateMode(file, 'win32')).toBe(false);
  });
});

describe('a sealed address read without the keychain', () => {
  it('fails its sync with a reason, not a garbled fetch', async () => {
    const { resolveLocation } = await import('../calendar/fetch-source.js');
    const location = SEALED_PREFIX + fakeCipher().encrypt(secretUrl);
    expect(() => resolveLocation({ kind: 'url', location })).toThrow(
      /encrypted with the desktop app’s keychain/,
    );
  });
});
