/** File chores of the store: atomic writes, daily backups and their rotation, keeping corrupt files. */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Base name of the data file (conf's `configName`); the file is `<name>.json`. */
export const STORE_NAME = 'office-hours';
/** Folder (inside the data dir) that holds the daily backups. */
export const BACKUP_DIR = 'backups';
/** How many daily backups are kept. */
export const KEEP_BACKUPS = 14;
/** Files hold calendar URLs and status tokens: owner only. */
export const FILE_MODE = 0o600;

const DAILY = new RegExp(`^${STORE_NAME}-(\\d{4}-\\d{2}-\\d{2})\\.json$`);

/**
 * Writes `content` so that readers see the old file or the new one, never a mix: temp file in the
 * same folder, fsync, rename over the target, fsync the folder so the rename survives power loss.
 */
export function writeFileAtomicSync(file: string, content: string | Uint8Array): void {
  const temp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  const fd = openSync(temp, 'wx', FILE_MODE);
  try {
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dirname(file));
}

/**
 * Whether `error` only says this platform or file system cannot fsync a folder (Windows cannot open
 * one; some network and FUSE file systems refuse the call). The rename itself is atomic there all the
 * same, so such an error is no failure; anything else (EIO) is, and is thrown.
 */
export function cannotSyncFolder(error: unknown): boolean {
  return (
    isNodeError(error) &&
    ['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF'].includes(error.code ?? '')
  );
}

/** Makes a rename in `dir` durable. Windows cannot open folders; NTFS journals renames anyway. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (!cannotSyncFolder(error)) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Local calendar date "YYYY-MM-DD" of `at` (backups are named by the user's day, not UTC's). */
export function localDay(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** A file-name-safe UTC timestamp: 2025-01-31T09-05-00-123Z. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** Path of the daily backup for `day` in `dataDir`. */
export function dailyBackupPath(dataDir: string, day: string): string {
  return join(dataDir, BACKUP_DIR, `${STORE_NAME}-${day}.json`);
}

/** Daily backups in `dataDir`, newest first. */
export function listDailyBackups(dataDir: string): string[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => DAILY.test(name))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

/**
 * Copies `file` to today's backup unless one exists, then deletes all but the newest `keep`.
 * Returns the backup written, if any.
 */
export function backupDaily(
  file: string,
  dataDir: string,
  day: string,
  keep = KEEP_BACKUPS,
): string | undefined {
  const target = dailyBackupPath(dataDir, day);
  if (existsSync(target)) return undefined;
  copyIntoBackups(file, target);
  for (const old of listDailyBackups(dataDir).slice(keep)) unlinkSync(old);
  return target;
}

/** Copies `file` to `target` (in the backups folder, created owner-only) atomically. */
export function copyIntoBackups(file: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  writeFileAtomicSync(target, readFileSync(file));
}

/**
 * Renames a corrupt data file to `<name>.corrupt-<stamp>.json` beside it — never deleted, the user
 * may want it back. Returns the new path, or undefined when the file is already gone (another
 * process handled it first).
 */
export function moveAside(file: string, at: Date): string | undefined {
  const stem = basename(file).replace(/\.json$/, '');
  for (let n = 0; ; n++) {
    const suffix = n === 0 ? '' : `-${n}`;
    const target = join(dirname(file), `${stem}.corrupt-${fileStamp(at)}${suffix}.json`);
    if (existsSync(target)) continue;
    try {
      renameSync(file, target);
    } catch (error) {
      if (isNodeError(error) && error.code === 'ENOENT') return undefined;
      throw error;
    }
    fsyncDir(dirname(file));
    return target;
  }
}

/** Narrows an unknown error to Node's errors with a `code`. */
export function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
