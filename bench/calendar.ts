/**
 * The calendar section of `npm run bench`: read speed against node-ical and the floor, peak memory,
 * re-sync of an unchanged feed, the longest main-thread stall during a sync, and the status query.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeSharedParsePool } from '../main/core/calendar/parse-pool.js';
import { measureInChild } from './calendar-memory.js';
import { statusRows } from './calendar-status.js';
import {
  type Availability,
  type CalendarFile,
  type Operation,
  calendarOperations,
  syncWindow,
} from './calendar-subjects.js';
import { measureResync, measureStalls, syncHarness } from './calendar-sync.js';
import { generateCalendar } from './generate-calendar.js';
import { interleave } from './interleave.js';
import {
  type BenchRow,
  type SectionContext,
  type SectionResult,
  type Section,
  skippedRow,
} from './report.js';
import { formatMB, mbPerSec, median } from './stats.js';

const SECTION = 'calendar';
const SEED = 20_240_601;

/** Targets from the performance brief. */
export const TARGETS = {
  speedupVsNodeIcal: { op: '>=', value: 4 },
  stallMs: { op: '<', value: 20 },
  resyncMs: { op: '<', value: 50 },
  statusNs: { op: '<', value: 10_000 },
} as const;

function subjectOf(file: CalendarFile): string {
  return `${file.events >= 1000 ? `${file.events / 1000}k` : file.events} events, ${formatMB(file.bytes)}`;
}

function labelOf(a: Availability): string {
  return 'op' in a ? a.op.label : a.label;
}

/** Rows for the timings of one file: each operation's median, then the ratios that matter. */
function timingRows(
  file: CalendarFile,
  avail: readonly Availability[],
  samples: Map<string, number[]>,
): BenchRow[] {
  const subject = subjectOf(file);
  const rows: BenchRow[] = [];
  for (const a of avail) {
    const key = 'op' in a ? a.op.key : a.key;
    const s = samples.get(key);
    if (!('op' in a) || !s) {
      rows.push(
        skippedRow(SECTION, subject, `${labelOf(a)}: time`, 'op' in a ? 'not measured' : a.reason),
      );
      continue;
    }
    const ms = median(s);
    rows.push({
      section: SECTION,
      subject,
      metric: `${a.op.label}: time`,
      value: ms,
      unit: 'ms',
      also: { value: mbPerSec(file.bytes, ms), unit: 'MB/s' },
      samples: s,
    });
  }
  const paired = (a: string, b: string): number[] | undefined => {
    const x = samples.get(a);
    const y = samples.get(b);
    return x && y && x.length === y.length ? x.map((v, i) => v / (y[i] ?? Number.NaN)) : undefined;
  };
  const speedup = paired('node-ical', 'expand');
  const speedupMetric = 'speedup: node-ical time ÷ expandIcs time';
  // The ≥ 4× target is for the 50k calendar; smaller files show the ratio as a figure.
  const target = file.events >= 50_000 ? TARGETS.speedupVsNodeIcal : undefined;
  rows.push(
    speedup
      ? {
          section: SECTION,
          subject,
          metric: speedupMetric,
          value: median(speedup),
          unit: '×',
          samples: speedup,
          ...(target ? { target } : {}),
          note: 'median of per-round ratios',
        }
      : skippedRow(SECTION, subject, speedupMetric, 'expandIcs not measured', target),
  );
  const vsFloor = paired('expand', 'floor');
  const floorMetric = 'expandIcs time ÷ floor time';
  rows.push(
    vsFloor
      ? {
          section: SECTION,
          subject,
          metric: floorMetric,
          value: median(vsFloor),
          unit: '×',
          samples: vsFloor,
          note: 'median of per-round ratios; 1× would be as fast as unfolding lines',
        }
      : skippedRow(SECTION, subject, floorMetric, 'expandIcs not measured'),
  );
  return rows;
}

/** Peak-RSS rows for one file: each memory-relevant operation once in a fresh child process. */
async function memoryRows(
  file: CalendarFile,
  avail: readonly Availability[],
  now: number,
  ctx: SectionContext,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const a of avail) {
    const key = 'op' in a ? a.op.key : a.key;
    if (key === 'floor' || key === 'worker-text') continue;
    const metric = `${labelOf(a)}: peak RSS`;
    if (!('op' in a)) {
      rows.push(skippedRow(SECTION, subjectOf(file), metric, a.reason));
      continue;
    }
    ctx.log(`  memory: ${a.op.label} on ${subjectOf(file)} (child process)`);
    try {
      const r = await measureInChild(key, file.path, now);
      rows.push({
        section: SECTION,
        subject: subjectOf(file),
        metric,
        value: r.peakRssBytes / 1e6,
        unit: 'MB',
        also: { value: (r.peakRssBytes - r.rssBeforeBytes) / 1e6, unit: 'MB over start' },
        note: `fresh process warmed on a 1-event calendar, getrusage maxRSS; RSS before the call ${formatMB(r.rssBeforeBytes)} (node, tsx, modules${key.startsWith('worker') || key.startsWith('sync') ? ', a warm worker' : ''}${a.op.usesText ? ', the text' : ''}); ${r.ms.toFixed(0)} ms`,
      });
    } catch (error) {
      rows.push(
        skippedRow(
          SECTION,
          subjectOf(file),
          metric,
          error instanceof Error ? error.message : String(error),
        ),
      );
    }
  }
  return rows;
}

/** Replace operations that threw with the reason, so their rows say "skipped: …" instead of crashing the run. */
function withFailures(
  avail: readonly Availability[],
  failures: ReadonlyMap<string, string>,
): Availability[] {
  return avail.map((a) => {
    const reason = 'op' in a ? failures.get(a.op.key) : undefined;
    return 'op' in a && reason !== undefined ? { key: a.op.key, label: a.op.label, reason } : a;
  });
}

async function run(ctx: SectionContext): Promise<SectionResult> {
  const sizes = ctx.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
  const roundsFor = (events: number): number => (ctx.quick ? 3 : events >= 50_000 ? 5 : 7);
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const window = syncWindow(now);
  const dir = await mkdtemp(join(tmpdir(), 'office-hours-bench-'));
  const meta: Record<string, unknown> = {
    now: new Date(now).toISOString(),
    window: {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      tz: window.tz,
    },
    seed: SEED,
    timingMethod:
      'interleaved rounds (order rotated each round, gc before each run) after 3 warm-up runs on the smallest file; medians',
    memoryMethod:
      'one fresh child process per measurement; peak = getrusage maxRSS (includes worker threads)',
    stallMethod:
      'largest gap between ticks of a 1 ms setInterval on the main thread, worst of the runs; plus an idle control',
  };
  const sync = syncHarness(join(dir, 'data'), window);
  try {
    const files: CalendarFile[] = [];
    for (const events of sizes) {
      const text = generateCalendar({ events, seed: SEED, now: new Date(now) });
      const path = join(dir, `calendar-${events}.ics`);
      await writeFile(path, text);
      files.push({ events, path, text, bytes: Buffer.byteLength(text) });
    }
    meta.files = files.map((f) => ({
      events: f.events,
      bytes: f.bytes,
      rounds: roundsFor(f.events),
    }));
    ctx.log(
      `calendars: ${files.map(subjectOf).join('; ')}; window now−35d … now+60d (${window.tz})`,
    );

    let avail: Availability[] = [...(await calendarOperations(window)), { op: sync.fileOperation }];
    const smallest = files[0];
    if (smallest) {
      // Warm-up: compile every path (and start the workers) before anything is timed; what throws is skipped.
      const warm = await interleave(
        avail.flatMap((a) => ('op' in a ? [a.op] : [])),
        smallest,
        3,
      );
      avail = withFailures(avail, warm.failures);
    }
    for (const a of avail) if (!('op' in a)) ctx.log(`skipped ${a.label}: ${a.reason}`);
    const syncReason = avail.find((a) => !('op' in a) && a.key === 'sync-file');
    const syncOrReason = syncReason && !('op' in syncReason) ? syncReason.reason : sync;

    const perFile: BenchRow[][] = files.map(() => []);
    for (const [i, file] of files.entries()) {
      const ops: Operation[] = avail.flatMap((a) => ('op' in a ? [a.op] : []));
      ctx.log(
        `timing ${subjectOf(file)}: ${roundsFor(file.events)} interleaved rounds of ${ops.map((o) => o.key).join(', ')}`,
      );
      const timed = await interleave(ops, file, roundsFor(file.events), (r) =>
        ctx.log(`  round ${r + 1} done`),
      );
      perFile[i]?.push(...timingRows(file, withFailures(avail, timed.failures), timed.samples));
    }
    for (const [i, file] of files.entries())
      perFile[i]?.push(...(await memoryRows(file, avail, now, ctx)));
    for (const [i, file] of files.entries()) {
      ctx.log(`re-sync of an unchanged feed: ${subjectOf(file)}`);
      perFile[i]?.push(
        ...(await measureResync(
          syncOrReason,
          file,
          SECTION,
          subjectOf(file),
          TARGETS.resyncMs,
          ctx.quick ? 5 : 9,
        )),
      );
    }
    const largest = files[files.length - 1];
    if (largest) {
      ctx.log(`main-thread stall during a sync: ${subjectOf(largest)}`);
      perFile[files.length - 1]?.push(
        ...(await measureStalls(
          syncOrReason,
          largest,
          window,
          SECTION,
          subjectOf(largest),
          TARGETS.stallMs,
          ctx.quick ? 2 : 3,
        )),
      );
      ctx.log(`status queries on the timeline of ${subjectOf(largest)}`);
      perFile[files.length - 1]?.push(
        ...statusRows(SECTION, subjectOf(largest), largest.text, window, TARGETS.statusNs),
      );
    }
    return { rows: perFile.flat(), meta };
  } finally {
    await sync.close();
    await closeSharedParsePool();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The calendar benchmark section. */
export const calendarSection: Section = { name: SECTION, run };
