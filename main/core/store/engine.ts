/**
 * The store logic both backends share: validation and migration on load, keeping corrupt files and
 * restoring backups, daily backups, write-through updates, and noticing other writers of the file.
 */
import { existsSync, mkdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { decodeDataFile, decodeDataText, toDataFile, validateData } from './decode.js';
import { DataValidationError, NewerSchemaError, notJson } from './errors.js';
import {
  BACKUP_DIR,
  backupDaily,
  copyIntoBackups,
  fileStamp,
  fsyncDir,
  KEEP_BACKUPS,
  listDailyBackups,
  localDay,
  moveAside,
  STORE_NAME,
} from './files.js';
import type { Migration } from './migrate.js';
import { defaultData, MIGRATIONS, SCHEMA_VERSION, type Data } from './schema.js';
import type {
  Backend,
  BackendFactory,
  ChangeOrigin,
  DataStore,
  StoreNotice,
  StoreOptions,
} from './store.js';

type Listener = (data: Data, origin: ChangeOrigin) => void;

/** What identifies one version of the file cheaply: atomic writes give every version a new inode. */
interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Opens the data set in `dataDir` through the backend `createBackend` makes. */
export function openStoreWith(
  createBackend: BackendFactory,
  dataDir: string,
  options: StoreOptions = {},
): DataStore {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return new EngineStore(dir, createBackend(dir), options);
}

class EngineStore implements DataStore {
  readonly path: string;
  readonly notices: StoreNotice[] = [];
  private readonly now: () => Date;
  private readonly migrations: readonly Migration[];
  private readonly keepBackups: number;
  private readonly onError: (error: unknown) => void;
  private readonly listeners = new Set<Listener>();
  private cache: Data;
  private known: FileIdentity | undefined;
  private lastBackupDay: string | undefined;
  /** Set while the file on disk was written by a newer build: writing would destroy its data. */
  private blockedBy: NewerSchemaError | undefined;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly backend: Backend,
    options: StoreOptions,
  ) {
    this.path = backend.path;
    this.now = options.now ?? (() => new Date());
    this.migrations = options.migrations ?? MIGRATIONS;
    this.keepBackups = options.keepBackups ?? KEEP_BACKUPS;
    this.onError = options.onError ?? ((error) => console.error('office-hours store:', error));
    this.cache = deepFreeze(this.load());
    this.backupIfNewDay();
    this.startWatching(options.watch ?? 'events', options.pollMs ?? 750);
  }

  read(): Data {
    return this.cache;
  }

  update(fn: (draft: Data) => Data | void): Data {
    if (this.closed) throw new Error('the data store is closed');
    // Read-modify-write on the newest file, so a change another process made a moment ago (before
    // our watcher reported it) is built upon instead of overwritten.
    this.syncFromDisk();
    if (this.blockedBy) throw this.blockedBy;
    this.backupIfNewDay();
    const draft = structuredClone(this.cache);
    // Through JSON first, so what we hold is exactly what the file holds (a Date in a loose
    // `contacts` entry becomes its string here too) and no caller's object gets frozen below.
    const next = validateData(JSON.parse(JSON.stringify(fn(draft) ?? draft)));
    if (isDeepStrictEqual(next, this.cache)) return this.cache;
    this.write(next);
    this.cache = deepFreeze(next);
    this.emit('local');
    return this.cache;
  }

  onChange(cb: Listener): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    this.watcher = undefined;
    clearInterval(this.timer);
    this.listeners.clear();
  }

  /** The data at open: the file if valid (migrated if old), else a backup, else defaults. */
  private load(): Data {
    if (!existsSync(this.path)) {
      const restored = this.newestGoodBackup();
      if (!restored) {
        const fresh = defaultData();
        this.write(fresh);
        return fresh;
      }
      this.write(restored.data);
      this.notices.push({
        kind: 'restored-backup',
        message: `The data file was missing; restored the backup of ${restored.day}.`,
        movedTo: null,
      });
      return restored.data;
    }
    let decoded;
    try {
      decoded = decodeDataFile(this.readBackend(), this.migrations);
    } catch (error) {
      if (error instanceof DataValidationError) return this.recoverFromBackup(error);
      throw error;
    }
    if (decoded.fromVersion < SCHEMA_VERSION) {
      // Keep the pre-migration file: a migration bug must not cost the user their data.
      const copy = `${STORE_NAME}.v${decoded.fromVersion}-${fileStamp(this.now())}.json`;
      copyIntoBackups(this.path, join(this.dir, BACKUP_DIR, copy));
      this.write(decoded.data);
    }
    return decoded.data;
  }

  /** A damaged file at open: keep it aside, then the newest backup that validates, else defaults. */
  private recoverFromBackup(problem: DataValidationError): Data {
    const movedTo = moveAside(this.path, this.now()) ?? null;
    const kept = movedTo ? ` The damaged file was kept as ${basename(movedTo)}.` : '';
    const restored = this.newestGoodBackup();
    const data = restored?.data ?? defaultData();
    this.write(data);
    this.notices.push(
      restored
        ? {
            kind: 'restored-backup',
            message: `The data file could not be read (${problem.message}).${kept} Restored the backup of ${restored.day}.`,
            movedTo,
          }
        : {
            kind: 'reset',
            message: `The data file could not be read (${problem.message}) and no backup was usable.${kept} Started with empty data.`,
            movedTo,
          },
    );
    return data;
  }

  private newestGoodBackup(): { data: Data; day: string } | undefined {
    for (const file of listDailyBackups(this.dir)) {
      try {
        const { data } = decodeDataText(readFileSync(file, 'utf8'), this.migrations);
        return { data, day: basename(file).slice(STORE_NAME.length + 1, -'.json'.length) };
      } catch (error) {
        if (!(error instanceof DataValidationError || error instanceof NewerSchemaError)) {
          this.onError(error);
        }
      }
    }
    return undefined;
  }

  /** Picks up a file another writer replaced, if it changed since we last saw it. */
  private syncFromDisk(): void {
    const id = identify(this.path);
    // A deleted file is recreated by the next update; the data we hold stays valid till then.
    if (!id || (this.known && sameFile(id, this.known))) return;
    this.known = id;
    let decoded;
    try {
      decoded = decodeDataFile(this.readBackend(), this.migrations);
    } catch (error) {
      if (error instanceof NewerSchemaError) {
        this.blockedBy = error;
        return;
      }
      if (!(error instanceof DataValidationError)) throw error;
      // Another writer left a bad file: keep it, and put back the last good data we hold.
      const movedTo = moveAside(this.path, this.now()) ?? null;
      this.write(this.cache);
      this.notices.push({
        kind: 'restored-last-good',
        message: `Another program left a data file that could not be read (${error.message}). It was kept aside; the last good data was written back.`,
        movedTo,
      });
      return;
    }
    this.blockedBy = undefined;
    if (isDeepStrictEqual(decoded.data, this.cache)) return;
    this.cache = deepFreeze(decoded.data);
    this.emit('external');
  }

  private readBackend(): unknown {
    try {
      return this.backend.read();
    } catch (error) {
      // conf parses with JSON.parse, whose V8 message quotes the text (which may hold secrets).
      if (error instanceof SyntaxError) throw notJson();
      throw error;
    }
  }

  private write(data: Data): void {
    this.backend.write(toDataFile(data));
    fsyncDir(this.dir);
    this.known = identify(this.path);
  }

  /** At most one backup per local day: the file as it was when the day's first use began. */
  private backupIfNewDay(): void {
    const day = localDay(this.now());
    if (day === this.lastBackupDay) return;
    try {
      backupDaily(this.path, this.dir, day, this.keepBackups);
      this.lastBackupDay = day;
    } catch (error) {
      this.onError(error);
    }
  }

  private startWatching(mode: StoreOptions['watch'], pollMs: number): void {
    if (mode === false) return;
    const check = (): void => {
      if (this.closed) return;
      try {
        this.syncFromDisk();
      } catch (error) {
        this.onError(error);
      }
    };
    if (mode === 'events') {
      const name = basename(this.path);
      try {
        // The folder, not the file: an atomic write replaces the file, and a watch on the old
        // inode would go quiet after the first rename.
        this.watcher = watch(this.dir, { persistent: false }, (_event, file) => {
          if (file === null || file === name) check();
        });
        this.watcher.on('error', (error) => {
          this.onError(error);
          this.watcher?.close();
          this.watcher = undefined;
        });
      } catch (error) {
        this.onError(error);
      }
    }
    // The fallback for file systems that send no events; a stat is cheap.
    this.timer = setInterval(check, pollMs);
    this.timer.unref();
  }

  private emit(origin: ChangeOrigin): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(this.cache, origin);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

function identify(file: string): FileIdentity | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat && { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Freezes `value` and everything in it, so a `read()` result cannot be changed by accident. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
