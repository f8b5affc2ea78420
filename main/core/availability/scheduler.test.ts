import { describe, expect, it } from 'vitest';
import type { Override, StatusNow } from '../../../shared/domain.js';
import { ManualClock } from './manual-clock.js';
import { overrideFor, overrideIndefinitely } from './override.js';
import { MAX_TIMER_MS, StatusScheduler, type SchedulerClock } from './scheduler.js';
import { buildTimeline, type Timeline, type TimelineEventInput } from './timeline.js';
import { defaultWorkingHours } from './working-hours.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (hhmm: string, date = '2025-06-02'): number => Date.parse(`${date}T${hhmm}:00Z`);

function timeline(
  events: TimelineEventInput[] = [],
  from = at('00:00'),
  to = at('00:00') + 7 * DAY,
): Timeline {
  return buildTimeline({ events, workingHours: defaultWorkingHours('UTC'), from, to });
}

/** A scheduler on a manual clock, recording what it emits. */
function setup(tl: Timeline, start: number, override?: Override | null) {
  const clock = new ManualClock(start);
  const scheduler = new StatusScheduler({ timeline: tl, clock, override: override ?? null });
  const changes: StatusNow[] = [];
  const expired: Override[] = [];
  const jumps: { expected: number; actual: number }[] = [];
  scheduler.on('change', (s) => changes.push(s));
  scheduler.on('override-expired', (o) => expired.push(o));
  scheduler.on('clock-jump', (j) => jumps.push(j));
  return { clock, scheduler, changes, expired, jumps };
}

describe('StatusScheduler', () => {
  it('sets one timer for the next change and emits exactly when it fires', () => {
    const { clock, scheduler, changes } = setup(timeline(), at('08:00'));
    expect(scheduler.current().state).toBe('off-hours');
    expect(clock.pending).toBe(1);
    expect(clock.nextFireAt()).toBe(at('09:00'));
    clock.advanceTo(at('09:00') - 1);
    expect(changes).toEqual([]);
    clock.advance(1);
    expect(changes.map((s) => [s.at, s.state])).toEqual([
      ['2025-06-02T09:00:00.000Z', 'available'],
    ]);
    expect(clock.nextFireAt()).toBe(at('17:00'));
    expect(clock.pending).toBe(1);
    scheduler.dispose();
  });

  it('an override flips the status at once and back exactly at its expiry', () => {
    const { clock, scheduler, changes, expired } = setup(timeline(), at('10:00'));
    const o = overrideFor('unavailable', 30 * MIN, at('10:00'));
    scheduler.setOverride(o);
    expect(changes.map((s) => [s.state, s.reason, s.until, s.overridden])).toEqual([
      ['away', 'set unavailable by hand', '2025-06-02T10:30:00.000Z', true],
    ]);
    expect(clock.pending).toBe(1);
    expect(clock.nextFireAt()).toBe(at('10:30'));
    clock.advanceTo(at('10:30') - 1);
    expect(changes).toHaveLength(1);
    clock.advance(1);
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({
      at: '2025-06-02T10:30:00.000Z',
      state: 'available',
      overridden: false,
    });
    expect(expired).toEqual([o]);
    expect(scheduler.currentOverride()).toBeNull();
    expect(clock.nextFireAt()).toBe(at('17:00'));
    scheduler.dispose();
  });

  it('drops an override that ends inside a meeting at its end, though the state stays', () => {
    const tl = timeline([{ event: { start: at('11:00'), end: at('12:00') }, kind: 'busy' }]);
    const { clock, scheduler, changes, expired } = setup(
      tl,
      at('11:10'),
      overrideFor('unavailable', 20 * MIN, at('11:10')),
    );
    expect(clock.nextFireAt()).toBe(at('11:30'));
    clock.advanceTo(at('11:30'));
    expect(expired).toHaveLength(1);
    expect(changes.map((s) => [s.state, s.overridden])).toEqual([['meeting', false]]);
    expect(clock.nextFireAt()).toBe(at('12:00'));
    scheduler.dispose();
  });

  it('following the calendar again clears the override', () => {
    const { scheduler, changes } = setup(
      timeline(),
      at('10:00'),
      overrideIndefinitely('unavailable', at('09:30')),
    );
    expect(scheduler.current().state).toBe('away');
    scheduler.setOverride(null);
    expect(changes.map((s) => [s.state, s.overridden])).toEqual([['available', false]]);
    scheduler.dispose();
  });

  it('clamps a far-away change to the setTimeout limit and still fires on time', () => {
    const far = at('00:00') + 40 * DAY;
    const hours = { tz: 'UTC', days: [[], [], [], [], [], [], []] };
    const tl = buildTimeline({
      events: [{ event: { start: far, end: far + HOUR }, kind: 'away' }],
      workingHours: hours,
      from: at('00:00'),
      to: at('00:00') + 60 * DAY,
    });
    const { clock, scheduler, changes } = setup(tl, at('00:00'));
    expect(clock.delays).toEqual([MAX_TIMER_MS]);
    clock.advance(MAX_TIMER_MS);
    expect(changes).toEqual([]);
    expect(clock.delays[1]).toBe(far - at('00:00') - MAX_TIMER_MS);
    clock.advanceTo(far);
    expect(changes.map((s) => [s.at, s.state])).toEqual([[new Date(far).toISOString(), 'away']]);
    scheduler.dispose();
  });

  it('recomputes on update, keeping one timer, and stays quiet when nothing changed', () => {
    const { clock, scheduler, changes } = setup(timeline(), at('10:00'));
    scheduler.update(timeline());
    expect(changes).toEqual([]);
    scheduler.update(
      timeline([
        {
          event: { start: at('09:45'), end: at('10:45') },
          kind: 'client-meeting',
          clientId: 'acme',
        },
      ]),
    );
    expect(changes.map((s) => [s.state, s.clientId, s.until])).toEqual([
      ['meeting', 'acme', '2025-06-02T10:45:00.000Z'],
    ]);
    expect(clock.pending).toBe(1);
    expect(clock.nextFireAt()).toBe(at('10:45'));
    scheduler.dispose();
    expect(clock.pending).toBe(0);
  });

  it('notices a clock jump when a timer fires off its wall time, and re-arms for the right moment', () => {
    const { clock, scheduler, changes, jumps } = setup(timeline(), at('08:00'));
    clock.advance(10 * MIN);
    clock.jump(-30 * MIN); // the wall clock now says 07:40
    clock.advance(50 * MIN); // the timer set for an hour fires; the wall clock says 08:30
    expect(jumps).toEqual([{ expected: at('09:00'), actual: at('08:30') }]);
    expect(changes).toEqual([]);
    expect(clock.nextFireAt()).toBe(at('09:00'));
    clock.advanceTo(at('09:00'));
    expect(changes.map((s) => s.state)).toEqual(['available']);
    scheduler.dispose();
  });

  it('onResume and onClockOrZoneChange recompute at once (timers froze or the clock moved)', () => {
    const { clock, scheduler, changes } = setup(timeline(), at('08:00'));
    clock.jump(3 * HOUR); // asleep: the wall clock moved, the timer did not fire
    scheduler.onResume();
    expect(changes.map((s) => [s.at, s.state])).toEqual([
      ['2025-06-02T11:00:00.000Z', 'available'],
    ]);
    expect(clock.pending).toBe(1);
    clock.jump(7 * HOUR);
    scheduler.onClockOrZoneChange();
    expect(changes.map((s) => s.state)).toEqual(['available', 'off-hours']);
    scheduler.dispose();
  });

  it('wakes at the end of the timeline, where nothing is known any more', () => {
    const tl = timeline([], at('00:00'), at('12:00'));
    const { clock, scheduler, changes } = setup(tl, at('10:00'));
    expect(scheduler.current().until).toBeNull();
    expect(clock.nextFireAt()).toBe(at('12:00'));
    clock.advanceTo(at('12:00'));
    expect(changes.map((s) => s.reason)).toEqual(['outside the synced calendar range']);
    expect(clock.pending).toBe(0);
    scheduler.dispose();
  });

  it('unrefs a real timer so it does not keep the process alive', () => {
    const handles: ReturnType<typeof setTimeout>[] = [];
    const clock: SchedulerClock = {
      now: () => at('08:00'),
      setTimer: (fn, ms) => {
        const h = setTimeout(fn, ms);
        handles.push(h);
        return h;
      },
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    const scheduler = new StatusScheduler({ timeline: timeline(), clock });
    expect(handles).toHaveLength(1);
    expect(handles[0]?.hasRef()).toBe(false);
    scheduler.dispose();
  });
});
