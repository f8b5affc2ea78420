/**
 * The availability timeline and the questions asked of it: the status at an instant (with or without
 * a manual override), the next change, and the segments of one local day.
 *
 * Segments are half-open: a segment [10:00,11:00) holds at 10:00 and not at 11:00. `statusAt` is a
 * binary search over a packed array of starts and allocates only its result.
 * Building lives in timeline-build.ts and is re-exported here.
 */
import type {
  AvailabilityState,
  Override,
  StatusNow,
  TimelineSegment,
} from '../../../shared/domain.js';
import {
  applyOverrideMode,
  isOverrideActive,
  overrideEnd,
  overrideStart,
  type StateLike,
} from './override.js';
import { appendSegment, type Segment, type Timeline } from './timeline-build.js';
import { expectIsoDate } from '../time/civil.js';
import { timeZone } from '../time/zone.js';
import { dayRange } from '../time/zoned.js';

export {
  AVAILABLE,
  KIND_PRECEDENCE,
  OFF_HOURS,
  buildTimeline,
  timelineFromSegments,
  type Segment,
  type Timeline,
  type TimelineEventInput,
  type TimelineInput,
} from './timeline-build.js';

/** How instants outside the timeline's window look: nothing is known there. */
export const OUTSIDE: StateLike = Object.freeze({
  state: 'off-hours',
  available: false,
  reason: 'outside the synced calendar range',
});

/** Index of the segment holding `ms`, or -1 when `ms` is outside [from, to). O(log n). */
export function segmentIndexAt(timeline: Timeline, ms: number): number {
  const starts = timeline.starts;
  if (starts.length === 0 || !(ms >= timeline.from) || ms >= timeline.to) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The calendar's look at `ms` (no override). */
function lookAt(timeline: Timeline, ms: number): StateLike {
  const i = segmentIndexAt(timeline, ms);
  return i < 0 ? OUTSIDE : timeline.segments[i]!;
}

/** Working memory of one query; reused so a query allocates nothing but its result. NaN = unknown. */
interface Resolution {
  look: StateLike;
  since: number;
  until: number;
  next: StateLike | null;
  nextAt: number;
  overridden: boolean;
  /** End of the calendar segment holding the instant (NaN outside the window), even when it is the last. */
  segmentEnd: number;
}
const scratch: Resolution = {
  look: OUTSIDE,
  since: NaN,
  until: NaN,
  next: null,
  nextAt: NaN,
  overridden: false,
  segmentEnd: NaN,
};

function setChange(r: Resolution, at: number, next: StateLike | null): void {
  r.until = next === null ? NaN : at;
  r.nextAt = r.until;
  r.next = next;
}

/** The calendar's answer at `ms`, ignoring any override. */
function resolvePlain(t: Timeline, ms: number, r: Resolution): void {
  const segs = t.segments;
  const i = segmentIndexAt(t, ms);
  r.overridden = false;
  if (i < 0) {
    r.look = OUTSIDE;
    r.segmentEnd = NaN;
    const before = segs.length > 0 && ms < t.from;
    r.since = segs.length > 0 && !before ? t.to : NaN;
    setChange(r, t.from, before ? segs[0]! : null);
    return;
  }
  const seg = segs[i]!;
  r.look = seg;
  r.segmentEnd = seg.end;
  // The first segment starts at the window's edge, not necessarily when its state began.
  r.since = i === 0 ? NaN : seg.start;
  setChange(r, seg.end, segs[i + 1] ?? null);
}

/** The answer at `ms` with `override` in force (see override.ts for what each mode does). */
function resolveOverridden(t: Timeline, ms: number, o: Override, r: Resolution): void {
  const start = overrideStart(o);
  const end = overrideEnd(o);
  if (o.mode === 'available') {
    r.look = applyOverrideMode(OUTSIDE, 'available');
    r.since = start;
    setChange(r, end, Number.isFinite(end) ? lookAt(t, end) : null);
    r.overridden = true;
    return;
  }
  resolvePlain(t, ms, r);
  r.overridden = true;
  const calendar = r.look;
  const effective = applyOverrideMode(calendar, 'unavailable');
  if (effective === calendar) {
    // Kept as the calendar says; what follows is overridden too while the override lasts.
    if (r.next !== null && r.nextAt < end) r.next = applyOverrideMode(r.next, 'unavailable');
    return;
  }
  // An available stretch turned 'away' by hand: it began when the override or the stretch did.
  r.look = effective;
  if (!(r.since >= start)) r.since = start;
  if (end < r.segmentEnd) setChange(r, end, calendar);
}

function resolve(
  t: Timeline,
  ms: number,
  override: Override | null | undefined,
  r: Resolution,
): void {
  if (override != null && isOverrideActive(override, ms)) {
    resolveOverridden(t, ms, override, r);
    return;
  }
  resolvePlain(t, ms, r);
  if (override != null) {
    // An override that ended inside the current stretch is when the current state began.
    const end = overrideEnd(override);
    const changedByIt = applyOverrideMode(r.look, override.mode) !== r.look;
    if (changedByIt && end <= ms && Number.isFinite(end) && !(r.since >= end)) r.since = end;
  }
}

/**
 * ISO strings of segment boundaries, made once per timeline: formatting dominates a status query,
 * and since/until/next are nearly always boundaries. Bounded by the number of boundaries.
 */
const isoCaches = new WeakMap<Timeline, Map<number, string>>();

function iso(t: Timeline, ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  let cache = isoCaches.get(t);
  if (cache === undefined) {
    cache = new Map();
    isoCaches.set(t, cache);
  }
  let s = cache.get(ms);
  if (s === undefined) {
    s = new Date(ms).toISOString();
    cache.set(ms, s);
  }
  return s;
}

/**
 * The status at instant `ms`: state, since, until, the next change, and whether an override decides it.
 * An expired override is ignored. Outside the timeline the state is 'off-hours' ("outside the synced
 * calendar range"). `until`/`next` are null when the change lies beyond the timeline.
 */
export function statusAt(timeline: Timeline, ms: number, override?: Override | null): StatusNow {
  const r = scratch;
  resolve(timeline, ms, override, r);
  const status: StatusNow = {
    at: new Date(ms).toISOString(),
    state: r.look.state,
    available: r.look.available,
    reason: r.look.reason,
    since: iso(timeline, r.since),
    until: iso(timeline, r.until),
    next:
      r.next === null
        ? null
        : { at: iso(timeline, r.nextAt) ?? '', state: r.next.state, available: r.next.available },
    overridden: r.overridden,
  };
  if (r.look.clientId !== undefined) status.clientId = r.look.clientId;
  return status;
}

/** A change of status: when, and what it becomes. */
export interface StatusChange {
  at: number;
  state: AvailabilityState;
  available: boolean;
  reason: string;
}

/** The first change of status after `ms` (state or reason), or null when none is known. */
export function nextChange(
  timeline: Timeline,
  ms: number,
  override?: Override | null,
): StatusChange | null {
  const r = scratch;
  resolve(timeline, ms, override, r);
  if (r.next === null) return null;
  return { at: r.nextAt, state: r.next.state, available: r.next.available, reason: r.next.reason };
}

/** The timeline's segments clipped to [from, to), with `override` applied where it is in force. */
export function segmentsBetween(
  timeline: Timeline,
  from: number,
  to: number,
  override?: Override | null,
): Segment[] {
  const a = Math.max(from, timeline.from);
  const b = Math.min(to, timeline.to);
  const out: Segment[] = [];
  if (!(b > a)) return out;
  const oStart = override == null ? NaN : overrideStart(override);
  const oEnd = override == null ? NaN : overrideEnd(override);
  const segs = timeline.segments;
  for (let i = segmentIndexAt(timeline, a); i >= 0 && i < segs.length && segs[i]!.start < b; i++) {
    const seg = segs[i]!;
    const s = Math.max(seg.start, a);
    const e = Math.min(seg.end, b);
    if (override == null || !(oEnd > s && oStart < e)) {
      appendSegment(out, s, e, seg);
      continue;
    }
    // Split at the override's edges: before, during, after.
    const inS = Math.max(s, oStart);
    const inE = Math.min(e, oEnd);
    appendSegment(out, s, inS, seg);
    appendSegment(out, inS, inE, applyOverrideMode(seg, override.mode));
    appendSegment(out, inE, e, seg);
  }
  return out;
}

/** A segment with ISO instants, as the dashboard and status pages receive it. */
export function toTimelineSegment(seg: Segment): TimelineSegment {
  const out: TimelineSegment = {
    start: new Date(seg.start).toISOString(),
    end: new Date(seg.end).toISOString(),
    state: seg.state,
    available: seg.available,
    reason: seg.reason,
  };
  if (seg.clientId !== undefined) out.clientId = seg.clientId;
  if (seg.standing) out.standing = true;
  return out;
}

/**
 * The segments of one local day (`date` as "YYYY-MM-DD" or a day number) in `tz`, from local midnight
 * to the next — 23 or 25 hours on the days the clocks change. Parts outside the timeline are left out.
 */
export function dayTimeline(
  timeline: Timeline,
  date: string | number,
  tz: string,
  override?: Override | null,
): TimelineSegment[] {
  const day = typeof date === 'string' ? expectIsoDate(date) : date;
  const { start, end } = dayRange(day, timeZone(tz));
  return segmentsBetween(timeline, start, end, override).map(toTimelineSegment);
}
