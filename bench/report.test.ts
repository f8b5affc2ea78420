import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type BenchReport,
  formatTable,
  judge,
  loadWarning,
  skippedRow,
  summarize,
  writeReport,
} from './report.js';

describe('report', () => {
  it('judges rows against their targets and leaves skipped and target-less rows alone', () => {
    const base = { section: 's', subject: 'x', metric: 'm', unit: 'ms' };
    expect(judge({ ...base, value: 19, target: { op: '<', value: 20 } }).pass).toBe(true);
    expect(judge({ ...base, value: 20, target: { op: '<', value: 20 } }).pass).toBe(false);
    expect(judge({ ...base, value: 4, unit: '×', target: { op: '>=', value: 4 } }).pass).toBe(true);
    expect(judge({ ...base, value: 3 }).pass).toBeUndefined();
    expect(
      judge(skippedRow('s', 'x', 'm', 'not there yet', { op: '<', value: 1 })).pass,
    ).toBeUndefined();
  });

  it('prints a table with the measured value, the target, pass/FAIL and skip reasons', () => {
    const rows = [
      judge({
        section: 'calendar',
        subject: '50k',
        metric: 'speedup',
        value: 5.5,
        unit: '×',
        target: { op: '>=', value: 4 },
      }),
      judge({
        section: 'calendar',
        subject: '50k',
        metric: 'stall',
        value: 25,
        unit: 'ms',
        target: { op: '<', value: 20 },
      }),
      {
        section: 'calendar',
        subject: '50k',
        metric: 'time',
        value: 812,
        unit: 'ms',
        also: { value: 42.5, unit: 'MB/s' },
      },
      skippedRow('calendar', '50k', 're-sync', 'main/core/calendar/sync.ts not there yet'),
    ];
    const table = formatTable(rows);
    expect(table).toMatch(/speedup\s+5\.50×\s+>= 4\.00×\s+pass/);
    expect(table).toMatch(/stall\s+25\.0 ms\s+< 20\.0 ms\s+FAIL/);
    expect(table).toContain('812 ms · 42.5 MB/s');
    expect(table).toContain('skipped: main/core/calendar/sync.ts not there yet');
    expect(summarize(rows)).toEqual({ rows: 4, passed: 1, failed: 1, skipped: 1 });
  });

  it('warns about a busy machine only when the load exceeds the cores', () => {
    expect(loadWarning([1.5, 1, 1], 2)).toBeUndefined();
    expect(loadWarning([7.9, 5, 3], 2)).toMatch(/load average 7\.9 on 2 cores/);
  });

  it('writes the JSON under a timestamped name and as latest.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-report-'));
    try {
      const report: BenchReport = {
        startedAt: '2025-06-15T10:00:00.000Z',
        finishedAt: '2025-06-15T10:03:00.000Z',
        args: ['--quick'],
        machine: {
          node: 'v20',
          platform: 'linux',
          arch: 'x64',
          cpus: 2,
          cpuModel: 'cpu',
          memoryBytes: 1,
        },
        loadAverage: { start: [0, 0, 0], end: [0, 0, 0] },
        sections: {},
        summary: { rows: 0, passed: 0, failed: 0, skipped: 0 },
      };
      const file = await writeReport(report, dir);
      expect(file).toBe(join(dir, 'bench-2025-06-15T10-00-00-000Z.json'));
      expect((await readdir(dir)).sort()).toEqual([
        'bench-2025-06-15T10-00-00-000Z.json',
        'latest.json',
      ]);
      expect(JSON.parse(await readFile(join(dir, 'latest.json'), 'utf8'))).toEqual(report);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
