/**
 * One memory measurement in a fresh process: `node --import tsx bench/calendar-child.ts <op> <file> <now-ms>`.
 * Prints one JSON line: the operation's time, the RSS just before it and the process's peak RSS (getrusage).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeSharedParsePool } from '../main/core/calendar/parse-pool.js';
import { PROBE_CALENDAR, calendarOperations, syncWindow } from './calendar-subjects.js';
import { syncHarness } from './calendar-sync.js';
import { collectGarbage, nowMs } from './stats.js';

/** What the child reports. */
export interface ChildResult {
  ms: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
}

const [key, path, now] = process.argv.slice(2);
if (!key || !path || !now) throw new Error('usage: calendar-child.ts <op> <file> <now-ms>');
const window = syncWindow(Number(now));
const dataDir = await mkdtemp(join(tmpdir(), 'office-hours-bench-child-'));
const sync = syncHarness(dataDir, window);
const ops = [...(await calendarOperations(window)), { op: sync.fileOperation }];
const found = ops.find((a) => ('op' in a ? a.op.key : a.key) === key);
if (!found || !('op' in found)) throw new Error(`operation ${key} is not available`);
// Warm the part up first (a running app has its parse worker started and its code compiled), so the
// figure is the cost of this calendar, not of starting up.
const probePath = join(dataDir, 'probe.ics');
await writeFile(probePath, PROBE_CALENDAR);
await found.op.run({
  events: 1,
  path: probePath,
  text: PROBE_CALENDAR,
  bytes: PROBE_CALENDAR.length,
});
const text = found.op.usesText ? readFileSync(path, 'utf8') : '';
collectGarbage();
const rssBeforeBytes = process.memoryUsage.rss();
const t0 = nowMs();
await found.op.run({ events: 0, path, text, bytes: 0 });
const ms = nowMs() - t0;
const result: ChildResult = {
  ms,
  rssBeforeBytes,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
await sync.close();
await closeSharedParsePool();
await rm(dataDir, { recursive: true, force: true });
