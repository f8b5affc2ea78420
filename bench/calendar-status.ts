/** The status query benchmark: statusAt on the availability timeline built from a large calendar. */
import { buildTimeline, statusAt } from '../main/core/availability/timeline.js';
import { defaultWorkingHours } from '../main/core/availability/working-hours.js';
import { DEFAULT_RULES, classifyAll } from '../main/core/calendar/classify.js';
import { expandIcs } from '../main/core/calendar/expand.js';
import type { ExpandOptions } from '../main/core/calendar/types.js';
import { BENCH_CLIENTS } from './generate-calendar.js';
import { makeRng } from './generate-helpers.js';
import { type BenchRow, type Target, skippedRow } from './report.js';
import { collectGarbage, median, nowMs } from './stats.js';

/** What the status benchmark found. */
export interface StatusBench {
  /** ns per query, one figure per batch. */
  nsPerQuery: number[];
  queries: number;
  occurrences: number;
  segments: number;
  /** expandIcs, ms (one run). */
  expandMs: number;
  /** classify + build the timeline, ms (one run). */
  buildMs: number;
}

/**
 * Expand `text` into `window`, classify it (every meeting's attendees against the generated clients),
 * build the timeline with Mon–Fri 09–17 working hours, then time `batches` × `perBatch` statusAt
 * calls at instants spread over the window (drawn in advance, so drawing costs nothing inside the loop).
 */
export function measureStatusQueries(
  text: string,
  window: ExpandOptions,
  batches = 10,
  perBatch = 100_000,
): StatusBench {
  const t0 = nowMs();
  const { events } = expandIcs(text, window);
  const t1 = nowMs();
  const classified = classifyAll(
    events.map((event) => ({ event, role: 'busy' as const })),
    DEFAULT_RULES,
    BENCH_CLIENTS,
  );
  const timeline = buildTimeline({
    events: classified,
    workingHours: defaultWorkingHours(window.tz),
    from: window.from,
    to: window.to,
    clients: BENCH_CLIENTS,
  });
  const buildMs = nowMs() - t1;
  const rng = makeRng(99);
  const instants = new Float64Array(perBatch);
  for (let i = 0; i < perBatch; i++)
    instants[i] = Math.floor(window.from + rng.float() * (window.to - window.from));
  // Warm the query path so the first batch is not an interpreter run.
  let sink = 0;
  for (let i = 0; i < 20_000; i++)
    sink += statusAt(timeline, instants[i % perBatch] ?? window.from).available ? 1 : 0;
  const nsPerQuery: number[] = [];
  for (let b = 0; b < batches; b++) {
    collectGarbage();
    const start = nowMs();
    for (let i = 0; i < perBatch; i++)
      sink += statusAt(timeline, instants[i] ?? window.from).available ? 1 : 0;
    nsPerQuery.push(((nowMs() - start) * 1e6) / perBatch);
  }
  // The sink is used so the queries cannot be optimised away.
  if (sink < 0) throw new Error('unreachable');
  return {
    nsPerQuery,
    queries: batches * perBatch,
    occurrences: events.length,
    segments: timeline.segments.length,
    expandMs: t1 - t0,
    buildMs,
  };
}

/** The status rows for the calendar section: the timeline build (a figure) and statusAt per query (against `target`). */
export function statusRows(
  section: string,
  calendar: string,
  text: string,
  window: ExpandOptions,
  target: Target,
): BenchRow[] {
  const subject = `timeline of ${calendar}`;
  const metric = 'statusAt: time per query (median of batches)';
  try {
    const r = measureStatusQueries(text, window);
    return [
      {
        section,
        subject,
        metric: 'classify + build the timeline: time',
        value: r.buildMs,
        unit: 'ms',
        note: `${r.occurrences} occurrences → ${r.segments} segments, one run (after expandIcs: ${r.expandMs.toFixed(0)} ms)`,
      },
      {
        section,
        subject,
        metric,
        value: median(r.nsPerQuery),
        unit: 'ns',
        target,
        samples: r.nsPerQuery,
        note: `${r.queries} queries in ${r.nsPerQuery.length} batches at instants spread over the window`,
      },
    ];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [skippedRow(section, subject, metric, reason, target)];
  }
}
