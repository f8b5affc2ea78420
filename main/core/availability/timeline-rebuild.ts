/**
 * Classification and the availability timeline, rebuilt from every calendar's occurrences without
 * holding the main thread: the work runs in small steps, and between steps the event loop gets its
 * turn (timers, I/O, the tray). A calendar whose occurrences, role and name did not change since the
 * last rebuild keeps its classification; only a changed one is classified again. The outcome is the
 * same as classifying everything and building the timeline in one go.
 */
import type {
  CalendarRole,
  ClassificationRules,
  ClientMatcher,
  WorkingHours,
} from '../../../shared/domain.js';
import { classifyAll, type ClassifiedEvent, type TaggedEvent } from '../calendar/classify.js';
import type { ExpandedEvent } from '../calendar/types.js';
import type { ClientMeeting } from '../ledger/calendar-demand.js';
import { clientMeetings } from '../ledger/calendar-contacts.js';
import { drain, timelineSteps, type Timeline } from './timeline-build.js';

/** One calendar's occurrences and what classification needs to know of it. */
export interface SourceEvents {
  sourceId: string;
  role: CalendarRole;
  /** Calendar display name (for the rules preview). */
  calendar: string;
  events: readonly ExpandedEvent[];
}

/** Everything classification and the timeline are built from. */
export interface RebuildInput {
  /** In the order the classified list should come out. */
  sources: readonly SourceEvents[];
  rules: ClassificationRules;
  clients: readonly ClientMatcher[];
  workingHours: WorkingHours;
  from: number;
  to: number;
}

/** The classified occurrences (in source order) and the timeline built from them. */
export interface Rebuilt {
  classified: ClassifiedEvent[];
  timeline: Timeline;
}

/** Occurrences classified between two pauses: well under a millisecond of work (several on a busy machine). */
const CLASSIFY_STEP = 64;

/** Longest stretch `rebuildSliced` keeps the main thread before it lets the event loop run. */
export const SLICE_MS = 4;

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A calendar's classification, remembered by its occurrences array (a sync that changed nothing hands back the same one). */
interface Remembered {
  key: string;
  classified: ClassifiedEvent[];
}

/** Rebuilds classification and timeline; remembers each calendar's classification for the next rebuild. */
export class TimelineRebuilder {
  private remembered = new WeakMap<readonly ExpandedEvent[], Remembered>();

  /** Rebuilds in one go (start-up, tests, small inputs). */
  rebuildNow(input: RebuildInput): Rebuilt {
    return drain(this.steps(input));
  }

  /** Rebuilds in slices of at most about `sliceMs` of main-thread time each. */
  rebuildSliced(input: RebuildInput, sliceMs = SLICE_MS): Promise<Rebuilt> {
    return runSliced(this.steps(input), sliceMs);
  }

  private *steps(input: RebuildInput): Generator<void, Rebuilt> {
    const rulesKey = JSON.stringify([input.rules, input.clients]);
    const classified: ClassifiedEvent[] = [];
    const next = new WeakMap<readonly ExpandedEvent[], Remembered>();
    for (const source of input.sources) {
      const key = JSON.stringify([source.sourceId, source.role, source.calendar, rulesKey]);
      let mine = this.remembered.get(source.events);
      if (mine?.key !== key) {
        const out: ClassifiedEvent[] = [];
        for (let i = 0; i < source.events.length; i += CLASSIFY_STEP) {
          const tagged: TaggedEvent[] = source.events.slice(i, i + CLASSIFY_STEP).map((event) => ({
            event,
            role: source.role,
            calendar: source.calendar,
            sourceId: source.sourceId,
          }));
          // Each occurrence is classified on its own, so classifying a slice at a time gives the same list.
          for (const c of classifyAll(tagged, input.rules, input.clients)) out.push(c);
          yield;
        }
        mine = { key, classified: out };
      }
      next.set(source.events, mine);
      for (const c of mine.classified) classified.push(c);
    }
    this.remembered = next;
    yield;
    const timeline = yield* timelineSteps({
      events: classified,
      workingHours: input.workingHours,
      from: input.from,
      to: input.to,
      clients: input.clients.map((c) => ({ id: c.id, name: c.name })),
    });
    return { classified, timeline };
  }
}

/** Runs steps to the end, pausing for the event loop whenever about `sliceMs` have passed. */
async function runSliced<T>(steps: Generator<void, T>, sliceMs: number): Promise<T> {
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const next = steps.next();
      if (next.done === true) return next.value;
      if (performance.now() >= until) break;
    }
    await pause();
  }
}

function* meetingSteps(
  classified: readonly ClassifiedEvent[],
  now: number,
): Generator<void, ClientMeeting[]> {
  const out: ClientMeeting[] = [];
  for (let i = 0; i < classified.length; i += 1024) {
    for (const m of clientMeetings(classified.slice(i, i + 1024))) if (m.start < now) out.push(m);
    yield;
  }
  return out;
}

/**
 * The client meetings that had started by `now` (what the calendar-contact merge turns into
 * contacts), gathered in slices. When they are the same as at the last merge, and the contacts did
 * not change meanwhile, the merge would change nothing and can be left out (see sameMeetings).
 */
export function startedMeetings(
  classified: readonly ClassifiedEvent[],
  now: number,
  sliceMs = SLICE_MS,
): Promise<ClientMeeting[]> {
  return runSliced(meetingSteps(classified, now), sliceMs);
}

/** True when two lists of meetings are the same, field by field and in the same order. */
export function sameMeetings(a: readonly ClientMeeting[], b: readonly ClientMeeting[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.uid !== y.uid ||
      x.start !== y.start ||
      x.end !== y.end ||
      x.clientId !== y.clientId ||
      x.recurring !== y.recurring ||
      x.created !== y.created ||
      x.lastModified !== y.lastModified ||
      x.dtstamp !== y.dtstamp
    )
      return false;
  }
  return true;
}
