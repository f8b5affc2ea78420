/** The store's file helpers: a folder fsync ignores only what says "this platform cannot", nothing else. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cannotSyncFolder, fsyncDir } from './files.js';
import { makeTempDir } from './test-support.js';

const temp = makeTempDir('oh-files-');
afterAll(() => temp.remove());

describe('fsyncDir', () => {
  it('syncs a folder that exists, and throws for one that does not instead of ignoring it', () => {
    expect(() => fsyncDir(temp.dir)).not.toThrow();
    expect(() => fsyncDir(join(temp.dir, 'missing'))).toThrow(/ENOENT/);
  });

  it('counts only the platform refusals as "cannot sync a folder"', () => {
    const coded = (code: string): Error => Object.assign(new Error(code), { code });
    expect(cannotSyncFolder(coded('EISDIR'))).toBe(true);
    expect(cannotSyncFolder(coded('EINVAL'))).toBe(true);
    expect(cannotSyncFolder(coded('EIO'))).toBe(false);
    expect(cannotSyncFolder(coded('ENOENT'))).toBe(false);
    expect(cannotSyncFolder(new Error('no code'))).toBe(false);
  });
});
