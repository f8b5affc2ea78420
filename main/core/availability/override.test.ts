import { describe, expect, it } from 'vitest';
import type { Override } from '../../../shared/domain.js';
import { UserError } from '../../../shared/errors.js';
import {
  SET_AVAILABLE_REASON,
  SET_UNAVAILABLE_REASON,
  activeOverride,
  applyOverrideMode,
  isOverrideActive,
  overrideEnd,
  overrideFor,
  overrideFromRequest,
  overrideIndefinitely,
  overrideUntil,
  parseDuration,
} from './override.js';
import {
  buildTimeline,
  dayTimeline,
  nextChange,
  statusAt,
  type TimelineEventInput,
} from './timeline.js';
import { defaultWorkingHours } from './working-hours.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (ms: number): string => new Date(ms).toISOString();
// Monday 2 June 2025 in UTC, default hours 09:00–17:00.
const at = (hhmm: string): number => Date.parse(`2025-06-02T${hhmm}:00Z`);

describe('parseDuration', () => {
  it.each([
    ['30m', 30 * MIN],
    ['2h', 2 * HOUR],
    ['1h30m', 90 * MIN],
    ['1h 30m', 90 * MIN],
    ['90', 90 * MIN],
    [' 45MIN ', 45 * MIN],
    ['1d', 24 * HOUR],
  ])('%s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'abc', '0', '0m', '1x', '30m5', '-5', 'h', '1.5h'])('rejects "%s"', (text) => {
    expect(() => parseDuration(text)).toThrow(UserError);
  });
});

describe('making overrides', () => {
  const now = at('10:00');

  it('for a duration, until a time, or until changed', () => {
    expect(overrideFor('unavailable', 30 * MIN, now)).toEqual({
      mode: 'unavailable',
      setAt: iso(now),
      until: iso(at('10:30')),
    });
    expect(overrideUntil('available', at('12:00'), now)).toEqual({
      mode: 'available',
      setAt: iso(now),
      until: iso(at('12:00')),
    });
    expect(overrideIndefinitely('available', now)).toEqual({ mode: 'available', setAt: iso(now) });
    expect(() => overrideUntil('available', now, now)).toThrow(/future/);
    expect(() => overrideFor('available', 0, now)).toThrow(UserError);
  });

  it('from the dashboard request shape', () => {
    expect(overrideFromRequest({ mode: 'unavailable', minutes: 45 }, now).until).toBe(
      iso(at('10:45')),
    );
    expect(
      overrideFromRequest({ mode: 'available', until: '2025-06-02T13:00:00+01:00' }, now).until,
    ).toBe(iso(at('12:00')));
    expect(overrideFromRequest({ mode: 'available' }, now).until).toBeUndefined();
    expect(() =>
      overrideFromRequest({ mode: 'available', minutes: 5, until: iso(at('12:00')) }, now),
    ).toThrow(/either/);
    expect(() => overrideFromRequest({ mode: 'available', until: 'soon' }, now)).toThrow(
      /until: "soon" — allowed: an ISO date and time/,
    );
  });

  it('is in force from setAt up to (not including) until; an expired one is ignored', () => {
    const o = overrideFor('unavailable', 30 * MIN, at('10:00'));
    expect(isOverrideActive(o, at('10:00') - 1)).toBe(false);
    expect(isOverrideActive(o, at('10:00'))).toBe(true);
    expect(isOverrideActive(o, at('10:30') - 1)).toBe(true);
    expect(isOverrideActive(o, at('10:30'))).toBe(false);
    expect(activeOverride(o, at('11:00'))).toBeNull();
    expect(isOverrideActive(overrideIndefinitely('available', 0), at('23:00'))).toBe(true);
    const broken: Override = { mode: 'available', setAt: iso(0), until: 'never' };
    expect(overrideEnd(broken)).toBe(Number.NEGATIVE_INFINITY);
    expect(isOverrideActive(broken, at('10:00'))).toBe(false);
    expect(isOverrideActive(null, at('10:00'))).toBe(false);
  });

  it('unavailable keeps unavailable calendar states, available makes everything available', () => {
    const meeting = { state: 'meeting', available: false, reason: 'in a meeting' } as const;
    const free = { state: 'available', available: true, reason: 'available' } as const;
    expect(applyOverrideMode(meeting, 'unavailable')).toBe(meeting);
    expect(applyOverrideMode(free, 'unavailable')).toMatchObject({
      state: 'away',
      reason: SET_UNAVAILABLE_REASON,
    });
    expect(applyOverrideMode(meeting, 'available')).toMatchObject({
      state: 'available',
      available: true,
      reason: SET_AVAILABLE_REASON,
    });
  });
});

describe('status under an override', () => {
  const events: TimelineEventInput[] = [
    { event: { start: at('11:00'), end: at('12:00') }, kind: 'busy' },
  ];
  const tl = buildTimeline({
    events,
    workingHours: defaultWorkingHours('UTC'),
    from: at('00:00'),
    to: at('23:59'),
  });

  it('unavailable during an available stretch: away until the override ends', () => {
    const o = overrideFor('unavailable', 30 * MIN, at('10:00'));
    expect(statusAt(tl, at('10:10'), o)).toEqual({
      at: iso(at('10:10')),
      state: 'away',
      available: false,
      reason: 'set unavailable by hand',
      since: iso(at('10:00')),
      until: iso(at('10:30')),
      next: { at: iso(at('10:30')), state: 'available', available: true },
      overridden: true,
    });
  });

  it('unavailable across a meeting: the meeting shows, then away by hand until the end', () => {
    const o = overrideUntil('unavailable', at('13:00'), at('10:30'));
    const before = statusAt(tl, at('10:45'), o);
    expect([before.state, before.until, before.next?.state]).toEqual([
      'away',
      iso(at('11:00')),
      'meeting',
    ]);
    const during = statusAt(tl, at('11:30'), o);
    expect(during).toMatchObject({
      state: 'meeting',
      reason: 'in a meeting',
      since: iso(at('11:00')),
      until: iso(at('12:00')),
      overridden: true,
    });
    expect(during.next).toEqual({ at: iso(at('12:00')), state: 'away', available: false });
    const after = statusAt(tl, at('12:15'), o);
    expect(after).toMatchObject({
      state: 'away',
      since: iso(at('12:00')),
      until: iso(at('13:00')),
    });
    expect(after.next).toEqual({ at: iso(at('13:00')), state: 'available', available: true });
  });

  it('an unavailable override that ends inside a meeting changes nothing at its end', () => {
    const o = overrideUntil('unavailable', at('11:30'), at('10:30'));
    expect(statusAt(tl, at('11:10'), o)).toMatchObject({
      state: 'meeting',
      until: iso(at('12:00')),
    });
    expect(nextChange(tl, at('11:10'), o)).toMatchObject({ at: at('12:00'), state: 'available' });
  });

  it('available during a meeting: available until the override ends, then the meeting again', () => {
    const o = overrideFor('available', 20 * MIN, at('11:10'));
    expect(statusAt(tl, at('11:15'), o)).toMatchObject({
      state: 'available',
      available: true,
      reason: 'set available by hand',
      since: iso(at('11:10')),
      until: iso(at('11:30')),
      next: { at: iso(at('11:30')), state: 'meeting', available: false },
      overridden: true,
    });
  });

  it('an override without an end has no until', () => {
    const s = statusAt(tl, at('20:00'), overrideIndefinitely('available', at('19:00')));
    expect([s.state, s.until, s.next]).toEqual(['available', null, null]);
  });

  it('an expired override is ignored, and the state it hid began at its end', () => {
    const o = overrideFor('unavailable', 30 * MIN, at('10:00'));
    const s = statusAt(tl, at('10:40'), o);
    expect(s).toMatchObject({
      state: 'available',
      overridden: false,
      since: iso(at('10:30')),
      until: iso(at('11:00')),
    });
    expect(statusAt(tl, at('10:40'), o)).toEqual({
      ...statusAt(tl, at('10:40')),
      since: iso(at('10:30')),
    });
  });

  it('shows in the day timeline where it is in force', () => {
    const day = dayTimeline(
      tl,
      '2025-06-02',
      'UTC',
      overrideUntil('unavailable', at('12:30'), at('10:30')),
    );
    expect(day.map((s) => `${s.start.slice(11, 16)}-${s.end.slice(11, 16)} ${s.state}`)).toEqual([
      '00:00-09:00 off-hours',
      '09:00-10:30 available',
      '10:30-11:00 away',
      '11:00-12:00 meeting',
      '12:00-12:30 away',
      '12:30-17:00 available',
      '17:00-23:59 off-hours',
    ]);
  });
});
