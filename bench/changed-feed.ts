/**
 * The changed-feed section of `npm run bench`: the longest main-thread stall while the whole core
 * (OfficeHoursService) syncs a feed that changed — fetch, parse in the worker, then classification,
 * the timeline and the calendar-contact merge — with an idle control beside it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfficeHoursService } from '../main/core/service.js';
import { stallRow } from './calendar-sync.js';
import { startFeedServer } from './feed-server.js';
import { BENCH_CLIENTS, generateCalendar } from './generate-calendar.js';
import { type BenchRow, type Section, type SectionResult, skippedRow } from './report.js';
import { collectGarbage, formatMB } from './stats.js';
import { type StallResult, measureStall } from './stall.js';

const SECTION = 'changed-feed';
const SEED = 20_240_601;

/** The target from the brief: no main-thread stall of 20 ms or more after a changed feed. */
export const STALL_TARGET = { op: '<', value: 20 } as const;

/** The same calendar with one event's title edited: what a real feed looks like after someone moved or renamed a meeting. */
export function editedCopy(text: string): string {
  const at = text.indexOf('\nSUMMARY:');
  if (at < 0) throw new Error('the generated calendar has no SUMMARY');
  return `${text.slice(0, at)}\nSUMMARY:Edited ${text.slice(at + '\nSUMMARY:'.length)}`;
}

async function run({
  quick,
  log,
}: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<SectionResult> {
  const events = quick ? 10_000 : 50_000;
  const rounds = quick ? 3 : 7;
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const text = generateCalendar({ events, seed: SEED, now: new Date(now) });
  const bodies = [Buffer.from(text), Buffer.from(editedCopy(text))];
  const subject = `${events / 1000}k events, ${formatMB(bodies[0]?.length ?? 0)}`;
  const metric = `longest main-thread stall: changed-feed sync (${events / 1000}k)`;
  const dir = await mkdtemp(join(tmpdir(), 'office-hours-bench-changed-'));
  const server = await startFeedServer(bodies[0] ?? Buffer.alloc(0));
  let service: OfficeHoursService | undefined;
  const rows: BenchRow[] = [];
  const meta: Record<string, unknown> = {
    events,
    rounds,
    method:
      'OfficeHoursService on a temp data dir with the generated clients; each round the feed server serves the other of two versions (one title edited), then syncCalendars; largest gap between ticks of a 1 ms timer; idle control for as long as the slowest sync',
  };
  try {
    service = await OfficeHoursService.open(
      { dataDir: join(dir, 'data'), autoRefresh: false },
      'cache-only',
    );
    for (const c of BENCH_CLIENTS)
      await service.addClient({ name: c.name, domains: [...c.domains] });
    const calendar = await service.addCalendar({ location: server.url, name: 'bench' });
    if (!calendar.status.ok) throw new Error(`first sync failed: ${calendar.status.error}`);
    const core = service;
    const runs: StallResult[] = [];
    let occurrences = 0;
    for (let round = 0; round < rounds; round++) {
      server.setBody(bodies[(round + 1) % 2] ?? Buffer.alloc(0));
      const before = core.classifiedEvents();
      collectGarbage();
      runs.push(await measureStall(() => core.syncCalendars({ id: calendar.id })));
      const after = core.classifiedEvents();
      if (after === before) throw new Error('the changed feed did not rebuild the classification');
      occurrences = after.length;
      log(`  round ${round + 1}: ${runs[runs.length - 1]?.maxGapMs.toFixed(1)} ms`);
    }
    meta.occurrences = occurrences;
    meta.responses = Object.fromEntries(server.responses);
    const longest = Math.max(...runs.map((r) => r.durationMs));
    const idle: StallResult[] = [];
    for (let round = 0; round < rounds; round++)
      idle.push(await measureStall(() => new Promise((resolve) => setTimeout(resolve, longest))));
    const row = stallRow(SECTION, subject, metric, runs, STALL_TARGET);
    rows.push({ ...row, note: `${occurrences} occurrences; ${row.note ?? ''}` });
    rows.push(
      stallRow(
        SECTION,
        subject,
        `control: idle main thread for ${longest.toFixed(0)} ms: longest stall`,
        idle,
      ),
    );
  } catch (error) {
    rows.push(
      skippedRow(
        SECTION,
        subject,
        metric,
        error instanceof Error ? error.message : String(error),
        STALL_TARGET,
      ),
    );
  } finally {
    await service?.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  return { rows, meta };
}

/** The changed-feed stall benchmark section. */
export const changedFeedSection: Section = { name: SECTION, run };
