/**
 * The sync side of the calendar benchmark: the full sync of a source (fetch, cache, worker parse), the
 * re-sync of an unchanged feed (304 from a real HTTP server), and the main-thread stall during a sync.
 */
import { readFile } from 'node:fs/promises';
import ical from 'node-ical';
import type { CalendarSource } from '../shared/domain.js';
import { ParsePool, parseInWorker } from '../main/core/calendar/parse-pool.js';
import { CalendarSync } from '../main/core/calendar/sync.js';
import type { ExpandOptions } from '../main/core/calendar/types.js';
import { BENCH_LIMITS, type CalendarFile, type Operation } from './calendar-subjects.js';
import { startFeedServer } from './feed-server.js';
import { type BenchRow, type Target, skippedRow } from './report.js';
import { collectGarbage, median, nowMs } from './stats.js';
import { type StallResult, measureStall } from './stall.js';

/** The app's sync driven the way the benchmark needs it. */
export interface SyncHarness {
  /** Full sync of a local-file source never seen before (copy to the cache, parse in the worker): key 'sync-file'. */
  fileOperation: Operation;
  /** Sync the URL source `id` once (the first time: fetch; later: a conditional request); resolves to whether it re-parsed. */
  syncUrl: (id: string, url: string) => Promise<{ parsed: boolean }>;
  /** Drop source `id` and its cached copy (outside any timing). */
  forget: (id: string) => Promise<void>;
  close: () => Promise<void>;
}

function source(id: string, location: string, kind: CalendarSource['kind']): CalendarSource {
  return {
    id,
    name: id,
    location,
    kind,
    refreshMinutes: 5,
    role: 'busy',
    addedAt: new Date(0).toISOString(),
  };
}

/** The sync harness over CalendarSync: one warm ParsePool shared by all syncs (as in the app), one CalendarSync per source. */
export function syncHarness(dataDir: string, window: ExpandOptions): SyncHarness {
  const pool = new ParsePool();
  const syncs = new Map<string, CalendarSync>();
  const syncOnce = async (src: CalendarSource): Promise<{ parsed: boolean }> => {
    let sync = syncs.get(src.id);
    if (!sync) {
      sync = new CalendarSync({
        dataDir,
        sources: [src],
        tz: window.tz,
        autoRefresh: false,
        pool,
        parse: BENCH_LIMITS,
      });
      syncs.set(src.id, sync);
    }
    const parses = sync.stats.parses;
    const result = await sync.sync(src.id);
    if (!result.status.ok)
      throw new Error(`sync failed: ${result.status.error ?? 'unknown error'}`);
    return { parsed: sync.stats.parses > parses };
  };
  const forget = async (id: string): Promise<void> => {
    const sync = syncs.get(id);
    syncs.delete(id);
    await sync?.forget(id);
    await sync?.stop();
  };
  let n = 0;
  return {
    fileOperation: {
      key: 'sync-file',
      label: 'CalendarSync: first sync of a file source',
      usesText: false,
      run: async (file) => {
        const id = `file-${n++}`;
        await syncOnce(source(id, file.path, 'file'));
        // Forgetting (deleting the cached copy) is part of the run, but small next to a first sync.
        await forget(id);
      },
    },
    syncUrl: (id, url) => syncOnce(source(id, url, 'url')),
    forget,
    close: async () => {
      for (const id of [...syncs.keys()]) await forget(id);
      await pool.close();
    },
  };
}

/** Re-sync rows: a real feed server on 127.0.0.1 with ETag; the first sync fetches, the next ones get 304s. */
export async function measureResync(
  sync: SyncHarness | string,
  file: CalendarFile,
  section: string,
  subject: string,
  target: Target,
  count: number,
): Promise<BenchRow[]> {
  const metric = 're-sync of an unchanged feed (HTTP 304): time';
  if (typeof sync === 'string') return [skippedRow(section, subject, metric, sync, target)];
  const server = await startFeedServer(await readFile(file.path));
  try {
    const id = `resync-${file.events}`;
    const first = await sync.syncUrl(id, server.url);
    if (!first.parsed) throw new Error('the first sync of a new source did not parse it');
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = nowMs();
      const r = await sync.syncUrl(id, server.url);
      samples.push(nowMs() - t0);
      if (r.parsed) throw new Error('a re-sync of an unchanged feed parsed it again');
    }
    await sync.forget(id);
    const got304 = server.responses.get(304) ?? 0;
    if (got304 < count)
      throw new Error(`the server answered ${got304} of ${count} re-syncs with 304`);
    return [
      {
        section,
        subject,
        metric,
        value: median(samples),
        unit: 'ms',
        target,
        samples,
        note: `median of ${count}; server answered 200×${server.responses.get(200) ?? 0}, 304×${got304}`,
      },
    ];
  } catch (error) {
    return [
      skippedRow(
        section,
        subject,
        metric,
        error instanceof Error ? error.message : String(error),
        target,
      ),
    ];
  } finally {
    await server.close();
  }
}

/** A stall row: the worst of `runs`, each run listed in the note. */
export function stallRow(
  section: string,
  subject: string,
  metric: string,
  runs: readonly StallResult[],
  target?: Target,
): BenchRow {
  const worst = runs.reduce((a, b) => (b.maxGapMs > a.maxGapMs ? b : a));
  const where = (s: StallResult): string =>
    `${s.maxGapMs.toFixed(0)} ms at ${((100 * s.maxGapAtMs) / Math.max(1, s.durationMs)).toFixed(0)}% of ${s.durationMs.toFixed(0)} ms`;
  return {
    section,
    subject,
    metric,
    value: worst.maxGapMs,
    unit: 'ms',
    ...(target ? { target } : {}),
    samples: runs.map((s) => s.maxGapMs),
    note: `worst of ${runs.length} run(s), largest gap between ticks of a 1 ms timer: ${runs.map(where).join('; ')}`,
  };
}

/** Stall rows: the longest main-thread stall while a sync runs, ours (worker) against node-ical's async parse. */
export async function measureStalls(
  sync: SyncHarness | string,
  file: CalendarFile,
  window: ExpandOptions,
  section: string,
  subject: string,
  target: Target,
  rounds: number,
): Promise<BenchRow[]> {
  const server = await startFeedServer(await readFile(file.path));
  let fresh = 0;
  // node-ical's async parse is the contrast, not the subject: one run of it is enough (and takes long).
  const cases: {
    label: string;
    target?: Target;
    runs: number;
    run?: () => Promise<unknown>;
    reason?: string;
  }[] = [
    {
      label: 'parseInWorker(text)',
      target,
      runs: rounds,
      run: () => parseInWorker(file.text, window, BENCH_LIMITS),
    },
    {
      label: 'parseInWorker({file})',
      target,
      runs: rounds,
      run: () => parseInWorker({ file: file.path }, window, BENCH_LIMITS),
    },
    typeof sync === 'string'
      ? { label: 'CalendarSync: first sync of an HTTP feed', target, runs: rounds, reason: sync }
      : {
          label: 'CalendarSync: first sync of an HTTP feed',
          target,
          runs: rounds,
          run: async () => {
            const id = `stall-${fresh++}`;
            await sync.syncUrl(id, server.url);
            await sync.forget(id);
          },
        },
    {
      label: 'node-ical async.parseICS (main thread)',
      runs: 1,
      run: () => ical.async.parseICS(file.text),
    },
  ];
  const rows: BenchRow[] = [];
  try {
    const results = new Map<string, { runs: StallResult[]; error?: string }>(
      cases.map((c) => [c.label, { runs: [] }]),
    );
    let longestRun = 0;
    for (let round = 0; round < rounds; round++) {
      for (const c of cases) {
        const r = results.get(c.label);
        if (!c.run || !r || r.error !== undefined || round >= c.runs) continue;
        try {
          // Collected first, so garbage of the case before (node-ical leaves hundreds of MB) is not swept during this one.
          collectGarbage();
          const s = await measureStall(c.run);
          r.runs.push(s);
          if (c.target) longestRun = Math.max(longestRun, s.durationMs);
        } catch (error) {
          r.error = error instanceof Error ? error.message : String(error);
        }
      }
    }
    // The control: the main thread doing nothing for as long as our longest sync took. On a busy machine
    // the OS alone can hold the thread off for a while; a worker figure near this one is that, not our code.
    const idle: StallResult[] = [];
    for (let round = 0; round < rounds && longestRun > 0; round++) {
      idle.push(
        await measureStall(
          () => new Promise((resolve) => setTimeout(resolve, Math.min(longestRun, 10_000))),
        ),
      );
    }
    for (const c of cases) {
      const metric = `${c.label}: longest stall`;
      const r = results.get(c.label);
      const reason = c.reason ?? r?.error;
      if (reason !== undefined || !r) {
        rows.push(skippedRow(section, subject, metric, reason ?? 'not measured', c.target));
        continue;
      }
      rows.push(stallRow(section, subject, metric, r.runs, c.target));
    }
    if (idle.length > 0) {
      const metric = `control: idle main thread for ${longestRun.toFixed(0)} ms: longest stall`;
      rows.push(stallRow(section, subject, metric, idle));
    }
  } finally {
    await server.close();
  }
  return rows;
}
