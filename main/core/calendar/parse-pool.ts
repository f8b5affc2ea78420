/** Runs expandIcs off the main thread in a worker with memory and wall-time limits; a broken calendar cannot take the app down. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChunkAck, ParseInput, ParseReply, ParseRequest } from './parse-protocol.js';
import { SourceError, formatSeconds } from './source-error.js';
import type { ExpandOptions, ExpandResult, ExpandedEvent, ParseWarning } from './types.js';

export type { ParseInput } from './parse-protocol.js';

/** Limits for one parse. */
export interface ParseLimits {
  /** Wall time before the worker is terminated (default 20 000 ms). */
  timeoutMs?: number;
  /** V8 old-space cap of the worker (default 512 MB). */
  maxOldGenerationSizeMb?: number;
  /** Tests only: make the worker hang or exhaust its memory. */
  testHook?: ParseRequest['testHook'];
}

/** Default limits. */
export const PARSE_DEFAULTS = { timeoutMs: 20_000, maxOldGenerationSizeMb: 512 } as const;

/** A worker that has not loaded its modules after this long is broken (not the calendar). */
const BOOT_LIMIT_MS = 60_000;

interface Job {
  request: ParseRequest;
  timeoutMs: number;
  resolve: (result: ExpandResult) => void;
  reject: (error: Error) => void;
  events: ExpandedEvent[];
  warnings: ParseWarning[];
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its modules: start-up (100 ms bundled, 1–2 s through tsx) is not the calendar's fault. */
  ready: boolean;
  maxOldGenerationSizeMb: number;
  job?: Job;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
  /** Set once we terminate it on purpose, so its exit is not reported as a crash. */
  ending?: SourceError;
}

/** How the worker is started: the bundled .js beside this module, else the .ts source through tsx (Vitest, dev). */
export function workerEntry(): { url: URL; bundled: boolean } {
  const bundled = new URL('./parse-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return { url: bundled, bundled: true };
  return { url: new URL('./parse-worker.ts', import.meta.url), bundled: false };
}

function startWorker(maxOldGenerationSizeMb: number): Worker {
  const entry = workerEntry();
  const resourceLimits = { maxOldGenerationSizeMb };
  // Workers inherit the process's flags; `node --input-type=module -e …` would make the worker refuse to start.
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
  if (entry.bundled) return new Worker(entry.url, { resourceLimits, execArgv });
  // `execArgv: ['--import', 'tsx']` does not apply tsx's hooks to a worker's entry on Node 20, so the worker
  // registers tsx itself and then imports the TypeScript entry.
  // The ESM build of the API: its CommonJS build cannot find its own chunks when loaded from an eval worker.
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const boot = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.url.href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits, execArgv });
}

/**
 * A small pool of parse workers. Jobs beyond `maxWorkers` (default 1: one core stays free for the UI) queue.
 * Measured (bundled, 2-core box): starting a worker costs 100–150 ms (up to 500 ms under load) against
 * 0.1–0.6 ms for a small parse in a warm one, but an idle worker holds ~18 MB and one that just read a
 * 26 MB calendar ~150 MB. So a worker stays warm for a burst (start-up loads, a sync of all sources) and
 * ends after `idleMs` (default 30 s), well inside the 5-minute refresh; idle workers never keep the process alive.
 */
export class ParsePool {
  private readonly slots = new Set<Slot>();
  private readonly queue: { job: Job; maxOld: number }[] = [];
  private nextId = 1;
  /** Workers started so far (for tests and measurements). */
  started = 0;

  constructor(private readonly settings: { maxWorkers?: number; idleMs?: number } = {}) {}

  /** Parses `input` in a worker; rejects with SourceError code 'parse' (unreadable, too slow, out of memory). */
  parse(
    input: ParseInput,
    options: ExpandOptions,
    limits: ParseLimits = {},
  ): Promise<ExpandResult> {
    return new Promise((resolve, reject) => {
      const request: ParseRequest = {
        id: this.nextId++,
        input,
        options,
        ...(limits.testHook ? { testHook: limits.testHook } : {}),
      };
      const job: Job = {
        request,
        timeoutMs: limits.timeoutMs ?? PARSE_DEFAULTS.timeoutMs,
        resolve,
        reject,
        events: [],
        warnings: [],
      };
      this.queue.push({
        job,
        maxOld: limits.maxOldGenerationSizeMb ?? PARSE_DEFAULTS.maxOldGenerationSizeMb,
      });
      this.pump();
    });
  }

  /** Terminates every worker; queued and running jobs fail with 'cancelled'. */
  async close(): Promise<void> {
    for (const { job } of this.queue.splice(0)) job.reject(new SourceError('parse', 'cancelled'));
    await Promise.all(
      [...this.slots].map((slot) => this.end(slot, new SourceError('parse', 'cancelled'))),
    );
  }

  /** Number of live workers. */
  get size(): number {
    return this.slots.size;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (!next) return;
      let slot = [...this.slots].find(
        (s) => !s.job && !s.ending && s.maxOldGenerationSizeMb === next.maxOld,
      );
      if (!slot) {
        const idle = [...this.slots].find((s) => !s.job && !s.ending);
        // A warm worker with other limits is replaced rather than counted against the pool size.
        if (idle) void this.end(idle);
        if ([...this.slots].filter((s) => !s.ending).length >= (this.settings.maxWorkers ?? 1))
          return;
        slot = this.spawn(next.maxOld);
      }
      this.queue.shift();
      this.run(slot, next.job);
    }
  }

  private spawn(maxOld: number): Slot {
    const slot: Slot = {
      worker: startWorker(maxOld),
      maxOldGenerationSizeMb: maxOld,
      ready: false,
    };
    this.started++;
    this.slots.add(slot);
    slot.worker.on('message', (reply: ParseReply) => this.onReply(slot, reply));
    slot.worker.on('error', (error: Error & { code?: string }) => {
      const mb = slot.maxOldGenerationSizeMb;
      slot.ending ??=
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new SourceError(
              'parse',
              `needed more than ${mb} MB of memory to read; the calendar may be broken`,
            )
          : new SourceError('parse', `the calendar reader failed: ${error.message}`);
    });
    slot.worker.on('exit', () => {
      this.slots.delete(slot);
      clearTimeout(slot.timer);
      clearTimeout(slot.idleTimer);
      slot.job?.reject(
        slot.ending ?? new SourceError('parse', 'the calendar reader stopped unexpectedly'),
      );
      slot.job = undefined;
      this.pump();
    });
    return slot;
  }

  private run(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    slot.job = job;
    slot.worker.ref(); // a running parse keeps a CLI alive until it answers
    if (slot.ready) this.startClock(slot, job);
    else
      slot.timer = setTimeout(
        () => void this.end(slot, new SourceError('parse', 'the calendar reader did not start')),
        BOOT_LIMIT_MS,
      );
    slot.worker.postMessage(job.request);
  }

  private startClock(slot: Slot, job: Job): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      void this.end(
        slot,
        new SourceError(
          'parse',
          `took longer than ${formatSeconds(job.timeoutMs)} to read; the calendar may be broken`,
        ),
      );
    }, job.timeoutMs);
  }

  private onReply(slot: Slot, reply: ParseReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      if (slot.job && !slot.ending) this.startClock(slot, slot.job);
      return;
    }
    const job = slot.job;
    // Replies racing a terminate we already decided on are dropped: the job fails with the reason we chose.
    if (!job || slot.ending || reply.id !== job.request.id) return;
    if (reply.type === 'events') {
      for (const event of reply.events) job.events.push(event);
      // Ask for the next chunk only after timers and I/O had their turn (see ChunkAck).
      const ack: ChunkAck = { type: 'more', id: job.request.id };
      setImmediate(() => {
        if (slot.job === job && !slot.ending) slot.worker.postMessage(ack);
      });
      return;
    }
    if (reply.type === 'warnings') {
      for (const warning of reply.warnings) job.warnings.push(warning);
      return;
    }
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    if (reply.type === 'done') {
      job.resolve({
        events: job.events,
        warnings: job.warnings,
        ...(reply.calendarName !== undefined ? { calendarName: reply.calendarName } : {}),
      });
    } else {
      const prefix =
        reply.name === 'CalendarParseError'
          ? 'not a readable calendar'
          : 'the calendar reader failed';
      job.reject(new SourceError('parse', `${prefix}: ${reply.message}`));
    }
    slot.idleTimer = setTimeout(() => void this.end(slot), this.settings.idleMs ?? 30_000);
    slot.idleTimer.unref();
    this.pump();
  }

  private async end(slot: Slot, reason?: SourceError): Promise<void> {
    slot.ending ??= reason ?? new SourceError('parse', 'cancelled');
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    await slot.worker.terminate();
  }
}

let shared: ParsePool | undefined;

/** Parses `input` off the main thread in the shared warm pool; see ParsePool.parse. */
export function parseInWorker(
  input: ParseInput,
  options: ExpandOptions,
  limits?: ParseLimits,
): Promise<ExpandResult> {
  shared ??= new ParsePool();
  return shared.parse(input, options, limits);
}

/** Stops the shared pool's workers (tests, app quit). */
export async function closeSharedParsePool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
