/**
 * What one client may see of the user's status: state, until when, the next standing call with *that*
 * client, when the user is available again, and the client's policy text. Built only from times, states
 * and the client's own id — never from a segment's `reason`, which may name an event kind or another client.
 */
import type {
  AvailabilityState,
  Client,
  StatusNow,
  TimelineSegment,
} from '../../../shared/domain.js';
import {
  DEFAULT_POLICY_TEXT,
  PHRASES,
  type StatusLocale,
  formatUpdated,
  formatWhen,
  safeTimeZone,
  statusLocale,
} from './status-text.js';

/** The parts of a client record a status view needs. */
export type StatusViewClient = Pick<Client, 'id' | 'locale' | 'timeZone' | 'policyText'>;

/** Display strings in the client's language and zone. */
export interface ClientStatusText {
  /** "Focus time" */
  state: string;
  /** "Focus time until 15:00" */
  headline: string;
  /** "Our next call: Friday 10:00", or null without an upcoming standing call. */
  nextCall: string | null;
  /** "Available from 16:30" when that differs from `until`; null when available now. */
  nextAvailable: string | null;
  /** "Ad-hoc calls → I answer by e-mail" while unavailable; null when available. */
  adHoc: string | null;
  /** The client's policy text (or the default) in their language. */
  policy: string;
  /** "Updated 14:02 CET" */
  updated: string;
}

/** One client's status: the JSON of the status link, and what the page, badge and SSE stream render. */
export interface ClientStatusView {
  available: boolean;
  state: AvailabilityState;
  /** ISO instant the current state ends, or null when not known. */
  until: string | null;
  /** ISO start of the next standing call with this client, or null. */
  nextStandingCall: string | null;
  /** ISO instant the user is next available, or null when available now (or not known). */
  nextAvailable: string | null;
  /** The one-line summary: "Focus time until 15:00 · Our next call: Friday 10:00 · Ad-hoc calls → I answer by e-mail". */
  message: string;
  /** ISO instant the view was made. */
  updatedAt: string;
  locale: StatusLocale;
  timeZone: string;
  text: ClientStatusText;
}

/** Inputs of `clientStatusView`. */
export interface ClientStatusViewInput {
  client: StatusViewClient;
  status: StatusNow;
  timeline: readonly TimelineSegment[];
  now: Date;
}

const STATES: readonly AvailabilityState[] = ['available', 'focus', 'meeting', 'away', 'off-hours'];

/** True when `segment` is a standing call with the client `clientId`. */
export function isStandingCallWith(segment: TimelineSegment, clientId: string): boolean {
  return segment.standing === true && segment.clientId === clientId;
}

function time(iso: string | null | undefined): number {
  if (typeof iso !== 'string') return Number.NaN;
  return Date.parse(iso);
}

function isoOrNull(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Start of the first standing call with `clientId` that starts after `now`. */
function nextStandingCallStart(
  timeline: readonly TimelineSegment[],
  clientId: string,
  now: number,
): number {
  let best = Number.NaN;
  for (const segment of timeline) {
    if (!isStandingCallWith(segment, clientId)) continue;
    const start = time(segment.start);
    if (start > now && !(start >= best)) best = start;
  }
  return best;
}

/** The first instant at or after `from` that the timeline (or the status' next change) says is available. */
function nextAvailableAt(
  timeline: readonly TimelineSegment[],
  status: StatusNow,
  now: number,
): number {
  if (status.available) return Number.NaN;
  const until = time(status.until);
  const from = Number.isFinite(until) && until > now ? until : now;
  let best = Number.NaN;
  for (const segment of timeline) {
    if (!segment.available) continue;
    const start = time(segment.start);
    const end = time(segment.end);
    if (!(end > from)) continue;
    const at = Math.max(start, from);
    if (!(at >= best)) best = at;
  }
  if (Number.isNaN(best) && status.next?.available) best = time(status.next.at);
  return best;
}

/** Builds the view one client sees. Pure: the same input gives the same output. */
export function clientStatusView({
  client,
  status,
  timeline,
  now,
}: ClientStatusViewInput): ClientStatusView {
  const locale = statusLocale(client.locale);
  const timeZone = safeTimeZone(client.timeZone);
  const words = PHRASES[locale];
  const nowMs = now.getTime();
  const state: AvailabilityState = STATES.includes(status.state) ? status.state : 'away';
  const available = status.available === true;

  const untilMs = time(status.until);
  const until = untilMs > nowMs ? isoOrNull(untilMs) : null;
  const nextCallMs = nextStandingCallStart(timeline, client.id, nowMs);
  const nextAvailableMs = nextAvailableAt(timeline, status, nowMs);
  const when = (ms: number, sayToday = false): string =>
    formatWhen(new Date(ms), now, locale, timeZone, sayToday);

  const stateWord = words.state[state];
  const headline = until ? words.until(stateWord, when(untilMs)) : stateWord;
  const nextCall = Number.isFinite(nextCallMs) ? words.nextCall(when(nextCallMs, true)) : null;
  const nextAvailable =
    Number.isFinite(nextAvailableMs) && nextAvailableMs !== untilMs
      ? words.nextAvailable(when(nextAvailableMs, true))
      : null;
  const adHoc = available ? null : words.adHoc;
  const policy = client.policyText?.[locale]?.trim() || DEFAULT_POLICY_TEXT[locale];

  return {
    available,
    state,
    until,
    nextStandingCall: isoOrNull(nextCallMs),
    nextAvailable: isoOrNull(nextAvailableMs),
    message: [headline, nextCall, adHoc]
      .filter((part): part is string => part !== null)
      .join(' · '),
    updatedAt: now.toISOString(),
    locale,
    timeZone,
    text: {
      state: stateWord,
      headline,
      nextCall,
      nextAvailable,
      adHoc,
      policy,
      updated: words.updated(formatUpdated(now, now, locale, timeZone)),
    },
  };
}

/**
 * The view's fields by name, copied one by one: what leaves the process is exactly this shape even if
 * a caller hands the server an object with more on it.
 */
export function publicView(view: ClientStatusView): ClientStatusView {
  const t = view.text;
  return {
    available: view.available,
    state: view.state,
    until: view.until,
    nextStandingCall: view.nextStandingCall,
    nextAvailable: view.nextAvailable,
    message: view.message,
    updatedAt: view.updatedAt,
    locale: view.locale,
    timeZone: view.timeZone,
    text: {
      state: t.state,
      headline: t.headline,
      nextCall: t.nextCall,
      nextAvailable: t.nextAvailable,
      adHoc: t.adHoc,
      policy: t.policy,
      updated: t.updated,
    },
  };
}
