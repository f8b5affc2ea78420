/**
 * Builds the availability timeline: one sorted, gap-free, non-overlapping list of segments over a
 * window, from classified events and working hours.
 *
 * Precedence where things overlap (highest first):
 *   away (out of office) > meeting (client meeting = standing call > other busy) > focus > off-hours > available
 * Away beats meetings because a vacation day with a forgotten recurring meeting is still a vacation day;
 * meetings beat focus because a call booked into a focus block is what actually happens; events of any
 * kind beat off-hours, so a meeting at 20:00 still shows as a meeting. Between two events of the same
 * rank the one that started first wins (ties: input order). Adjacent segments that look the same are
 * merged. Reasons are plain words and never contain event titles.
 */
import type { ClientMatcher, EventKind, WorkingHours } from '../../../shared/domain.js';
import type { StateLike } from './override.js';
import { type Interval, workingIntervals } from './working-hours.js';

/** One stretch of the timeline, [start, end) in epoch ms. */
export interface Segment extends StateLike {
  start: number;
  end: number;
}

/** The availability timeline over [from, to): segments cover it without gaps, sorted by start. */
export interface Timeline {
  from: number;
  to: number;
  segments: readonly Segment[];
  /** `segments[i].start`, packed for the binary search of the status queries. */
  starts: Float64Array;
}

/** The least an event needs for the timeline (a `ClassifiedEvent` is one). */
export interface TimelineEventInput {
  event: { start: number; end: number };
  kind: EventKind;
  clientId?: string;
}

/** Everything the timeline is built from. */
export interface TimelineInput {
  events: readonly TimelineEventInput[];
  workingHours: WorkingHours;
  from: number;
  to: number;
  /** Client names for reasons such as "in a call with Acme". */
  clients?: readonly Pick<ClientMatcher, 'id' | 'name'>[];
}

/** Rank of each event kind where events overlap (higher wins); negative: does not make a segment. */
export const KIND_PRECEDENCE: Readonly<Record<EventKind, number>> = Object.freeze({
  away: 5,
  'standing-call': 4,
  'client-meeting': 4,
  busy: 3,
  focus: 2,
  free: -1,
});

/** How a stretch with no event inside working hours looks. */
export const AVAILABLE: StateLike = Object.freeze({
  state: 'available',
  available: true,
  reason: 'available',
});
/** How a stretch with no event outside working hours looks. */
export const OFF_HOURS: StateLike = Object.freeze({
  state: 'off-hours',
  available: false,
  reason: 'outside working hours',
});

const AWAY: StateLike = Object.freeze({ state: 'away', available: false, reason: 'out of office' });
const FOCUS: StateLike = Object.freeze({ state: 'focus', available: false, reason: 'focus time' });
const BUSY: StateLike = Object.freeze({
  state: 'meeting',
  available: false,
  reason: 'in a meeting',
});

/** The look of an event's stretch; client ones are cached so equal stretches share one object. */
function lookOf(
  e: TimelineEventInput,
  names: Map<string, string>,
  cache: Map<string, StateLike>,
): StateLike {
  if (e.kind === 'away') return AWAY;
  if (e.kind === 'focus') return FOCUS;
  if ((e.kind !== 'client-meeting' && e.kind !== 'standing-call') || e.clientId === undefined)
    return BUSY;
  const key = `${e.kind}\u0000${e.clientId}`;
  let look = cache.get(key);
  if (look === undefined) {
    const name = names.get(e.clientId);
    const call = e.kind === 'standing-call' ? 'a standing call' : 'a call';
    const reason = name === undefined ? `in ${call} with a client` : `in ${call} with ${name}`;
    look = Object.freeze({
      state: 'meeting',
      available: false,
      reason,
      clientId: e.clientId,
      ...(e.kind === 'standing-call' ? { standing: true } : {}),
    });
    cache.set(key, look);
  }
  return look;
}

interface Item {
  start: number;
  end: number;
  rank: number;
  seq: number;
  look: StateLike;
}

/** True when `a` should be on top of `b`: higher rank, then earlier start, then earlier input. */
function above(a: Item, b: Item): boolean {
  return a.rank !== b.rank
    ? a.rank > b.rank
    : a.start !== b.start
      ? a.start < b.start
      : a.seq < b.seq;
}

/** A binary max-heap of active events. Ended events are removed lazily, when they reach the top. */
class ItemHeap {
  private readonly items: Item[] = [];

  top(): Item | undefined {
    return this.items[0];
  }

  push(item: Item): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!above(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): void {
    const h = this.items;
    const last = h.pop();
    if (last === undefined || h.length === 0) return;
    h[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < h.length && above(h[l]!, h[best]!)) best = l;
      if (r < h.length && above(h[r]!, h[best]!)) best = r;
      if (best === i) return;
      [h[i], h[best]] = [h[best]!, h[i]!];
      i = best;
    }
  }
}

/** True when two looks would show the same (so neighbouring stretches merge). */
export function sameLook(a: StateLike, b: StateLike): boolean {
  return (
    a.state === b.state &&
    a.reason === b.reason &&
    a.clientId === b.clientId &&
    a.standing === b.standing &&
    a.available === b.available
  );
}

/** Appends [start, end) with `look`, merging it into the previous segment when they touch and look the same. */
export function appendSegment(out: Segment[], start: number, end: number, look: StateLike): void {
  if (!(end > start)) return;
  const last = out[out.length - 1];
  if (last !== undefined && last.end === start && sameLook(last, look)) {
    last.end = end;
    return;
  }
  const seg: Segment = {
    start,
    end,
    state: look.state,
    available: look.available,
    reason: look.reason,
  };
  if (look.clientId !== undefined) seg.clientId = look.clientId;
  if (look.standing) seg.standing = true;
  out.push(seg);
}

/** Wraps finished segments (sorted, gap-free over [from, to)) as a timeline; throws if they are not. */
export function timelineFromSegments(
  segments: readonly Segment[],
  from: number,
  to: number,
): Timeline {
  let at = from;
  for (const s of segments) {
    if (s.start !== at || !(s.end > s.start))
      throw new RangeError(`segments must cover the window without gaps (at ${at})`);
    at = s.end;
  }
  if (segments.length > 0 && at !== to) throw new RangeError('segments must end at the window end');
  const starts = new Float64Array(segments.length);
  segments.forEach((s, i) => (starts[i] = s.start));
  return { from, to: segments.length > 0 ? to : from, segments, starts };
}

/** Items between two pauses of `timelineSteps`: well under a millisecond of work each. */
const STEP = 1024;

/** The working intervals of the last build: they depend only on the hours and the window, and cost Intl calls. */
let lastWork: { key: string; work: readonly Interval[] } | undefined;

function workingIntervalsOnce(hours: WorkingHours, from: number, to: number): readonly Interval[] {
  const key = `${from}/${to}/${JSON.stringify(hours)}`;
  if (lastWork?.key !== key) lastWork = { key, work: workingIntervals(hours, from, to) };
  return lastWork.work;
}

/**
 * The timeline build as steps: yields every few hundred items so a caller can let the event loop
 * run in between (see timeline-rebuild.ts); returns the same timeline as `buildTimeline`.
 */
export function* timelineSteps(input: TimelineInput): Generator<void, Timeline> {
  const { from, to } = input;
  if (!(to > from)) return timelineFromSegments([], from, from);
  const names = new Map((input.clients ?? []).map((c) => [c.id, c.name]));
  const cache = new Map<string, StateLike>();
  const items: Item[] = [];
  let n = 0;
  for (const e of input.events) {
    if (++n % STEP === 0) yield;
    const rank = KIND_PRECEDENCE[e.kind];
    const start = Math.max(e.event.start, from);
    const end = Math.min(e.event.end, to);
    if (rank < 0 || !(end > start)) continue;
    items.push({ start, end, rank, seq: items.length, look: lookOf(e, names, cache) });
  }
  yield;
  items.sort((a, b) => a.start - b.start || a.seq - b.seq);
  yield;
  const work = workingIntervalsOnce(input.workingHours, from, to);

  const cuts = new Float64Array(2 * items.length + 2 * work.length + 2);
  let c = 0;
  cuts[c++] = from;
  cuts[c++] = to;
  for (const it of items) {
    cuts[c++] = it.start;
    cuts[c++] = it.end;
  }
  for (const w of work) {
    cuts[c++] = w.start;
    cuts[c++] = w.end;
  }
  cuts.sort();
  yield;

  const heap = new ItemHeap();
  const segments: Segment[] = [];
  let nextItem = 0;
  let w = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    if (k % STEP === STEP - 1) yield;
    const t = cuts[k]!;
    const u = cuts[k + 1]!;
    if (u === t) continue;
    while (nextItem < items.length && items[nextItem]!.start <= t) heap.push(items[nextItem++]!);
    for (let top = heap.top(); top !== undefined && top.end <= t; top = heap.top()) heap.pop();
    while (w < work.length && work[w]!.end <= t) w++;
    const inWork = w < work.length && work[w]!.start <= t;
    appendSegment(segments, t, u, heap.top()?.look ?? (inWork ? AVAILABLE : OFF_HOURS));
  }
  yield;
  return timelineFromSegments(segments, from, to);
}

/** Runs steps to the end without pausing and returns what they return. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/** Builds the timeline over [input.from, input.to) (see the file comment for the precedence). */
export function buildTimeline(input: TimelineInput): Timeline {
  return drain(timelineSteps(input));
}
