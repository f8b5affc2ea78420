/** Keeps every calendar source in sync: fetch, parse off-thread, cache the last good copy, report per source. */
import { EventEmitter } from 'node:events';
import { rm } from 'node:fs/promises';
import type { CalendarSource, SourceStatus } from '../../../shared/domain.js';
import { type FetchOptions, type FetchResult, fetchSource } from './fetch-source.js';
import { type ParseInput, type ParseLimits, ParsePool } from './parse-pool.js';
import { type CacheMeta, type CachedCopy, SourceCache, locationKey } from './source-cache.js';
import { SourceError } from './source-error.js';
import type { ExpandResult, ExpandedEvent, ParseWarning } from './types.js';
import type { Log } from '../log/log.js';

const DAY = 24 * 60 * 60 * 1000;

/** What one source currently contributes, emitted after every load or sync of it. */
export interface SyncResult {
  source: CalendarSource;
  status: SourceStatus;
  /** The occurrences in the window: from the last good copy when the latest attempt failed. */
  events: ExpandedEvent[];
  warnings: ParseWarning[];
  calendarName?: string;
}

/** Settings of a CalendarSync. */
export interface CalendarSyncOptions {
  dataDir: string;
  sources?: CalendarSource[];
  /** The viewer's IANA zone for floating times and all-day dates (default: the system zone). */
  tz?: string;
  /** Days of the window before and after today (default 35 and 60). */
  pastDays?: number;
  futureDays?: number;
  /** The clock (tests). */
  now?: () => number;
  /** Fetch limits (timeout, size, redirects, insecure http). */
  fetch?: Omit<FetchOptions, 'signal' | 'destination'>;
  /** Parse limits (wall time, memory). */
  parse?: ParseLimits;
  /** Parse workers to use (default: a pool owned and closed by this sync). */
  pool?: ParsePool;
  /** Refresh each source every `refreshMinutes` (default true). */
  autoRefresh?: boolean;
  /** Shortest refresh interval honoured (default 60 000 ms; tests lower it). */
  minRefreshMs?: number;
  /** Where failures that leave no status behind are noted. */
  log?: Log;
}

interface Parsed {
  windowKey: string;
  result: ExpandResult;
}

interface Entry {
  source: CalendarSource;
  copy?: CachedCopy;
  parsed?: Parsed;
  status: SourceStatus;
  loading?: Promise<void>;
  syncing?: Promise<SyncResult>;
  timer?: NodeJS.Timeout;
  abort?: AbortController;
}

/** Syncs calendar sources and emits `result` (a SyncResult) for each source whenever its data or status changes. */
export class CalendarSync extends EventEmitter<{ result: [SyncResult] }> {
  private readonly entries = new Map<string, Entry>();
  private readonly cache: SourceCache;
  private readonly pool: ParsePool;
  private readonly ownsPool: boolean;
  private readonly now: () => number;
  private tz: string;
  private stopped = false;
  private dayTimer: NodeJS.Timeout | undefined;
  /** Counters for tests and diagnostics. */
  readonly stats = { fetches: 0, parses: 0 };

  constructor(private readonly options: CalendarSyncOptions) {
    super();
    this.cache = new SourceCache(options.dataDir);
    this.pool = options.pool ?? new ParsePool();
    this.ownsPool = options.pool === undefined;
    this.now = options.now ?? Date.now;
    this.tz = options.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const source of options.sources ?? [])
      this.entries.set(source.id, { source, status: { id: source.id, ok: true } });
  }

  /** Loads every cached copy (so the app works offline), then starts syncing and refreshing each source. */
  async start(): Promise<void> {
    await this.loadCached();
    for (const entry of this.entries.values()) void this.sync(entry.source.id);
    this.armDayTimer();
  }

  /** Loads every cached copy without fetching (one-shot commands and offline starts). */
  async loadCached(): Promise<void> {
    // Leftover temp files only take space: a folder that cannot be cleared must not stop the copies loading.
    await this.cache.removeStale().catch((error: unknown) => {
      this.options.log?.warn('leftover calendar temp files could not be removed', { error });
    });
    await Promise.all([...this.entries.values()].map((entry) => this.load(entry)));
  }

  /** The expansion window: whole UTC days from today−pastDays to today+futureDays, so it moves once a day. */
  window(): { from: number; to: number } {
    const today = Math.floor(this.now() / DAY) * DAY;
    return {
      from: today - (this.options.pastDays ?? 35) * DAY,
      to: today + ((this.options.futureDays ?? 60) + 1) * DAY,
    };
  }

  /** The latest result of every source. */
  results(): SyncResult[] {
    return [...this.entries.values()].map((entry) => this.resultOf(entry));
  }

  /** Replaces the source list: new sources load and sync, removed ones stop, changed ones re-sync. Cached files stay (see forget). */
  setSources(sources: CalendarSource[]): void {
    const ids = new Set(sources.map((s) => s.id));
    for (const [id, entry] of this.entries) {
      if (ids.has(id)) continue;
      clearTimeout(entry.timer);
      entry.timer = undefined;
      entry.abort?.abort();
      this.entries.delete(id);
    }
    for (const source of sources) {
      const entry = this.entries.get(source.id);
      if (!entry) {
        const fresh: Entry = { source, status: { id: source.id, ok: true } };
        this.entries.set(source.id, fresh);
        void this.load(fresh).then(() =>
          this.entries.get(source.id) === fresh ? this.sync(source.id) : undefined,
        );
        continue;
      }
      const before = entry.source;
      entry.source = source;
      if (before.location !== source.location || before.kind !== source.kind) {
        // A sync of the old location is cancelled rather than joined; the new one follows it.
        entry.abort?.abort();
        void (entry.syncing ?? Promise.resolve()).then(() =>
          this.entries.get(source.id) === entry ? this.sync(source.id) : undefined,
        );
      } else if (before.refreshMinutes !== source.refreshMinutes) this.schedule(entry);
      else this.emit('result', this.resultOf(entry));
    }
  }

  /** Removes a source and deletes its cached copy. */
  async forget(id: string): Promise<void> {
    this.setSources([...this.entries.values()].map((e) => e.source).filter((s) => s.id !== id));
    await this.cache.remove(id);
  }

  /** Ids of the sources with a refresh timer armed (diagnostics, tests). */
  scheduled(): string[] {
    return [...this.entries.values()].filter((e) => e.timer !== undefined).map((e) => e.source.id);
  }

  /** Syncs one source now; a sync already running for it is joined, not repeated. Rejects only for an unknown id. */
  sync(id: string): Promise<SyncResult> {
    const entry = this.entries.get(id);
    if (!entry) return Promise.reject(new Error(`unknown calendar source ${id}`));
    entry.syncing ??= (async () => {
      await entry.loading;
      try {
        return await this.syncEntry(entry);
      } finally {
        entry.syncing = undefined;
        this.schedule(entry);
      }
    })();
    return entry.syncing;
  }

  /** Syncs every source (concurrently; parsing is queued in the pool). */
  syncAll(): Promise<SyncResult[]> {
    return Promise.all([...this.entries.keys()].map((id) => this.sync(id)));
  }

  /** Re-expands every source whose window or zone moved, from its cached copy, without fetching (day change, resume, zone change). */
  async refreshWindow(tz: string = this.tz): Promise<void> {
    this.tz = tz;
    await Promise.all(
      [...this.entries.values()].map(async (entry) => {
        if (entry.parsed?.windowKey === this.windowKey() || !entry.copy) return;
        await this.expandCached(entry).catch((error: unknown) => this.fail(entry, error));
        this.emit('result', this.resultOf(entry));
      }),
    );
  }

  /** Stops timers, cancels fetches and ends the parse workers (when owned). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.dayTimer);
    for (const entry of this.entries.values()) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
      entry.abort?.abort();
    }
    await Promise.allSettled([...this.entries.values()].map((e) => e.syncing));
    if (this.ownsPool) await this.pool.close();
  }

  private async load(entry: Entry): Promise<void> {
    entry.loading = (async () => {
      const copy = await this.cache.read(entry.source.id);
      if (!copy) return;
      entry.copy = copy;
      try {
        await this.expandCached(entry);
        entry.status = { id: entry.source.id, ok: true, ...this.copyStatus(entry) };
      } catch (error) {
        this.fail(entry, error, 'the cached copy could not be read: ');
      }
      this.emit('result', this.resultOf(entry));
    })();
    await entry.loading;
  }

  private async syncEntry(entry: Entry): Promise<SyncResult> {
    const { source } = entry;
    const attemptAt = new Date(this.now()).toISOString();
    entry.status = { ...entry.status, lastAttemptAt: attemptAt };
    const key = locationKey(source.location);
    const meta = entry.copy?.meta;
    // Validators belong to the URL they came from; after a location change fetch unconditionally.
    const previous =
      meta && meta.sha256 && meta.locationKey === key
        ? { etag: meta.etag, lastModified: meta.lastModified }
        : undefined;
    const staging = await this.cache.stagingPath(source.id);
    entry.abort = new AbortController();
    let committed = false;
    let expanded = false;
    try {
      if (this.stopped) throw new SourceError('network', 'the sync was stopped');
      this.stats.fetches++;
      const fetched: FetchResult = await fetchSource(source, previous, {
        ...this.options.fetch,
        signal: entry.abort.signal,
        destination: staging,
      });
      const copy = entry.copy;
      if (!fetched.changed || (copy && fetched.sha256 === copy.meta.sha256)) {
        // Unchanged: keep the cached bytes, remember the validators, and reuse the parse unless the window moved.
        if (!copy)
          throw new SourceError('http', 'the server said "unchanged" but there is no cached copy');
        copy.meta = {
          ...copy.meta,
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          checkedAt: attemptAt,
          locationKey: key,
        };
        await this.cache.writeMeta(source.id, copy.meta, { durable: false });
        if (entry.parsed?.windowKey !== this.windowKey()) {
          expanded = true;
          await this.expandCached(entry);
        }
      } else {
        const result = await this.parse(entry, {
          file: staging,
          ...(fetched.charset ? { charset: fetched.charset } : {}),
        });
        const newMeta: CacheMeta = {
          ...(fetched.etag ? { etag: fetched.etag } : {}),
          ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
          fetchedAt: attemptAt,
          checkedAt: attemptAt,
          bytes: fetched.bytes,
          sha256: fetched.sha256,
          ...(fetched.charset ? { charset: fetched.charset } : {}),
          locationKey: key,
        };
        await this.cache.commit(source.id, staging, newMeta);
        committed = true;
        entry.copy = { path: this.cache.icsPath(source.id), meta: newMeta };
        entry.parsed = { windowKey: this.windowKey(), result };
      }
      entry.status = {
        id: source.id,
        ok: true,
        lastAttemptAt: attemptAt,
        lastSuccessAt: attemptAt,
        ...this.copyStatus(entry),
      };
    } catch (error) {
      // The last good copy and its events stay; only the status tells what went wrong.
      if (!expanded && entry.copy && entry.parsed?.windowKey !== this.windowKey())
        await this.expandCached(entry).catch((reread: unknown) =>
          this.options.log?.warn('the cached copy could not be read again', {
            calendar: source.name,
            error: reread,
          }),
        );
      this.fail(entry, error);
    } finally {
      if (!committed) await rm(staging, { force: true });
      entry.abort = undefined;
    }
    const result = this.resultOf(entry);
    // Not reported: a removed source, or one whose location changed meanwhile (its next sync reports).
    if (this.entries.get(source.id) === entry && entry.source.location === source.location)
      this.emit('result', result);
    return result;
  }

  /** Parses the cached copy for the current window (a new day, a new zone, or start-up). */
  private async expandCached(entry: Entry): Promise<void> {
    const copy = entry.copy;
    if (!copy) return;
    const windowKey = this.windowKey();
    const result = await this.parse(entry, {
      file: copy.path,
      ...(copy.meta.charset ? { charset: copy.meta.charset } : {}),
    });
    entry.parsed = { windowKey, result };
  }

  private parse(entry: Entry, input: ParseInput): Promise<ExpandResult> {
    this.stats.parses++;
    const { from, to } = this.window();
    return this.pool.parse(
      input,
      { from, to, tz: this.tz, sourceName: entry.source.name },
      this.options.parse,
    );
  }

  private fail(entry: Entry, error: unknown, prefix = ''): void {
    const message = error instanceof Error ? error.message : String(error);
    const { lastSuccessAt, lastAttemptAt } = entry.status;
    entry.status = {
      id: entry.source.id,
      ok: false,
      error: `${prefix}${message}`,
      ...(lastAttemptAt ? { lastAttemptAt } : {}),
      ...(lastSuccessAt ? { lastSuccessAt } : {}),
      ...this.copyStatus(entry),
    };
  }

  /** Status fields that describe the copy in use. */
  private copyStatus(entry: Entry): Partial<SourceStatus> {
    const meta = entry.copy?.meta;
    const result = entry.parsed?.result;
    return {
      ...(meta ? { cachedAt: meta.fetchedAt, bytes: meta.bytes } : {}),
      ...(meta && !entry.status.lastSuccessAt
        ? { lastSuccessAt: meta.checkedAt ?? meta.fetchedAt }
        : {}),
      ...(result ? { eventCount: result.events.length, warnings: result.warnings.length } : {}),
    };
  }

  private resultOf(entry: Entry): SyncResult {
    const result = entry.parsed?.result;
    return {
      source: entry.source,
      status: entry.status,
      events: result?.events ?? [],
      warnings: result?.warnings ?? [],
      ...(result?.calendarName !== undefined ? { calendarName: result.calendarName } : {}),
    };
  }

  private windowKey(): string {
    const { from, to } = this.window();
    return `${from}/${to}/${this.tz}`;
  }

  /** Slides the window at the next day boundary even for sources with long refresh intervals. */
  private armDayTimer(): void {
    clearTimeout(this.dayTimer);
    if (this.stopped) return;
    const delay = DAY - (this.now() % DAY) + 1000;
    this.dayTimer = setTimeout(() => {
      void this.refreshWindow().finally(() => this.armDayTimer());
    }, delay);
    this.dayTimer.unref();
  }

  /** One timer per source, re-armed after every sync; unref'd so it never keeps a process alive. */
  private schedule(entry: Entry): void {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    if (
      this.stopped ||
      this.options.autoRefresh === false ||
      this.entries.get(entry.source.id) !== entry
    )
      return;
    const minutes = entry.source.refreshMinutes > 0 ? entry.source.refreshMinutes : 5;
    const delay = Math.max(minutes * 60_000, this.options.minRefreshMs ?? 60_000);
    entry.timer = setTimeout(() => void this.sync(entry.source.id), delay);
    entry.timer.unref();
  }
}
