/** The Electron binary the `electron` package would run, or why there is none (it is downloaded on first use). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Where the binary is, or the one-line reason the `_electron` specs skip. */
export function electronBinary(): { path: string } | { missing: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile))
    return { missing: 'no Electron binary installed (node_modules/electron/path.txt is absent)' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = override
    ? join(override, relative)
    : join(root, 'node_modules', 'electron', 'dist', relative);
  return existsSync(binary) ? { path: binary } : { missing: `no Electron binary at ${binary}` };
}
