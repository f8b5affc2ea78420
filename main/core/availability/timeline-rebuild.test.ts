import { describe, expect, it } from 'vitest';
import type { ClassificationRules, ClientMatcher } from '../../../shared/domain.js';
import { DEFAULT_RULES, classifyAll } from '../calendar/classify.js';
import type { ExpandedEvent } from '../calendar/types.js';
import { buildTimeline } from './timeline-build.js';
import {
  type RebuildInput,
  type SourceEvents,
  TimelineRebuilder,
  sameMeetings,
  startedMeetings,
} from './timeline-rebuild.js';
import { defaultWorkingHours } from './working-hours.js';

const HOUR = 3_600_000;
const from = Date.UTC(2026, 2, 1);
const to = from + 40 * 24 * HOUR;
const clients: ClientMatcher[] = [
  { id: 'acme', name: 'Acme', domains: ['acme.example'], keywords: ['Acme'] },
  { id: 'globex', name: 'Globex', domains: ['globex.example'], keywords: [] },
];
const TITLES = ['Focus block', 'Acme sync', 'Urlaub', 'Lunch', 'Deep work', 'Review', 'OOO'];

/** A deterministic mix of occurrences: titles, attendees, all-day, transparent and tentative ones. */
function events(n: number, seed: number): ExpandedEvent[] {
  let x = seed;
  const next = (m: number): number => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) >>> 0) % m;
  return Array.from({ length: n }, (_, i) => {
    const start = from + next(40 * 24) * HOUR + next(4) * 15 * 60_000;
    const attendees =
      next(3) === 0 ? [] : [next(2) === 0 ? 'eva@acme.example' : 'bo@globex.example'];
    return {
      uid: `e${seed}-${i}`,
      summary: TITLES[next(TITLES.length)] ?? '',
      start,
      end: start + (1 + next(8)) * 15 * 60_000,
      allDay: next(20) === 0,
      recurring: next(3) === 0,
      transparent: next(15) === 0,
      ...(next(10) === 0 ? { status: 'TENTATIVE' } : {}),
      attendees,
      categories: [],
      created: start - next(72) * HOUR,
    };
  });
}

function input(sources: SourceEvents[], rules: ClassificationRules = DEFAULT_RULES): RebuildInput {
  return { sources, rules, clients, workingHours: defaultWorkingHours('Europe/Berlin'), from, to };
}

/** The one-go build: every occurrence classified at once, then the timeline. */
function oneGo(i: RebuildInput): { classified: unknown; segments: unknown } {
  const tagged = i.sources.flatMap((s) =>
    s.events.map((event) => ({
      event,
      role: s.role,
      calendar: s.calendar,
      sourceId: s.sourceId,
    })),
  );
  const classified = classifyAll(tagged, i.rules, i.clients);
  const timeline = buildTimeline({
    events: classified,
    workingHours: i.workingHours,
    from: i.from,
    to: i.to,
    clients: i.clients,
  });
  return { classified, segments: timeline.segments };
}

describe('TimelineRebuilder', () => {
  it('gives, in slices, the classification and timeline of the one-go build, also after a feed changed', async () => {
    const rebuilder = new TimelineRebuilder();
    const work: SourceEvents = {
      sourceId: 'w',
      role: 'busy',
      calendar: 'Work',
      events: events(3000, 1),
    };
    const home: SourceEvents = {
      sourceId: 'h',
      role: 'busy',
      calendar: 'Home',
      events: events(500, 2),
    };
    const first = input([work, home]);
    // sliceMs 0: a pause after every step, the most interleaving there can be.
    const a = await rebuilder.rebuildSliced(first, 0);
    expect({ classified: a.classified, segments: a.timeline.segments }).toEqual(oneGo(first));

    // The work feed changed (a new array, as a sync hands back); home did not.
    const changed: SourceEvents = { ...work, events: events(3000, 3) };
    const second = input([changed, home]);
    const b = await rebuilder.rebuildSliced(second, 0);
    expect({ classified: b.classified, segments: b.timeline.segments }).toEqual(oneGo(second));
    // The unchanged calendar kept its classification (the very objects), the changed one did not.
    expect(b.classified[3000]).toBe(a.classified[3000]);
    expect(b.classified[0]).not.toBe(a.classified[0]);
    expect(rebuilder.rebuildNow(second)).toEqual(b);
  });

  it('classifies an unchanged calendar again when the rules, its role or its name changed', async () => {
    const rebuilder = new TimelineRebuilder();
    const work: SourceEvents = {
      sourceId: 'w',
      role: 'busy',
      calendar: 'Work',
      events: events(300, 4),
    };
    const before = rebuilder.rebuildNow(input([work]));
    const rules = { ...DEFAULT_RULES, focusKeywords: ['Review'] };
    const byRules = await rebuilder.rebuildSliced(input([work], rules), 0);
    expect(byRules.classified).toEqual(oneGo(input([work], rules)).classified);
    expect(byRules.classified.some((c, i) => c.kind !== before.classified[i]?.kind)).toBe(true);
    const asFocus = rebuilder.rebuildNow(input([{ ...work, role: 'focus' }]));
    expect(asFocus.classified.every((c) => c.kind === 'focus')).toBe(true);
    const renamed = rebuilder.rebuildNow(input([{ ...work, calendar: 'Office' }]));
    expect(renamed.classified.every((c) => c.calendar === 'Office')).toBe(true);
  });

  it('lists the client meetings that have started, and tells equal lists from changed ones', async () => {
    const rebuilder = new TimelineRebuilder();
    const { classified } = rebuilder.rebuildNow(
      input([{ sourceId: 'w', role: 'busy', calendar: 'Work', events: events(2000, 5) }]),
    );
    const now = from + 20 * 24 * HOUR;
    const started = await startedMeetings(classified, now, 0);
    expect(started.length).toBeGreaterThan(0);
    expect(started.every((m) => m.start < now)).toBe(true);
    const expected = classified.filter(
      (c) =>
        (c.kind === 'client-meeting' || c.kind === 'standing-call') &&
        !c.event.allDay &&
        c.event.start < now,
    );
    expect(started.map((m) => m.uid)).toEqual(expected.map((c) => c.event.uid));
    expect(sameMeetings(started, await startedMeetings(classified, now, 0))).toBe(true);
    expect(sameMeetings(started, started.slice(1))).toBe(false);
    const moved = started.map((m, i) => (i === 3 ? { ...m, end: m.end + 60_000 } : m));
    expect(sameMeetings(started, moved)).toBe(false);
  });
});
