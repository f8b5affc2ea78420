/** Small statistics and formatting helpers shared by the benchmark sections. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The value at quantile `q` (0…1) of `values`, by the nearest-rank method; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** The median of `values` (mean of the middle two for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const hi = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

/** The 99th percentile of `values`. */
export function p99(values: readonly number[]): number {
  return quantile(values, 0.99);
}

/** Milliseconds since an arbitrary origin, with sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Megabytes (10^6 bytes) per second for `bytes` handled in `ms`. */
export function mbPerSec(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

let gcFunction: (() => void) | undefined;

/**
 * Run a full garbage collection so rounds start alike. The bench does not start node with --expose-gc:
 * worker threads inherit the process's flags and refuse that one. The flag is switched on at run time
 * instead, and `gc` taken from a fresh context, which then has it.
 */
export function collectGarbage(): void {
  if (!gcFunction) {
    const global = (globalThis as { gc?: () => void }).gc;
    if (global) gcFunction = global;
    else {
      setFlagsFromString('--expose-gc');
      gcFunction = runInNewContext('gc') as () => void;
    }
  }
  gcFunction();
}

/** A number with about three significant digits, for tables. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

/** A value with its unit, e.g. "12.3 ms", "4.10 ×". */
export function formatValue(value: number, unit: string): string {
  return unit === '×' ? `${formatNumber(value)}×` : `${formatNumber(value)} ${unit}`;
}

/** Bytes as MB with one decimal (10^6, as the MB/s figures). */
export function formatMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * A growing list of numbers kept in a Float64Array: hundreds of thousands of per-response latencies
 * cost neither a boxed number each nor a copy of the list to sort.
 */
export class SampleBuffer {
  private data = new Float64Array(1024);
  private count = 0;

  /** Appends one sample. */
  add(value: number): void {
    if (this.count === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count++] = value;
  }

  get length(): number {
    return this.count;
  }

  /** The value at quantile `q` (0…1) by nearest rank, as `quantile`; NaN when empty. Sorts in place. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const sorted = this.data.subarray(0, this.count).sort();
    const rank = Math.min(this.count - 1, Math.max(0, Math.ceil(q * this.count) - 1));
    return sorted[rank] ?? Number.NaN;
  }
}
