/**
 * Keeps "the status now" current without polling: one timer, set for the next change, re-armed on
 * every recomputation. Recomputes when the timeline is replaced (sync), the override changes, the
 * machine resumes from sleep, or the clock or zone changes — callers report those through the methods.
 */
import { EventEmitter } from 'node:events';
import type { Override, StatusNow } from '../../../shared/domain.js';
import { overrideEnd } from './override.js';
import { nextChange, statusAt, type Timeline } from './timeline.js';

/** The longest delay setTimeout honours (2^31−1 ms ≈ 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Time as the scheduler sees it; injectable so tests drive it with a manual clock. */
export interface SchedulerClock {
  /** Wall-clock time, epoch ms. */
  now: () => number;
  /** Calls `fn` after `ms` (a monotonic delay, like setTimeout) and returns a handle. */
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

/** The real clock: Date.now and Node's timers. */
export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Events of the scheduler. */
export interface SchedulerEvents {
  /** The status differs from the last one emitted (state, reason, since, until, next or override). */
  change: [StatusNow];
  /** The override ran out and the scheduler dropped it (so the caller can forget it too). */
  'override-expired': [Override];
  /** A timer fired far from the wall-clock time expected: the clock was changed or the machine slept. */
  'clock-jump': [{ expected: number; actual: number }];
}

/** Options of the scheduler. */
export interface SchedulerOptions {
  timeline: Timeline;
  override?: Override | null;
  clock?: SchedulerClock;
  /** How far a timer may fire from its expected wall time before it counts as a clock jump (default 2 s). */
  driftToleranceMs?: number;
}

/** Holds the timeline and override, knows the status now, and emits `change` when it changes. */
export class StatusScheduler extends EventEmitter<SchedulerEvents> {
  private timeline: Timeline;
  private override: Override | null;
  private readonly clock: SchedulerClock;
  private readonly driftToleranceMs: number;
  private timer: unknown = null;
  private expectedFire = NaN;
  private lastKey: string;
  private disposed = false;

  constructor(options: SchedulerOptions) {
    super();
    this.timeline = options.timeline;
    this.override = options.override ?? null;
    this.clock = options.clock ?? systemClock;
    this.driftToleranceMs = options.driftToleranceMs ?? 2000;
    this.lastKey = keyOf(statusAt(this.timeline, this.clock.now(), this.override));
    this.recompute();
  }

  /** The status at this moment (computed fresh; cheap). */
  current(): StatusNow {
    return statusAt(this.timeline, this.clock.now(), this.override);
  }

  /** The override in force, if any (an expired one is dropped at its expiry). */
  currentOverride(): Override | null {
    return this.override;
  }

  /** The instant the timer is set for, or null when none is set. */
  nextWakeAt(): number | null {
    return this.timer === null ? null : this.expectedFire;
  }

  /** Replaces the timeline (after a sync or a rules change). */
  update(timeline: Timeline): void {
    this.timeline = timeline;
    this.recompute();
  }

  /** Sets a manual override, or `null` to follow the calendar again. */
  setOverride(override: Override | null): void {
    this.override = override;
    this.recompute();
  }

  /** The machine woke from sleep: timers may have been frozen meanwhile. */
  onResume(): void {
    this.recompute();
  }

  /** The system clock or time zone changed (rebuild the timeline first if working hours follow the zone). */
  onClockOrZoneChange(): void {
    this.recompute();
  }

  /** Clears the timer; the scheduler does nothing more. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.removeAllListeners();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.expectedFire = NaN;
  }

  /** Works out the status now, emits it when it changed, and sets the one timer for the next change. */
  private recompute(): void {
    if (this.disposed) return;
    this.clearTimer();
    const now = this.clock.now();
    const dropped =
      this.override !== null && overrideEnd(this.override) <= now ? this.override : null;
    if (dropped !== null) this.override = null;
    const status = statusAt(this.timeline, now, this.override);
    const key = keyOf(status);
    const changed = key !== this.lastKey;
    this.lastKey = key;
    this.arm(now);
    // Emit last: a listener may call back into the scheduler, which must already be consistent.
    if (dropped !== null) this.emit('override-expired', dropped);
    if (changed) this.emit('change', status);
  }

  private arm(now: number): void {
    let wake = nextChange(this.timeline, now, this.override)?.at ?? Number.POSITIVE_INFINITY;
    // The override's end (even where the status does not change, to drop it) and the timeline's end.
    if (this.override !== null) wake = Math.min(wake, Math.max(overrideEnd(this.override), now));
    if (now < this.timeline.to) wake = Math.min(wake, this.timeline.to);
    if (!Number.isFinite(wake)) return;
    // At least 1 ms: a change that is not after `now` would otherwise spin the timer in a loop.
    const delay = Math.min(Math.max(1, wake - now), MAX_TIMER_MS);
    this.expectedFire = now + delay;
    const handle = this.clock.setTimer(() => this.fire(), delay);
    // A pending status change must not keep a headless process alive.
    if (
      typeof handle === 'object' &&
      handle !== null &&
      'unref' in handle &&
      typeof handle.unref === 'function'
    ) {
      handle.unref();
    }
    this.timer = handle;
  }

  private fire(): void {
    this.timer = null;
    const expected = this.expectedFire;
    const actual = this.clock.now();
    if (Math.abs(actual - expected) > this.driftToleranceMs)
      this.emit('clock-jump', { expected, actual });
    this.recompute();
  }
}

/** Everything of a status except `at`: two statuses with the same key show the same. */
function keyOf(s: StatusNow): string {
  return [
    s.state,
    s.available,
    s.reason,
    s.clientId,
    s.since,
    s.until,
    s.next?.at,
    s.next?.state,
    s.overridden,
  ].join('|');
}
