/** The last good copy of each calendar source on disk: `<dataDir>/calendars/<id>.ics` plus `<id>.json` meta. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cannotSyncFolder, isNodeError } from '../store/files.js';

/** What is known about a cached copy. */
export interface CacheMeta {
  etag?: string;
  lastModified?: string;
  /** When the cached bytes were fetched (ISO). */
  fetchedAt: string;
  /** When the source last confirmed the copy is current (a 304), ISO. */
  checkedAt?: string;
  bytes: number;
  /** SHA-256 (hex) of the cached bytes. */
  sha256: string;
  /** The charset to decode the bytes with, when not UTF-8. */
  charset?: string;
  /** SHA-256 of the source location: validators of another URL must not be sent to this one. Never the URL itself. */
  locationKey?: string;
}

/** A cached copy read back. */
export interface CachedCopy {
  path: string;
  meta: CacheMeta;
}

/** The key that ties meta to a location without storing the (secret) location. */
export function locationKey(location: string): string {
  return createHash('sha256').update(location.trim()).digest('hex').slice(0, 32);
}

/** Reads and replaces cached copies; every replacement is atomic (temp file, fsync, rename). */
export class SourceCache {
  /** The folder holding the copies. */
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'calendars');
  }

  /** Path of the cached calendar of source `id`. */
  icsPath(id: string): string {
    return join(this.dir, `${fileStem(id)}.ics`);
  }

  /** A fresh temp path in the cache folder (same file system, so the final rename is atomic). */
  async stagingPath(id: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    return join(this.dir, `.${fileStem(id)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  }

  /** The cached copy of `id`, or undefined when there is none. Meta that does not match the file loses its validators. */
  async read(id: string): Promise<CachedCopy | undefined> {
    const path = this.icsPath(id);
    let size: number;
    let mtime: Date;
    try {
      ({ size, mtime } = await stat(path));
    } catch (error) {
      if (isNodeError(error) && error.code === 'ENOENT') return undefined; // no copy yet
      throw error;
    }
    let meta: CacheMeta | undefined;
    try {
      meta = JSON.parse(await readFile(this.metaPath(id), 'utf8')) as CacheMeta;
    } catch (error) {
      // A missing or half-written meta file only costs the validators (handled below); a disk that
      // cannot be read is a real failure and is thrown.
      if (!(error instanceof SyntaxError) && !(isNodeError(error) && error.code === 'ENOENT'))
        throw error;
      meta = undefined;
    }
    if (!meta || typeof meta.fetchedAt !== 'string' || meta.bytes !== size) {
      // A crash between the two renames, or a hand-edited folder: keep the copy, drop what cannot be trusted.
      return {
        path,
        meta: {
          fetchedAt: (meta?.fetchedAt as string | undefined) ?? mtime.toISOString(),
          bytes: size,
          sha256: '',
        },
      };
    }
    return { path, meta };
  }

  /** The cached text of `id` (for callers that want the text itself, e.g. the CLI). */
  async readText(id: string): Promise<string | undefined> {
    const copy = await this.read(id);
    return copy ? readFile(copy.path, 'utf8') : undefined;
  }

  /** Makes the fully written, fsynced `staged` file the cached copy of `id`, then records `meta`. */
  async commit(id: string, staged: string, meta: CacheMeta): Promise<void> {
    // Calendar first, meta second: meta describing the old copy is detected by size; the reverse would not be.
    await rename(staged, this.icsPath(id));
    await this.writeMeta(id, meta);
    await syncDir(this.dir);
  }

  /** Writes `data` as the cached copy of `id` (temp file, fsync, rename) and returns its meta. */
  async write(
    id: string,
    data: string | Uint8Array,
    meta: Omit<CacheMeta, 'bytes' | 'sha256'>,
  ): Promise<CacheMeta> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const staged = await this.stagingPath(id);
    await writeSynced(staged, bytes);
    const full: CacheMeta = {
      ...meta,
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    await this.commit(id, staged, full);
    return full;
  }

  /**
   * Atomically replaces the meta of `id`. `durable: false` skips the fsync: after a 304 only checkedAt changes,
   * losing that to a power cut costs one unconditional fetch, and the fsync would cost more than the whole re-sync.
   */
  async writeMeta(
    id: string,
    meta: CacheMeta,
    { durable = true }: { durable?: boolean } = {},
  ): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const staged = await this.stagingPath(id);
    await writeSynced(staged, Buffer.from(`${JSON.stringify(meta, null, 2)}\n`, 'utf8'), durable);
    await rename(staged, this.metaPath(id));
  }

  /** Forgets the cached copy of `id` (the source was removed). */
  async remove(id: string): Promise<void> {
    await rm(this.icsPath(id), { force: true });
    await rm(this.metaPath(id), { force: true });
  }

  /** Deletes temp files left behind by a crash (older than `olderThanMs`, so another process's live write survives). */
  async removeStale(olderThanMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (isNodeError(error) && error.code === 'ENOENT') return 0; // nothing cached yet
      throw error;
    }
    let removed = 0;
    for (const name of names.filter((n) => n.startsWith('.') && n.endsWith('.tmp'))) {
      const path = join(this.dir, name);
      // Gone meanwhile (another process finished or cleared it): nothing left to remove.
      const info = await stat(path).catch((error: unknown) => {
        if (isNodeError(error) && error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (info && now - info.mtimeMs > olderThanMs) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  private metaPath(id: string): string {
    return join(this.dir, `${fileStem(id)}.json`);
  }
}

/** A file name for a source id: the id itself when it is plain, else a hash (ids come from config and must not escape the folder). */
function fileStem(id: string): string {
  return /^[A-Za-z0-9_-]{1,80}$/.test(id)
    ? id
    : `id-${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
}

async function writeSynced(path: string, bytes: Uint8Array, durable = true): Promise<void> {
  const file = await open(path, 'w');
  try {
    await file.writeFile(bytes);
    if (durable) await file.sync();
  } catch (error) {
    await file.close();
    await rm(path, { force: true });
    throw error;
  }
  await file.close();
}

/** fsyncs a folder so the renames in it survive a power cut; not possible on every platform, so best effort. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch (error) {
    // Windows cannot open a folder for fsync; the rename itself is still atomic there.
    if (!cannotSyncFolder(error)) throw error;
  }
}
