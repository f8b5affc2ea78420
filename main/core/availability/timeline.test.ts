import { describe, expect, it } from 'vitest';
import type { ClientMatcher, EventKind, WorkingHours } from '../../../shared/domain.js';
import type { ClassifiedEvent } from '../calendar/classify.js';
import {
  buildTimeline,
  dayTimeline,
  nextChange,
  segmentIndexAt,
  statusAt,
  timelineFromSegments,
  type Segment,
  type Timeline,
  type TimelineEventInput,
} from './timeline.js';
import { defaultWorkingHours } from './working-hours.js';
import { expectIsoDate } from '../time/civil.js';
import { timeZone } from '../time/zone.js';
import { localToUtc } from '../time/zoned.js';

const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';
const MIN = 60_000;
const HOUR = 60 * MIN;

/** "2025-06-02 10:00" in `tz` → epoch ms. */
function t(local: string, tz = BERLIN): number {
  const [date = '', time = '00:00'] = local.split(' ');
  const [h = 0, m = 0] = time.split(':').map(Number);
  return localToUtc(expectIsoDate(date), h * 60 + m, timeZone(tz));
}

/** Epoch ms → "2025-06-02 10:00" in `tz`. */
function local(ms: number, tz = BERLIN): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: tz,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(ms);
}

function ev(
  start: string,
  end: string,
  kind: EventKind,
  clientId?: string,
  tz = BERLIN,
): TimelineEventInput {
  return {
    event: { start: t(start, tz), end: t(end, tz) },
    kind,
    ...(clientId === undefined ? {} : { clientId }),
  };
}

const clients: Pick<ClientMatcher, 'id' | 'name'>[] = [
  { id: 'acme', name: 'Acme' },
  { id: 'beta', name: 'Beta' },
];

function build(
  events: TimelineEventInput[],
  from: string,
  to: string,
  tz = BERLIN,
  hours?: WorkingHours,
): Timeline {
  return buildTimeline({
    events,
    workingHours: hours ?? defaultWorkingHours(tz),
    from: t(from, tz),
    to: t(to, tz),
    clients,
  });
}

/** Segments as "start–end state (reason)" in local time. */
function show(
  segs: readonly Pick<Segment, 'start' | 'end' | 'state' | 'reason'>[],
  tz = BERLIN,
): string[] {
  return segs.map((s) => `${local(s.start, tz)}–${local(s.end, tz)} ${s.state} (${s.reason})`);
}

describe('buildTimeline', () => {
  it('covers the window without gaps: off-hours around working hours', () => {
    const tl = build([], '2025-06-02 00:00', '2025-06-03 12:00');
    expect(show(tl.segments)).toEqual([
      '2025-06-02 00:00–2025-06-02 09:00 off-hours (outside working hours)',
      '2025-06-02 09:00–2025-06-02 17:00 available (available)',
      '2025-06-02 17:00–2025-06-03 09:00 off-hours (outside working hours)',
      '2025-06-03 09:00–2025-06-03 12:00 available (available)',
    ]);
  });

  it('applies the precedence away > meeting > focus > off-hours > available', () => {
    const tl = build(
      [
        ev('2025-06-02 10:30', '2025-06-02 12:00', 'focus'),
        ev('2025-06-02 10:00', '2025-06-02 11:00', 'busy'),
        ev('2025-06-02 11:30', '2025-06-02 13:00', 'away'),
        ev('2025-06-02 16:00', '2025-06-02 18:00', 'focus'),
        ev('2025-06-02 19:00', '2025-06-02 20:00', 'client-meeting', 'acme'),
      ],
      '2025-06-02 08:00',
      '2025-06-02 21:00',
    );
    expect(show(tl.segments)).toEqual([
      '2025-06-02 08:00–2025-06-02 09:00 off-hours (outside working hours)',
      '2025-06-02 09:00–2025-06-02 10:00 available (available)',
      '2025-06-02 10:00–2025-06-02 11:00 meeting (in a meeting)',
      '2025-06-02 11:00–2025-06-02 11:30 focus (focus time)',
      '2025-06-02 11:30–2025-06-02 13:00 away (out of office)',
      '2025-06-02 13:00–2025-06-02 16:00 available (available)',
      '2025-06-02 16:00–2025-06-02 18:00 focus (focus time)',
      '2025-06-02 18:00–2025-06-02 19:00 off-hours (outside working hours)',
      '2025-06-02 19:00–2025-06-02 20:00 meeting (in a call with Acme)',
      '2025-06-02 20:00–2025-06-02 21:00 off-hours (outside working hours)',
    ]);
    expect(tl.segments[8]?.clientId).toBe('acme');
  });

  it('merges touching stretches that look the same, not those with different clients', () => {
    const tl = build(
      [
        ev('2025-06-02 10:00', '2025-06-02 11:00', 'busy'),
        ev('2025-06-02 11:00', '2025-06-02 12:00', 'busy'),
        ev('2025-06-02 13:00', '2025-06-02 14:00', 'client-meeting', 'acme'),
        ev('2025-06-02 14:00', '2025-06-02 15:00', 'standing-call', 'beta'),
        ev('2025-06-02 15:00', '2025-06-02 16:00', 'client-meeting', 'gone'),
      ],
      '2025-06-02 09:00',
      '2025-06-02 17:00',
    );
    expect(show(tl.segments)).toEqual([
      '2025-06-02 09:00–2025-06-02 10:00 available (available)',
      '2025-06-02 10:00–2025-06-02 12:00 meeting (in a meeting)',
      '2025-06-02 12:00–2025-06-02 13:00 available (available)',
      '2025-06-02 13:00–2025-06-02 14:00 meeting (in a call with Acme)',
      '2025-06-02 14:00–2025-06-02 15:00 meeting (in a standing call with Beta)',
      '2025-06-02 15:00–2025-06-02 16:00 meeting (in a call with a client)',
      '2025-06-02 16:00–2025-06-02 17:00 available (available)',
    ]);
  });

  it('ignores free events, clips events to the window, and never puts titles in reasons', () => {
    const secret = {
      event: {
        uid: 'x',
        summary: 'Secret merger with Initech',
        start: t('2025-06-01 20:00'),
        end: t('2025-06-02 10:00'),
      },
      kind: 'busy',
    } as unknown as ClassifiedEvent;
    const tl = build(
      [secret, ev('2025-06-02 10:00', '2025-06-02 11:00', 'free')],
      '2025-06-02 08:00',
      '2025-06-02 12:00',
    );
    expect(show(tl.segments)).toEqual([
      '2025-06-02 08:00–2025-06-02 10:00 meeting (in a meeting)',
      '2025-06-02 10:00–2025-06-02 12:00 available (available)',
    ]);
    expect(JSON.stringify(tl.segments)).not.toMatch(/Secret|Initech/);
  });

  it('when events of the same rank overlap, the one that started first shows', () => {
    const tl = build(
      [
        ev('2025-06-02 10:30', '2025-06-02 11:30', 'client-meeting', 'beta'),
        ev('2025-06-02 10:00', '2025-06-02 11:00', 'client-meeting', 'acme'),
      ],
      '2025-06-02 10:00',
      '2025-06-02 12:00',
    );
    expect(show(tl.segments)).toEqual([
      '2025-06-02 10:00–2025-06-02 11:00 meeting (in a call with Acme)',
      '2025-06-02 11:00–2025-06-02 11:30 meeting (in a call with Beta)',
      '2025-06-02 11:30–2025-06-02 12:00 available (available)',
    ]);
  });

  it('is empty for an empty window, and timelineFromSegments rejects gaps', () => {
    const empty = build([], '2025-06-02 10:00', '2025-06-02 10:00');
    expect(empty.segments).toEqual([]);
    expect(statusAt(empty, t('2025-06-02 10:00')).reason).toBe('outside the synced calendar range');
    const look = { state: 'available', available: true, reason: 'available' } as const;
    expect(() =>
      timelineFromSegments(
        [
          { start: 0, end: 5, ...look },
          { start: 6, end: 9, ...look },
        ],
        0,
        9,
      ),
    ).toThrow(/gaps/);
    expect(() => timelineFromSegments([{ start: 0, end: 5, ...look }], 0, 9)).toThrow(/window end/);
  });
});

describe('statusAt', () => {
  const tl = build(
    [ev('2025-06-02 10:00', '2025-06-02 11:00', 'standing-call', 'acme')],
    '2025-06-02 00:00',
    '2025-06-03 00:00',
  );

  it('uses half-open segments at every boundary', () => {
    expect(statusAt(tl, t('2025-06-02 09:00') - 1).state).toBe('off-hours');
    expect(statusAt(tl, t('2025-06-02 09:00')).state).toBe('available');
    expect(statusAt(tl, t('2025-06-02 10:00') - 1).state).toBe('available');
    expect(statusAt(tl, t('2025-06-02 10:00')).state).toBe('meeting');
    expect(statusAt(tl, t('2025-06-02 11:00') - 1).state).toBe('meeting');
    expect(statusAt(tl, t('2025-06-02 11:00')).state).toBe('available');
    expect(statusAt(tl, t('2025-06-02 17:00')).state).toBe('off-hours');
  });

  it('tells since, until, the next change and the client', () => {
    expect(statusAt(tl, t('2025-06-02 10:15'))).toEqual({
      at: '2025-06-02T08:15:00.000Z',
      state: 'meeting',
      available: false,
      reason: 'in a standing call with Acme',
      since: '2025-06-02T08:00:00.000Z',
      until: '2025-06-02T09:00:00.000Z',
      next: { at: '2025-06-02T09:00:00.000Z', state: 'available', available: true },
      overridden: false,
      clientId: 'acme',
    });
  });

  it('does not claim to know when the first state began or the last one ends', () => {
    const first = statusAt(tl, t('2025-06-02 03:00'));
    expect([first.since, first.until]).toEqual([null, '2025-06-02T07:00:00.000Z']);
    const last = statusAt(tl, t('2025-06-02 20:00'));
    expect([last.since, last.until, last.next]).toEqual(['2025-06-02T15:00:00.000Z', null, null]);
  });

  it('answers outside the window with no calendar data', () => {
    const before = statusAt(tl, t('2025-06-01 23:00'));
    expect(before).toMatchObject({
      state: 'off-hours',
      available: false,
      reason: 'outside the synced calendar range',
      since: null,
    });
    expect(before.until).toBe(new Date(tl.from).toISOString());
    expect(before.next).toEqual({
      at: new Date(tl.from).toISOString(),
      state: 'off-hours',
      available: false,
    });
    const after = statusAt(tl, tl.to);
    expect([after.since, after.until, after.next]).toEqual([
      new Date(tl.to).toISOString(),
      null,
      null,
    ]);
  });

  it('agrees with a linear scan over a long timeline', () => {
    const events: TimelineEventInput[] = [];
    for (let d = 0; d < 60; d++) {
      const day = t('2025-01-01 00:00') + d * 24 * HOUR;
      for (let k = 0; k < 6; k++) {
        const s = day + (8 + k * 2) * HOUR + ((d * 7 + k * 13) % 50) * MIN;
        events.push({
          event: { start: s, end: s + (30 + ((d + k) % 4) * 15) * MIN },
          kind: (['busy', 'focus', 'client-meeting'] as const)[k % 3] ?? 'busy',
          clientId: 'acme',
        });
      }
    }
    const long = buildTimeline({
      events,
      workingHours: defaultWorkingHours(BERLIN),
      from: t('2025-01-01 00:00'),
      to: t('2025-03-02 00:00'),
    });
    expect(long.segments.length).toBeGreaterThan(500);
    for (let ms = long.from; ms < long.to; ms += 41 * MIN + 1234) {
      const linear = long.segments.findIndex((s) => s.start <= ms && ms < s.end);
      expect(segmentIndexAt(long, ms)).toBe(linear);
    }
    for (const s of long.segments) {
      expect(statusAt(long, s.start).reason).toBe(s.reason);
      expect(nextChange(long, s.start)?.at ?? long.to).toBe(s.end);
    }
  });
});

describe('nextChange', () => {
  it('gives the next change with its state, or null at the end', () => {
    const tl = build(
      [ev('2025-06-02 10:00', '2025-06-02 11:00', 'focus')],
      '2025-06-02 00:00',
      '2025-06-03 00:00',
    );
    expect(nextChange(tl, t('2025-06-02 09:30'))).toEqual({
      at: t('2025-06-02 10:00'),
      state: 'focus',
      available: false,
      reason: 'focus time',
    });
    expect(nextChange(tl, t('2025-06-02 10:00'))).toMatchObject({
      at: t('2025-06-02 11:00'),
      state: 'available',
    });
    expect(nextChange(tl, t('2025-06-02 18:00'))).toBeNull();
  });
});

describe('daylight-saving changes', () => {
  it('Berlin spring: working hours stay 09:00 local and an event across the change keeps its real length', () => {
    // Clocks go 02:00 → 03:00 on Sunday 30 March 2025.
    const tl = build(
      [ev('2025-03-29 23:00', '2025-03-30 04:00', 'busy')],
      '2025-03-28 00:00',
      '2025-04-01 00:00',
    );
    expect(statusAt(tl, t('2025-03-28 09:00')).state).toBe('available');
    expect(t('2025-03-28 09:00')).toBe(Date.parse('2025-03-28T08:00:00Z'));
    expect(statusAt(tl, Date.parse('2025-03-31T07:00:00Z') - 1).state).toBe('off-hours');
    expect(statusAt(tl, Date.parse('2025-03-31T07:00:00Z')).state).toBe('available'); // 09:00 CEST
    const day = dayTimeline(tl, '2025-03-30', BERLIN);
    expect(day.map((s) => [s.start, s.end, s.state])).toEqual([
      ['2025-03-29T23:00:00.000Z', '2025-03-30T02:00:00.000Z', 'meeting'],
      ['2025-03-30T02:00:00.000Z', '2025-03-30T22:00:00.000Z', 'off-hours'],
    ]);
    expect(Date.parse(day[1]!.end) - Date.parse(day[0]!.start)).toBe(23 * HOUR);
  });

  it('Berlin autumn: a 25-hour day, 09:00 local on both sides', () => {
    const tl = build(
      [ev('2025-10-25 23:00', '2025-10-26 04:00', 'busy')],
      '2025-10-24 00:00',
      '2025-10-28 00:00',
    );
    expect(statusAt(tl, Date.parse('2025-10-24T07:00:00Z')).state).toBe('available'); // 09:00 CEST
    expect(statusAt(tl, Date.parse('2025-10-27T08:00:00Z') - 1).state).toBe('off-hours');
    expect(statusAt(tl, Date.parse('2025-10-27T08:00:00Z')).state).toBe('available'); // 09:00 CET
    const day = dayTimeline(tl, '2025-10-26', BERLIN);
    expect(day[0]).toMatchObject({
      start: '2025-10-25T22:00:00.000Z',
      end: '2025-10-26T03:00:00.000Z',
      state: 'meeting',
    });
    expect(Date.parse(day[day.length - 1]!.end) - Date.parse(day[0]!.start)).toBe(25 * HOUR);
  });

  it('New York spring and autumn: 09:00 local, an event across the change', () => {
    const spring = build(
      [ev('2025-03-08 23:00', '2025-03-09 05:00', 'focus', undefined, NY)],
      '2025-03-07 00:00',
      '2025-03-11 00:00',
      NY,
    );
    expect(statusAt(spring, Date.parse('2025-03-07T14:00:00Z')).state).toBe('available'); // 09:00 EST
    expect(statusAt(spring, Date.parse('2025-03-10T13:00:00Z')).state).toBe('available'); // 09:00 EDT
    expect(statusAt(spring, Date.parse('2025-03-10T13:00:00Z') - 1).state).toBe('off-hours');
    const sunday = dayTimeline(spring, '2025-03-09', NY);
    expect(
      show(
        sunday.map((s) => ({ ...s, start: Date.parse(s.start), end: Date.parse(s.end) })),
        NY,
      ),
    ).toEqual([
      '2025-03-09 00:00–2025-03-09 05:00 focus (focus time)',
      '2025-03-09 05:00–2025-03-10 00:00 off-hours (outside working hours)',
    ]);
    expect(Date.parse(sunday[0]!.end) - Date.parse(sunday[0]!.start)).toBe(4 * HOUR); // 00:00 EST → 05:00 EDT
    const autumn = build([], '2025-10-31 00:00', '2025-11-04 00:00', NY);
    expect(statusAt(autumn, Date.parse('2025-10-31T13:00:00Z')).state).toBe('available'); // 09:00 EDT
    expect(statusAt(autumn, Date.parse('2025-11-03T14:00:00Z')).state).toBe('available'); // 09:00 EST
    expect(statusAt(autumn, Date.parse('2025-11-03T14:00:00Z') - 1).state).toBe('off-hours');
  });
});

describe('night shift across midnight', () => {
  it('Friday 22:00–06:00 keeps the user available into Saturday morning', () => {
    const hours: WorkingHours = {
      tz: BERLIN,
      days: [[], [], [], [], [], [{ start: '22:00', end: '06:00' }], []],
    };
    const tl = build([], '2025-06-06 00:00', '2025-06-08 00:00', BERLIN, hours);
    expect(statusAt(tl, t('2025-06-06 22:00') - 1).state).toBe('off-hours');
    expect(statusAt(tl, t('2025-06-06 22:00')).state).toBe('available');
    expect(statusAt(tl, t('2025-06-07 05:59')).state).toBe('available');
    expect(statusAt(tl, t('2025-06-07 06:00')).state).toBe('off-hours');
    expect(
      show(
        dayTimeline(tl, '2025-06-07', BERLIN).map((s) => ({
          ...s,
          start: Date.parse(s.start),
          end: Date.parse(s.end),
        })),
      ),
    ).toEqual([
      '2025-06-07 00:00–2025-06-07 06:00 available (available)',
      '2025-06-07 06:00–2025-06-08 00:00 off-hours (outside working hours)',
    ]);
  });
});

describe('dayTimeline', () => {
  it('clips to the local day and leaves out what the timeline does not cover', () => {
    const tl = build(
      [ev('2025-06-02 16:00', '2025-06-02 18:00', 'client-meeting', 'acme')],
      '2025-06-02 08:00',
      '2025-06-04 00:00',
    );
    const day = dayTimeline(tl, '2025-06-02', BERLIN);
    expect(day[0]?.start).toBe(new Date(t('2025-06-02 08:00')).toISOString());
    expect(day.find((s) => s.state === 'meeting')).toEqual({
      start: '2025-06-02T14:00:00.000Z',
      end: '2025-06-02T16:00:00.000Z',
      state: 'meeting',
      available: false,
      reason: 'in a call with Acme',
      clientId: 'acme',
    });
    expect(day[day.length - 1]?.end).toBe('2025-06-02T22:00:00.000Z');
    expect(dayTimeline(tl, '2025-06-10', BERLIN)).toEqual([]);
  });
});
