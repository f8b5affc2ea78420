/**
 * A hand-driven clock for tests of anything that takes a `SchedulerClock`: time moves only when told,
 * timers fire in order at exactly their due time, and the wall clock can jump without moving timers
 * (as when the user changes the system clock).
 */
import type { SchedulerClock } from './scheduler.js';

interface PendingTimer {
  id: number;
  /** Due on the monotonic clock. */
  due: number;
  fn: () => void;
}

/** A manual clock: `advance` moves time and fires due timers; `jump` moves the wall clock only. */
export class ManualClock implements SchedulerClock {
  private wall: number;
  private mono = 0;
  private seq = 0;
  private readonly timers = new Map<number, PendingTimer>();
  /** Every delay passed to setTimer, in order (to check clamping). */
  readonly delays: number[] = [];

  constructor(startMs: number) {
    this.wall = startMs;
  }

  readonly now = (): number => this.wall;

  readonly setTimer = (fn: () => void, ms: number): number => {
    const id = ++this.seq;
    this.delays.push(ms);
    this.timers.set(id, { id, due: this.mono + Math.max(0, ms), fn });
    return id;
  };

  readonly clearTimer = (handle: unknown): void => {
    if (typeof handle === 'number') this.timers.delete(handle);
  };

  /** Number of timers waiting. */
  get pending(): number {
    return this.timers.size;
  }

  /** Wall time at which the earliest timer fires, or null. */
  nextFireAt(): number | null {
    const t = this.earliest();
    return t === undefined ? null : this.wall + (t.due - this.mono);
  }

  /** Moves both clocks forward by `ms`, firing each due timer at its own due time, in order. */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('time only moves forward; use jump() for a clock change');
    const target = this.mono + ms;
    for (let t = this.earliest(); t !== undefined && t.due <= target; t = this.earliest()) {
      this.wall += t.due - this.mono;
      this.mono = t.due;
      this.timers.delete(t.id);
      t.fn();
    }
    this.wall += target - this.mono;
    this.mono = target;
  }

  /** Advances to wall time `ms`. */
  advanceTo(ms: number): void {
    this.advance(ms - this.wall);
  }

  /** Changes the wall clock by `ms` (either way) without moving timers, like a system clock change. */
  jump(ms: number): void {
    this.wall += ms;
  }

  private earliest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const t of this.timers.values()) if (best === undefined || t.due < best.due) best = t;
    return best;
  }
}
