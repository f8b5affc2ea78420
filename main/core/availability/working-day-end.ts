/** When today's working hours end, for "unavailable until end of working day". */
import type { WorkingHours } from '../../../shared/domain.js';
import { workingIntervals } from './working-hours.js';
import { timeZone } from '../time/zone.js';
import { localDayOf } from '../time/zoned.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The end of the working day `now` falls in: the end of the last working period that starts on the
 * same local date as the period `now` is in (a lunch break does not end the day). Null outside
 * working hours. A period that runs past midnight counts for the day it starts on.
 */
export function endOfWorkingDay(hours: WorkingHours, now: number): number | null {
  const intervals = workingIntervals(hours, now - DAY, now + 2 * DAY);
  const current = intervals.find((i) => i.start <= now && now < i.end);
  if (!current) return null;
  const zone = timeZone(hours.tz);
  const day = localDayOf(current.start, zone);
  const sameDay = (ms: number): boolean => localDayOf(ms, zone) === day;
  let end = current.end;
  for (const i of intervals)
    if (i.start > current.start && sameDay(i.start)) end = Math.max(end, i.end);
  return end;
}
