/** Benchmark results: the row shape every section returns, the printed table and the JSON files. */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { formatValue } from './stats.js';

/** A goal for a measured value: below (`<`) or at least (`>=`) `value`, in the row's unit. */
export interface Target {
  op: '<' | '>=';
  value: number;
}

/** One measured figure (or one that could not be measured, with the reason in `skipped`). */
export interface BenchRow {
  section: string;
  /** What it was measured on, e.g. "50k events (34.5 MB)". */
  subject: string;
  /** What was measured, e.g. "expandIcs, sync: time (median)". */
  metric: string;
  value?: number;
  unit: string;
  /** A second view of the same measurement, e.g. the throughput beside a time. */
  also?: { value: number; unit: string };
  target?: Target;
  /** Filled by `judge`: undefined when the row has no target or was skipped. */
  pass?: boolean;
  skipped?: string;
  /** Raw samples behind `value`, in measurement order. */
  samples?: number[];
  /** How it was measured, when the metric name does not say. */
  note?: string;
}

/** What a section gives back: its rows plus free-form facts about the run (sizes, rounds, methods). */
export interface SectionResult {
  rows: BenchRow[];
  meta: Record<string, unknown>;
}

/** Settings every section receives. */
export interface SectionContext {
  /** --quick: small sizes and fewer rounds. */
  quick: boolean;
  /** Progress lines (to stderr, so stdout keeps only the table). */
  log: (line: string) => void;
}

/** A benchmark section: one module under bench/, listed in bench/run.ts. */
export interface Section {
  name: string;
  run: (ctx: SectionContext) => Promise<SectionResult>;
}

/** The whole run as written to JSON. */
export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  args: string[];
  machine: {
    node: string;
    platform: string;
    arch: string;
    cpus: number;
    cpuModel: string;
    memoryBytes: number;
  };
  /** 1/5/15-minute load averages when the run started and ended: other work on the machine skews every figure. */
  loadAverage: { start: number[]; end: number[] };
  sections: Record<string, { meta: Record<string, unknown>; rows: BenchRow[] }>;
  summary: { rows: number; passed: number; failed: number; skipped: number };
}

/** Decide pass/fail for a row with a target and a value. */
export function judge(row: BenchRow): BenchRow {
  if (
    row.skipped !== undefined ||
    row.target === undefined ||
    row.value === undefined ||
    !Number.isFinite(row.value)
  ) {
    return row;
  }
  const { op, value } = row.target;
  return { ...row, pass: op === '<' ? row.value < value : row.value >= value };
}

/** A row that could not be measured, with the reason. */
export function skippedRow(
  section: string,
  subject: string,
  metric: string,
  reason: string,
  target?: Target,
): BenchRow {
  return { section, subject, metric, unit: '', skipped: reason, ...(target ? { target } : {}) };
}

/** The machine the run happened on, for the JSON. */
export function machineInfo(): BenchReport['machine'] {
  const cpu = cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
  };
}

/** A warning line when the machine was busy with other work (load above the core count), else undefined. */
export function loadWarning(
  load: readonly number[] = loadavg(),
  cores = cpus().length,
): string | undefined {
  const oneMinute = load[0] ?? 0;
  if (oneMinute <= cores) return undefined;
  return `warning: load average ${oneMinute.toFixed(1)} on ${cores} cores — other work competes for the CPU; figures are pessimistic and noisy`;
}

function pad(text: string, width: number): string {
  // Pads by code points so the UTF-8 "×" and "µ" do not shift the columns.
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** The results as a plain-text table: subject, metric, measured, target, result. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['section', 'subject', 'metric', 'measured', 'target', 'result'];
  const cells = rows.map((r) => [
    r.section,
    r.subject,
    r.metric,
    r.skipped !== undefined || r.value === undefined
      ? '—'
      : formatValue(r.value, r.unit) +
        (r.also ? ` · ${formatValue(r.also.value, r.also.unit)}` : ''),
    r.target ? `${r.target.op} ${formatValue(r.target.value, r.unit || '')}`.trim() : '',
    r.skipped !== undefined
      ? `skipped: ${r.skipped}`
      : r.pass === undefined
        ? ''
        : r.pass
          ? 'pass'
          : 'FAIL',
  ]);
  const widths = header.map((h, i) =>
    Math.max([...h].length, ...cells.map((c) => Math.min(60, [...(c[i] ?? '')].length))),
  );
  const line = (c: string[]): string =>
    c
      .map((cell, i) => (i === c.length - 1 ? cell : pad(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths
    .map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.min(w, 20) : w))
    .join('  ');
  return [line(header), rule, ...cells.map(line)].join('\n') + '\n';
}

/** Count the rows that passed, failed and were skipped. */
export function summarize(rows: readonly BenchRow[]): BenchReport['summary'] {
  return {
    rows: rows.length,
    passed: rows.filter((r) => r.pass === true).length,
    failed: rows.filter((r) => r.pass === false).length,
    skipped: rows.filter((r) => r.skipped !== undefined).length,
  };
}

/** Write the report as `bench-<timestamp>.json` and `latest.json` in `dir`; resolves to the first path. */
export async function writeReport(report: BenchReport, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const file = join(dir, `bench-${stamp}.json`);
  await writeFile(file, json);
  await writeFile(join(dir, 'latest.json'), json);
  return file;
}
