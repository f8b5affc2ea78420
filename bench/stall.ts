/** Measures how long the main thread's event loop is blocked while some asynchronous work runs. */
import { nowMs } from './stats.js';

/** The longest stall seen while the monitor ran. */
export interface StallResult {
  /** Largest gap between two ticks of a 1 ms interval timer (includes the 1 ms period itself). */
  maxGapMs: number;
  /** When the largest gap ended, ms after the work started (tells a stall at the start from one at the end). */
  maxGapAtMs: number;
  /** How long the work took. */
  durationMs: number;
}

/**
 * Run `work` while a 1 ms interval timer watches the event loop; the largest gap between its ticks is
 * the longest stretch the main thread could not run a callback. (perf_hooks.monitorEventLoopDelay was
 * tried too; on Node 20 its max at times reported 14 ms for a 60 ms block, so the timer gap is used.)
 */
export async function measureStall(work: () => Promise<unknown>): Promise<StallResult> {
  let last = nowMs();
  const start = last;
  let maxGap = 0;
  let maxGapAt = 0;
  const tick = (): void => {
    const t = nowMs();
    if (t - last > maxGap) {
      maxGap = t - last;
      maxGapAt = t - start;
    }
    last = t;
  };
  const timer = setInterval(tick, 1);
  try {
    await work();
  } finally {
    // The stretch since the last tick counts too: work that ends in a long synchronous piece shows only here.
    tick();
    clearInterval(timer);
  }
  return { maxGapMs: maxGap, maxGapAtMs: maxGapAt, durationMs: last - start };
}
