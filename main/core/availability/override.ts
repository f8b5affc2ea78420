/**
 * Manual overrides of the calendar-derived status: "available" or "unavailable", for a duration,
 * until a time, or until the user goes back to following the calendar (`null`).
 *
 * What a state becomes under an override (decided here, used by the timeline queries):
 *  - available: everything is 'available' ("set available by hand") — the user knows better than a
 *    meeting that was cancelled without being removed, or is working late.
 *  - unavailable: a stretch the calendar already counts as unavailable (focus, meeting, away,
 *    off-hours) keeps its state and reason, because "in a meeting until 11:00" says more than "away";
 *    only stretches the calendar counts as available become 'away' ("set unavailable by hand").
 * An override is in force from `setAt` up to (not including) `until`; once expired it is ignored.
 */
import type { AvailabilityState, Override } from '../../../shared/domain.js';
import { UserError } from '../../../shared/errors.js';
import { ALLOWED } from '../../../shared/input-errors.js';

/** Reason shown while an "available" override is in force. */
export const SET_AVAILABLE_REASON = 'set available by hand';
/** Reason shown when an "unavailable" override turns an available stretch into 'away'. */
export const SET_UNAVAILABLE_REASON = 'set unavailable by hand';

/** The parts of a timeline segment an override changes. */
export interface StateLike {
  state: AvailabilityState;
  available: boolean;
  reason: string;
  clientId?: string;
  /** A standing call with `clientId` (the status link shows that client "our next call"). */
  standing?: boolean;
}

const DURATION_WORDS = 'a duration like 30m, 2h, 1h30m or 90 (minutes)';
const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, min: 60_000 };

/**
 * Parses a duration such as "30m", "2h", "1h30m", "1h 30m", "1d" or a bare number of minutes ("90")
 * into milliseconds. Throws a UserError for anything else or zero; how long an override may last is
 * the contract's to say (setOverride's `minutes`), not this parser's. `field` names where it was typed.
 */
export function parseDuration(text: string, field?: string): number {
  const s = text.trim().toLowerCase();
  let ms = 0;
  if (/^\d+$/.test(s)) {
    ms = Number(s) * 60_000;
  } else {
    const re = /(\d+)\s*(d|h|min|m)\s*/gy;
    let pos = 0;
    for (let m = re.exec(s); m !== null; m = re.exec(s)) {
      ms += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
      pos = re.lastIndex;
    }
    if (pos === 0 || pos !== s.length)
      throw new UserError({ ...(field ? { field } : {}), value: text, allowed: DURATION_WORDS });
  }
  if (!(ms > 0))
    throw new UserError({
      ...(field ? { field } : {}),
      value: text,
      problem: 'must be longer than zero',
      allowed: DURATION_WORDS,
    });
  return ms;
}

/** The instant the override ends by itself (epoch ms), or Infinity when it lasts until changed. */
export function overrideEnd(override: Override): number {
  if (override.until === undefined) return Number.POSITIVE_INFINITY;
  const t = Date.parse(override.until);
  // An unreadable end must not make an override last for ever: treat it as already over.
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** The instant the override took effect (epoch ms); an unreadable one counts as "always". */
export function overrideStart(override: Override): number {
  const t = Date.parse(override.setAt);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** True when the override is in force at `ms` (set at or before it, not yet expired). */
export function isOverrideActive(override: Override | null | undefined, ms: number): boolean {
  return override != null && overrideStart(override) <= ms && ms < overrideEnd(override);
}

/** The override when it is in force at `ms`, else null (so an expired one is simply ignored). */
export function activeOverride(override: Override | null | undefined, ms: number): Override | null {
  return override != null && isOverrideActive(override, ms) ? override : null;
}

/** An override from `now` for `durationMs`. */
export function overrideFor(mode: Override['mode'], durationMs: number, now: number): Override {
  if (!(durationMs > 0))
    throw new UserError({ field: 'minutes', problem: 'an override must last longer than zero' });
  return {
    mode,
    setAt: new Date(now).toISOString(),
    until: new Date(now + durationMs).toISOString(),
  };
}

/** An override from `now` until the instant `untilMs`. */
export function overrideUntil(mode: Override['mode'], untilMs: number, now: number): Override {
  if (!(untilMs > now)) {
    throw new UserError({
      field: 'until',
      value: new Date(untilMs).toISOString(),
      problem: 'an override must end in the future',
    });
  }
  return { mode, setAt: new Date(now).toISOString(), until: new Date(untilMs).toISOString() };
}

/** An override from `now` that lasts until the user goes back to following the calendar. */
export function overrideIndefinitely(mode: Override['mode'], now: number): Override {
  return { mode, setAt: new Date(now).toISOString() };
}

/** Builds an override from the dashboard's request shape ({ mode, minutes?, until? }). */
export function overrideFromRequest(
  request: { mode: Override['mode']; minutes?: number; until?: string },
  now: number,
): Override {
  if (request.minutes !== undefined && request.until !== undefined) {
    throw new UserError({ field: 'until', problem: 'give either minutes or until, not both' });
  }
  if (request.minutes !== undefined)
    return overrideFor(request.mode, request.minutes * 60_000, now);
  if (request.until !== undefined) {
    const until = Date.parse(request.until);
    if (Number.isNaN(until))
      throw new UserError({ field: 'until', value: request.until, allowed: ALLOWED.instant });
    return overrideUntil(request.mode, until, now);
  }
  return overrideIndefinitely(request.mode, now);
}

const AVAILABLE_BY_HAND: StateLike = Object.freeze({
  state: 'available',
  available: true,
  reason: SET_AVAILABLE_REASON,
});
const AWAY_BY_HAND: StateLike = Object.freeze({
  state: 'away',
  available: false,
  reason: SET_UNAVAILABLE_REASON,
});

/** What a calendar state becomes while an override of `mode` is in force (see the file comment). */
export function applyOverrideMode(calendar: StateLike, mode: Override['mode']): StateLike {
  if (mode === 'available') return AVAILABLE_BY_HAND;
  return calendar.available ? AWAY_BY_HAND : calendar;
}
