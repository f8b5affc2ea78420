/**
 * Civil dates and times of day in a zone: the local day of an instant, the instant a local day or
 * time begins (through the zone's gap and overlap rules), and day, week and month boundaries in the
 * user's zone as half-open instant ranges.
 */
import { DAY_MS } from './civil.js';
import { endOfMonth, startOfMonth, startOfWeek, type WeekStart } from './periods.js';
import type { Disambiguation, TimeZone } from './zone.js';

const MINUTE_MS = 60_000;

/** A half-open stretch of time [start, end) in epoch ms. */
export interface InstantRange {
  start: number;
  end: number;
}

/** The wall time (the zone's clock reading written as if UTC) at instant `utc`. */
export function wallTimeAt(utc: number, zone: TimeZone): number {
  return utc + zone.offsetAt(utc);
}

/** Day number of the local date of instant `utc` in `zone`. */
export function localDayOf(utc: number, zone: TimeZone): number {
  return Math.floor(wallTimeAt(utc, zone) / DAY_MS);
}

/** Minutes since local midnight of instant `utc` in `zone` (0–1439). */
export function localMinutesOf(utc: number, zone: TimeZone): number {
  const wall = wallTimeAt(utc, zone);
  return Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/**
 * The instant the clock in `zone` shows local day `day` + `minutes` (1440 = the next midnight). A
 * skipped time moves forward by the gap; a repeated one is the earlier unless `choose` says 'later'.
 */
export function localToUtc(
  day: number,
  minutes: number,
  zone: TimeZone,
  choose?: Disambiguation,
): number {
  return zone.toUtc(day * DAY_MS + minutes * MINUTE_MS, choose);
}

/** The instant local day `day` begins in `zone` (its first instant, even when midnight is skipped). */
export function startOfDay(day: number, zone: TimeZone): number {
  return localToUtc(day, 0, zone);
}

/** Local day `day` in `zone` as instants: from its start to the next day's start (23–25 h on change days). */
export function dayRange(day: number, zone: TimeZone): InstantRange {
  return { start: startOfDay(day, zone), end: startOfDay(day + 1, zone) };
}

/** The local week holding instant `utc` in `zone`, starting on Monday or Sunday. */
export function weekRange(utc: number, zone: TimeZone, start: WeekStart = 'monday'): InstantRange {
  const first = startOfWeek(localDayOf(utc, zone), start);
  return { start: startOfDay(first, zone), end: startOfDay(first + 7, zone) };
}

/** The local calendar month holding instant `utc` in `zone`. */
export function monthRange(utc: number, zone: TimeZone): InstantRange {
  const day = localDayOf(utc, zone);
  return { start: startOfDay(startOfMonth(day), zone), end: startOfDay(endOfMonth(day) + 1, zone) };
}
