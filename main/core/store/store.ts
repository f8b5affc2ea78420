/**
 * The persistence interface the core sees, and its headless implementation backed by `conf`.
 * The desktop app uses the same engine with `electron-store` (main/app/electron-store-adapter.ts).
 */
import { join } from 'node:path';
import Conf from 'conf';
import { openStoreWith } from './engine.js';
import { FILE_MODE, STORE_NAME } from './files.js';
import type { Migration } from './migrate.js';
import type { Data } from './schema.js';

/** Where a change came from: this store's `update`, or another writer of the same file. */
export type ChangeOrigin = 'local' | 'external';

/** Something the user should be told about their data (shown once by the app or the CLI). */
export interface StoreNotice {
  /**
   * restored-backup: the file was damaged or missing and a daily backup replaced it;
   * restored-last-good: another writer left a damaged file and this process wrote back the copy it
   * held; reset: nothing valid was left and the data set started empty.
   */
  kind: 'restored-backup' | 'restored-last-good' | 'reset';
  message: string;
  /** Where the damaged file was kept (null when there was no file to keep). */
  movedTo: string | null;
}

/** The data set on disk: read from memory, write-through, notified of other writers. */
export interface DataStore {
  /** The current data set (deep-frozen: change it through `update`). */
  read(): Data;
  /**
   * Applies `fn` to a mutable copy (mutate it or return a replacement), validates the result, and
   * returns once it is on disk. Throws `DataValidationError` and writes nothing when it is invalid.
   */
  update(fn: (draft: Data) => Data | void): Data;
  /** Calls `cb` after every change, ours or another process's; returns the unsubscribe function. */
  onChange(cb: (data: Data, origin: ChangeOrigin) => void): () => void;
  /** Problems found and repaired since the store was opened. */
  readonly notices: readonly StoreNotice[];
  /** Absolute path of the data file. */
  readonly path: string;
  /** Stops watching the file; later `update`s throw. */
  close(): void;
}

/** The file backend the engine writes through (conf headless, electron-store in the app). */
export interface Backend {
  /** Absolute path of the file the backend reads and writes. */
  readonly path: string;
  /** The parsed file. Throws `SyntaxError` when it is not JSON. Only called when the file exists. */
  read(): unknown;
  /** Replaces the file's content atomically and durably. */
  write(data: Record<string, unknown>): void;
}

/** Makes the backend for a data folder. */
export type BackendFactory = (dataDir: string) => Backend;

/** How another writer's changes are noticed. */
export type WatchMode = 'events' | 'poll' | false;

/** Options of `openStore` (defaults suit the app; tests replace the clock and the migrations). */
export interface StoreOptions {
  /** Clock for backup names and corrupt-file stamps. */
  now?: () => Date;
  /** Migrations to apply on load (default: the real `MIGRATIONS`). */
  migrations?: readonly Migration[];
  /** Daily backups to keep (default 14). */
  keepBackups?: number;
  /**
   * 'events' (default): fs.watch on the folder plus a cheap stat check every `pollMs` in case the
   * file system sends no events (network and some container mounts); 'poll': the stat check only;
   * false: no watching (one-shot commands).
   */
  watch?: WatchMode;
  /** Interval of the stat check (default 750 ms, so a change arrives within a second without events). */
  pollMs?: number;
  /** Where errors of listeners and of the watcher go (default: console.error). */
  onError?: (error: unknown) => void;
}

/** What both file libraries (conf, electron-store) offer: the whole document as one property. */
export interface WholeDocumentStore {
  store: Record<string, unknown>;
}

/**
 * A `Backend` over a conf-like library, created lazily: its constructor reads the file and throws
 * on bad JSON, and the engine wants to see that error from `read()`, after which it moves the file
 * aside and writes a good one.
 */
export function lazyBackend(dataDir: string, create: () => WholeDocumentStore): Backend {
  let instance: WholeDocumentStore | undefined;
  return {
    path: join(dataDir, `${STORE_NAME}.json`),
    read: () => (instance ??= create()).store,
    write: (data) => {
      (instance ??= create()).store = data;
    },
  };
}

/** A `Backend` over `conf` (same file format as electron-store). */
export function confBackend(dataDir: string): Backend {
  return lazyBackend(
    dataDir,
    () =>
      new Conf<Record<string, unknown>>({
        cwd: dataDir,
        configName: STORE_NAME,
        projectName: STORE_NAME,
        configFileMode: FILE_MODE,
        // Never: conf would answer a broken file with {} and the next write would destroy it.
        clearInvalidConfig: false,
      }),
  );
}

/** Opens (creating, repairing or migrating as needed) the data set in `dataDir`, backed by conf. */
export function openStore(dataDir: string, options?: StoreOptions): DataStore {
  return openStoreWith(confBackend, dataDir, options);
}
